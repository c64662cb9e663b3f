"""Every mistake an editor can make in content/data.yml gets one located, actionable message."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_mkdocs_build, run_peersite, write_data

NEXT_YEAR = datetime.date.today().year + 1
# (kind of mistake, text in minimal.yml, what the editor wrote instead, the exact report lines)
MISTAKES = [
    ("yaml-syntax", "  end_year: 2018\n", "  end_year: [2018\n", [
        "content/data.yml:29:13: YAML syntax: the '[' here has no ']' to close it on its line — end it with ']', with ', '"
        " between the items (the file is read no further: run the check again once this is fixed)",
    ]),
    ("missing-translation", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     "summary: {da: Lønnede peers i teams.}", [
        "content/data.yml:66:14: models[0].summary.en: missing English text — add it",
    ]),
    ("empty-translation", "target_group: {da: Voksne, en: Adults}", 'target_group: {da: Voksne, en: ""}', [
        "content/data.yml:64:36: models[0].target_group.en: empty English text — write it",
    ]),
    ("text-in-one-language", "    name: {da: Model A, en: Model A}\n", "    name: Model A\n", [
        "content/data.yml:58:11: models[0].name: expected a text in both languages, got a text ('Model A')"
        ' — write it as {da: "…", en: "…"}',
    ]),
    ("unknown-reference", "    source: evaluation\n    text", "    source: evaluaton\n    text", [
        "content/data.yml:80:13: definitions[0].source: unknown id 'evaluaton' in evidence"
        " — did you mean 'evaluation'? use an id from evidence (known: evaluation, rct)",
    ]),
    ("duplicate-id", "    url: https://example.dk/\n",
     "    url: https://example.dk/\n  - id: region-a\n    kind: region\n    name: {da: B, en: B}\n", [
        "content/data.yml:25:9: organisations[2].id: id 'region-a' is already used by organisations[0], on line 18"
        " — give this record its own id",
    ]),
    ("duplicate-key", "    delivery: paid\n", "    delivery: paid\n    delivery: volunteer\n", [
        "content/data.yml:62:5: models[0].delivery: 'delivery' is written twice (first on line 61) — keep one of them",
    ]),
    ("record-without-its-dash", "  - id: socialstyrelsen\n", "    id: socialstyrelsen\n", [
        "content/data.yml:21:5: organisations[0].id: 'id' is written a second time in the record from line 18, so YAML"
        " reads this line and those after it as more of that record — if a new record begins here, begin its first line"
        " with '- ', as line 18 does",
    ]),
    ("address-misspelt-beside-its-date", "    publisher: socialstyrelsen\n",
     '    publisher: socialstyrelsen\n    url: htps://example.dk/rapport\n    accessed: "2026-11-01"\n', [
        # Not also that 'accessed' wants a 'url': it has one, written wrongly.
        "content/data.yml:161:10: evidence[0].url: 'htps://example.dk/rapport' is not a web address — write the full"
        " address, like https://example.dk/page (leave the field out if unknown)",
    ]),
    ("english-text-named-da", "target_group: {da: Voksne, en: Adults}", "target_group: {da: Voksne, da: Adults}", [
        "content/data.yml:64:32: models[0].target_group.da: 'da' is written twice (first on line 64) — if this is the"
        " English text, write 'en:' here instead",
    ]),
    ("ids-without-their-comma", "anchored_by: [socialstyrelsen]", "anchored_by: [socialstyrelsen region-a]", [
        "content/data.yml:31:17: national_trial.anchored_by[0]: 'socialstyrelsen region-a' contains a space, but an id"
        " cannot contain spaces — if these are 2 ids, write a comma between them: socialstyrelsen, region-a; if it is"
        " one, write hyphens for the spaces: socialstyrelsen-region-a",
    ]),
    ("wrong-type", "    number: 1\n", "    number: one\n", [
        "content/data.yml:57:13: models[0].number: expected a whole number, got a text ('one') — write digits only, like 12",
    ]),
    ("number-in-quotes", "    number: 1\n", '    number: "1"\n', [
        "content/data.yml:57:13: models[0].number: expected a whole number, got a text ('1')"
        " — write the number without the quotes",
    ]),
    ("unknown-choice", "    delivery: paid\n", "    delivery: salaried\n", [
        "content/data.yml:61:15: models[0].delivery: unknown value 'salaried' — use one of: paid, volunteer, not-stated",
    ]),
    ("bad-url", "url: https://example.dk/", "url: example.dk", [
        "content/data.yml:24:10: organisations[1].url: 'example.dk' is not a web address"
        " — write the full address, like https://example.dk/page (leave the field out if unknown)",
    ]),
    ("url-with-user-name", "url: https://example.dk/", "url: https://sundhed.dk@evil.example/", [
        "content/data.yml:24:10: organisations[1].url: the address has 'sundhed.dk@' before its host, so a browser goes to"
        " 'evil.example', not to 'sundhed.dk' — write the address of a page as the organisation's own site gives it,"
        " like https://example.dk/side, with nothing before '@'",
    ]),
    ("url-with-a-comma-in-its-host", "url: https://example.dk/", "url: https://www,example.dk/", [
        "content/data.yml:24:10: organisations[1].url: the host 'www,example.dk' holds ',', which a domain name cannot"
        " hold — write the address of a page as the organisation's own site gives it, like https://example.dk/side",
    ]),
    ("url-to-an-ip-address", "url: https://example.dk/", "url: https://192.168.1.1/", [
        "content/data.yml:24:10: organisations[1].url: the host '192.168.1.1' is an IP address, not a domain name"
        " — write the address of a page as the organisation's own site gives it, like https://example.dk/side",
    ]),
    ("url-with-a-port", "url: https://example.dk/", "url: https://example.dk:8443/", [
        "content/data.yml:24:10: organisations[1].url: the address names the port ':8443' — link an address on the"
        " standard port, without ':8443'",
    ]),
    ("url-look-alike", "url: https://example.dk/", "url: https://xn--80ak6aa92e.com/", [
        "content/data.yml:24:10: organisations[1].url: the host 'аррӏе.com' (written 'xn--80ak6aa92e.com') is written"
        " in Cyrillic letters that look like Latin ones, so it can pass for another site's name — write the address of"
        " a page as the organisation's own site gives it, like https://example.dk/side",
    ]),
    ("url-mixed-scripts", "url: https://example.dk/", "url: https://sundhеd.dk/", [
        "content/data.yml:24:10: organisations[1].url: the host 'sundhеd.dk' mixes Cyrillic and Latin letters in"
        " 'sundhеd', so it can pass for another site's name — write the address of a page as the organisation's own"
        " site gives it, like https://example.dk/side, in one alphabet",
    ]),
    ("link-text-names-another-site", "target_group: {da: Voksne, en: Adults}",
     'target_group: {da: "Voksne, se [sundhed.dk](https://evil.example/)", en: Adults}', [
        "content/data.yml:64:36: models[0].target_group.da: the link text 'sundhed.dk' names sundhed.dk, but the link"
        " goes to https://evil.example/ — write the address the link goes to as its text, or say in words what the page is",
    ]),
    ("right-to-left-override", "target_group: {da: Voksne, en: Adults}", 'target_group: {da: "Ring 70 \u202e102 102", en: Adults}', [
        "content/data.yml:64:33: models[0].target_group.da: U+202E RIGHT-TO-LEFT OVERRIDE at column 33 — delete it:"
        " it is invisible in most editors and turns the text after it around on the page (make fix does it)",
    ]),
    ("zero-width-space", "target_group: {da: Voksne, en: Adults}", "target_group: {da: Voksne, en: Ad\u200bults}", [
        "content/data.yml:64:38: models[0].target_group.en: U+200B ZERO WIDTH SPACE at column 38 — delete it:"
        " it is invisible in most editors and cannot be seen on the page (make fix does it)",
    ]),
    ("yes-no-value-as-text", "target_group: {da: Voksne, en: Adults}", "target_group: {da: Voksne, en: no}", [
        "content/data.yml:64:36: models[0].target_group.en: expected the English text, got 'no', which YAML reads as"
        ' false (a yes/no value) — put it in quotes: "no"',
    ]),
    ("merge-key", "    delivery: paid\n", "    delivery: paid\n    <<: {number: 2}\n", [
        "content/data.yml:62:5: models[0].'<<': '<<' would copy the fields of another mapping here (a YAML 1.1 merge"
        " key), which this file does not use — write each field out in full",
    ]),
    ("bad-doi", "doi: 10.1186/s12888-025-07011-y", "doi: https://doi.org/10.1186/s12888-025-07011-y", [
        "content/data.yml:175:10: evidence[1].doi: 'https://doi.org/10.1186/s12888-025-07011-y' is not a DOI"
        " — write it like 10.1186/s13063-022-06670-6, without https://doi.org/",
    ]),
    ("implausible-year", "    year: 2017\n", "    year: 1917\n", [
        "content/data.yml:184:11: materials[0].year: 1917 is not a plausible year — use a year from 1990 to 2035",
    ]),
    ("bad-date", 'inclusion_start: "2020-12-07"', 'inclusion_start: "7 Dec 2020"', [
        "content/data.yml:131:20: peer_trial.inclusion_start: expected a date, got a text ('7 Dec 2020')"
        ' — write it as YYYY-MM-DD, like "2018-06-01"',
    ]),
    ("impossible-date", 'inclusion_start: "2020-12-07"', 'inclusion_start: "2021-02-29"', [
        "content/data.yml:131:20: peer_trial.inclusion_start: 2021-02-29 is not a day of the calendar"
        " — check the month (01 to 12) and the day",
    ]),
    ("missing-field", "    target_group: {da: Voksne, en: Adults}\n", "", [
        "content/data.yml:56:5: models[0].target_group: missing field 'target_group' — add it",
    ]),
    ("field-without-its-value", "    partnership: partnership-a\n", "    partnership:  # which one?\n", [
        "content/data.yml:59:5: models[0].partnership: 'partnership' has no value — write it after 'partnership: '",
    ]),
    ("field-indented-into-the-text-above", "    name: {da: Model A, en: Model A}\n    partnership: partnership-a\n",
     "    name:\n      da: Model A\n      en: Model A\n      partnership: partnership-a\n", [
        # Not also that the model misses its partnership: it is there, in the wrong place.
        "content/data.yml:61:7: models[0].name.partnership: unknown language 'partnership' — use only da and en; if"
        " 'partnership' is a field of its own, indent it as far as 'name:'",
    ]),
    ("publication-year-to-come", "    year: 2025\n", f"    year: {NEXT_YEAR}\n", [
        f"content/data.yml:167:11: evidence[1].year: {NEXT_YEAR} is still to come — write the year the work came out, this"
        " year at the latest",
    ]),
    ("unknown-field", "    kind: region\n", "    kind: region\n    colour: blue\n", [
        "content/data.yml:20:5: organisations[0].colour: unknown field 'colour' — use one of: id, kind, name, about, url",
    ]),
    ("misspelt-field", "    kind: region\n", "    knid: region\n", [
        "content/data.yml:19:5: organisations[0].knid: unknown field 'knid' — did you mean 'kind'?"
        " use one of: id, kind, name, about, url",
    ]),
    # The model's reference to 'booklet' may follow from the broken id: it is not reported.
    ("id-not-a-slug", "  - id: booklet\n", "  - id: Hæftet\n", [
        "content/data.yml:181:9: materials[0].id: 'Hæftet' is not a valid id — use lower-case a–z, 0–9"
        " and hyphens (write 'ae', 'oe', 'aa' for 'æ', 'ø', 'å')",
    ]),
    ("misspelt-section", "\nmodels:\n", "\nmodles:\n", [
        "content/data.yml:55:1: modles: unknown section 'modles' — did you mean 'models'? use one of: site,"
        " organisations, national_trial, partnerships, models, forms, definitions, mechanisms, peer_roles,"
        " not_a_peer, implementation_steps, course, outcomes, peer_trial, evidence, materials, glossary,"
        " evidence_map, course_and_model, find_support, publisher",
    ]),
    # The references to models from partnerships and sources follow from this one mistake: not reported.
    ("section-as-text", "\nmodels:\n  - id: model-a\n", "\nmodels: six\nold_models:\n  - id: model-a\n", [
        "content/data.yml:55:9: models: expected a list of models, got a text ('six') — start each item on its own line with '- '",
        "content/data.yml:56:1: old_models: unknown section 'old_models' — did you mean 'models'? use one of: site,"
        " organisations, national_trial, partnerships, models, forms, definitions, mechanisms, peer_roles,"
        " not_a_peer, implementation_steps, course, outcomes, peer_trial, evidence, materials, glossary,"
        " evidence_map, course_and_model, find_support, publisher",
    ]),
    ("record-as-list", "\nmodels:\n  - id: model-a\n", "\nmodels:\n  - [model-a]\n  - id: model-a\n", [
        # Not also that model 1 is listed second: that follows from the model that could not be read.
        "content/data.yml:56:5: models[0]: expected a model, got a list — write one 'field: value' a line, indented under it",
    ]),
    ("review-date-in-the-future", '  reviewed: "2026-11-22"\n', '  reviewed: "2999-01-01"\n', [
        "content/data.yml:3:13: site.reviewed: 2999-01-01 is in the future"
        " — write the day the content was checked, today at the latest",
    ]),
    ("raw-html", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: "Lønnede <b>peers</b> i teams.", en: Paid peers in teams.}', [
        "content/data.yml:66:28: models[0].summary.da: raw HTML ('<b…') is not allowed in a data text"
        " — write plain text; use *word* for emphasis and [text](https://…) for a link",
    ]),
    ("unsafe-link", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: Lønnede peers i teams., en: "Paid [peers](javascript:alert(1))."}', [
        "content/data.yml:66:59: models[0].summary.en: the link to 'javascript:…' is not allowed"
        " — links must start with https://, http:// or mailto: (a page of this site is linked through"
        " the record's fields, not in a text)",
    ]),
    ("quote-left-over", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: Lønnede peers" i teams., en: Paid peers in teams.}', [
        "content/data.yml:66:32: models[0].summary.da: a straight \" at column 32 does not open or close a quotation — remove it"
        " if it is left over from the quotes around the text; a quotation in a text is written »…« in Danish, “…” in English",
    ]),
    ("link-not-whole", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: Lønnede peers i teams., en: "Paid [peers](https://example.dk/a page) in teams."}', [
        "content/data.yml:66:53: models[0].summary.en: the link '[peers](https://example.dk/a' is incomplete — write it as"
        " [text](https://…), with ')' at its end and no space in the address",
    ]),
    ("link-not-whole-right-after-a-whole-one", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: Lønnede peers i teams., en: "Paid [peers](https://example.dk/)[teams](https://example.dk/b"}', [
        "content/data.yml:66:81: models[0].summary.en: the link '[teams](https://example.dk/b' is incomplete — write it as"
        " [text](https://…), with ')' at its end and no space in the address",
    ]),
    ("emphasis-not-closed", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: "Lønnede **peers i teams.", en: Paid peers in teams.}', [
        "content/data.yml:66:28: models[0].summary.da: a '*' here does not start or end an emphasis, so the page would show it —"
        " write *words* or **words**, with a mark on both sides, or remove it",
    ]),
    ("mail-link-without-its-domain", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: "Lønnede peers i teams. [Skriv](mailto:info@example).", en: Paid peers in teams.}', [
        "content/data.yml:66:43: models[0].summary.da: the link '[Skriv](mailto:info@example)': the host 'example' is not"
        " a registered domain name — write the e-mail address as the organisation gives it, like mailto:info@example.dk",
    ]),
    ("model-out-of-order", "    number: 1\n", "    number: 2\n", [
        "content/data.yml:57:13: models[0].number: model number 2 out of order"
        " — number the models 1, 2, 3 … as they are listed (this one is 1)",
    ]),
    # A finding is counted at the level it was measured: the programme's evaluation is not each model's.
    ("programme-evaluation-names-models", "    reported: [{outcome: empowerment", "    models: [model-a]\n    reported: [{outcome: empowerment", [
        "content/data.yml:162:13: evidence[0].models: this is the evaluation of the whole pilot programme"
        " (national_trial.evaluation.source): it covers the three partnerships together, so its findings are the"
        " programme's, not each model's — remove 'models'",
    ]),
    ("outcome-covered-and-reported", "    outcomes: [personal-recovery, empowerment]\n",
     "    outcomes: [personal-recovery, empowerment]\n    reported: [{outcome: empowerment, found: not-stated}]\n", [
        "content/data.yml:179:15: evidence[1].outcomes: empowerment also under 'reported' — list an outcome once:"
        " under 'reported' when the source says what it found, under 'outcomes' when it only covers it",
    ]),
    ("unknown-finding", "found: improvement, among: receivers}", "found: better, among: receivers}", [
        "content/data.yml:162:46: evidence[0].reported[0].found: unknown value 'better' — use one of: improvement, not-stated",
    ]),
    ("rubric-level-without-kinds", "    - {id: trial, kinds: [rct],", "    - {id: trial, kinds: [],", [
        "content/data.yml:201:26: evidence_map.levels[0].kinds: only the last level may have no kinds"
        " — name the kinds of source that reach this level",
    ]),
    # A misspelt field of a level is reported once, as unknown; the rubric's own rules are not checked on it.
    ("rubric-level-kinds-misspelt", "    - {id: none, kinds: [],", "    - {id: none, knids: [],", [
        "content/data.yml:202:18: evidence_map.levels[1].knids: unknown field 'knids' — did you mean 'kinds'?"
        " use one of: id, kinds, name, reason, means, does_not_mean",
    ]),
    ("rubric-kind-twice", "    - {id: none, kinds: [],", "    - {id: none, kinds: [rct],", [
        "content/data.yml:202:25: evidence_map.levels[1].kinds: the last level is where a model stands when no"
        " source is about it — write 'kinds: []'",
        "content/data.yml:202:25: evidence_map.levels[1].kinds: 'rct' already reaches the level 'trial'"
        " — a kind of source reaches one level only",
    ]),
    # Reference fields follow the kind of work (peersite/data/references.py): a talk has an organiser and no address.
    ("url-on-a-talk", "    kind: evaluation\n    name: {da: Evaluering, en: Evaluation}\n    year: 2018\n    publisher: socialstyrelsen\n",
     "    kind: talk\n    name: {da: Oplæg, en: Talk}\n    year: 2018\n    organiser: socialstyrelsen\n"
     "    url: https://example.dk/slides\n", [
        "content/data.yml:161:5: evidence[0].url: a source of kind 'talk' takes no 'url' — remove it, or give the"
        " source a kind that takes it: rct, protocol, evaluation, status-report, review, meta-analysis, framework,"
        " catalogue, knowledge-portal, article, report, web-page, guide, journal-article",
    ]),
    ("journal-on-a-web-page", "    kind: evaluation\n    name: {da: Evaluering, en: Evaluation}\n",
     "    kind: web-page\n    name: {da: Evaluering, en: Evaluation}\n    journal: Trials\n", [
        "content/data.yml:159:5: evidence[0].journal: a source of kind 'web-page' takes no 'journal' — remove it, or"
        " give the source a kind that takes it: rct, protocol, review, meta-analysis, framework, article, journal-article",
    ]),
    ("closed-without-address", "    publisher: socialstyrelsen\n", '    publisher: socialstyrelsen\n    closed: "2024-01-03"\n', [
        "content/data.yml:161:5: evidence[0].closed: 'closed' is a date of the work's web address"
        " — add its 'url', or remove 'closed'",
    ]),
    # A material takes its publisher, year, address and models from the source it points at: written once, never two ways.
    ("material-disagrees-with-its-source", "    about: {da: Et hæfte., en: A booklet.}\n",
     "    about: {da: Et hæfte., en: A booklet.}\n    evidence: evaluation\n", [
        "content/data.yml:184:11: materials[0].year: 2017 disagrees with the source 'evaluation' (line 156), which gives"
        " 2018 — a material takes its year from its source: correct the source if it is wrong, and remove it here",
        "content/data.yml:185:16: materials[0].publisher: 'region-a' disagrees with the source 'evaluation' (line 156),"
        " which gives 'socialstyrelsen' — a material takes its publisher from its source: correct the source if it is"
        " wrong, and remove it here",
        "content/data.yml:188:13: materials[0].models: [model-a] disagrees with the source 'evaluation' (line 156), which"
        " gives no models — a material takes its models from its source: correct the source if it is wrong, and remove it here",
    ]),
    ("material-repeats-its-source", "    year: 2017\n    publisher: region-a\n    about: {da: Et hæfte., en: A booklet.}\n",
     "    year: 2018\n    about: {da: Et hæfte., en: A booklet.}\n    evidence: evaluation\n", [
        "content/data.yml:184:11: materials[0].year: 2018 is already given by the source 'evaluation' (line 156)"
        " that the material points at — remove it here",
        "content/data.yml:187:13: materials[0].models: [model-a] disagrees with the source 'evaluation' (line 156), which"
        " gives no models — a material takes its models from its source: correct the source if it is wrong, and remove it here",
    ]),
]


def run_check(folder: Path) -> subprocess.CompletedProcess:
    """Run the editors' command, `python -m peersite check`, in folder (in this process)."""
    return run_peersite(folder, "check")


def test_minimal_data_passes(tmp_path):
    """The command itself, in a Python of its own, as `make check` runs it."""
    write_data(tmp_path)
    result = subprocess.run([sys.executable, "-m", "peersite", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "content/data.yml: no errors.\n", "")


def test_an_unencrypted_address_is_a_warning_where_it_is_written(tmp_path):
    """A warning, not an error: the exit code stays 0. It names the field and the address's own line and column,
    not the line of the record that holds it."""
    write_data(tmp_path, ("url: https://example.dk/", "url: http://example.dk/"))
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "content/data.yml:24:10: warning: organisations[1].url: 'http://example.dk/' is not encrypted (http://)"
        " — write https:// if the site answers there",
    ]


@pytest.mark.parametrize("old, new, expected", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_mistake_is_reported_where_it_is(tmp_path, old, new, expected):
    write_data(tmp_path, (old, new))
    result = run_check(tmp_path)
    count = len(expected)
    summary = f"{count} error{'s' if count > 1 else ''} in content/data.yml; nothing was built."
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected + [summary]
    assert "Traceback" not in result.stderr


def test_all_mistakes_are_reported_at_once(tmp_path):
    write_data(tmp_path, *[(old, new) for _, old, new, _ in MISTAKES[1:5]])
    result = run_check(tmp_path)
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert lines[-1] == "4 errors in content/data.yml; nothing was built."
    assert [line.split(": ")[1] for line in lines[:-1]] == [
        "models[0].name", "models[0].target_group.en", "models[0].summary.en", "definitions[0].source",
    ]


def test_errors_become_annotations_on_the_pull_request(tmp_path):
    write_data(tmp_path, ("    number: 1\n", "    number: one\n"))
    result = run_peersite(tmp_path, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/data.yml,line=57,col=13,title=models[0].number::expected a whole number,"
        " got a text ('one') — write digits only, like 12",
        "1 error in content/data.yml; nothing was built.",
    ]


def test_check_also_finds_pages_missing_in_a_language(tmp_path):
    write_data(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# Om\n\n<!-- data: no-such-block -->\n", encoding="utf-8")
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "docs/about.md:1:1: docs/about.en.md is missing — every page needs a Danish and an English file; add it",
        "docs/about.md:3:1: unknown data block 'no-such-block' — use one of: implementation-steps, models-delivery, reviewed, publisher, contact, help-now",
        "2 errors in content/data.yml; nothing was built.",
    ]


def test_missing_file_is_reported(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "content/data.yml:1:1: file not found — create it or pass the right path"


def test_build_with_broken_data_stops_before_writing_anything(project_copy):
    write_data(project_copy, MISTAKES[1][1:3])
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 1
    assert "content/data.yml:66:14: models[0].summary.en: missing English text — add it" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project_copy / "site").exists()
    assert not (project_copy / "docs" / "models").exists()


def test_build_with_sound_data_writes_both_languages(project_copy):
    write_data(project_copy)
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "models" / "model-a" / "index.html").is_file()
    assert (project_copy / "site" / "en" / "models" / "model-a" / "index.html").is_file()


def test_build_refuses_a_page_in_one_language_only(project_copy):
    write_data(project_copy)
    (project_copy / "docs" / "extra.md").write_text("# Kun dansk\n", encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 1
    assert "docs/extra.md:1:1: docs/extra.en.md is missing — every page needs a Danish and an English file; add it" in result.stderr
