"""`make check` names every model, partnership and source not reviewed for more than 24 months, with its line,
as a warning: the exit code stays 0. A record nobody reviewed does not take the site's date."""

import datetime

from conftest import run_peersite, write_data
from peersite.data.load import load_marked_yaml
from peersite.data.review import cutoff, stale_records
from peersite.data.validate import validate_site

TODAY = datetime.date(2026, 11, 23)


def site_with(tmp_path, *edits):
    """The minimal site with edits made."""
    return validate_site(load_marked_yaml(write_data(tmp_path, *edits)))


# Lines of minimal.yml that hold a comment, in the partnership and the model: a date written there keeps every line in place.
PARTNERSHIP_LINE = "    # No models here: a model names its partnership (models[].partnership).\n"
MODEL_LINE = "    # Nor materials: a material names the models it is about (materials[].models).\n"


def reviewed_on(day: str) -> list[tuple[str, str]]:
    """Edits giving the partnership, the model and both sources of the minimal site their own review date."""
    return [(PARTNERSHIP_LINE, f'    reviewed: "{day}"\n'), (MODEL_LINE, f'    reviewed: "{day}"\n'),
            ("    summary: {da: En evaluering., en: An evaluation.}\n",
             f'    summary: {{da: En evaluering., en: An evaluation.}}\n    reviewed: "{day}"\n'),
            ("    outcomes: [personal-recovery, empowerment]\n", f'    outcomes: [personal-recovery, empowerment]\n    reviewed: "{day}"\n')]


def test_records_older_than_24_months_are_named_with_their_lines(tmp_path):
    edits = reviewed_on("2024-11-22")
    edits[2] = (edits[2][0], edits[2][1].replace("2024-11-22", "2026-01-01"))
    site = site_with(tmp_path, *edits)
    lines = [stale.format("content/data.yml") for stale in stale_records(site, TODAY)]
    assert lines == [
        f"content/data.yml:{line}: warning: {where}: last reviewed on 2024-11-22, more than 24 months ago"
        f" — check '{id}' against its sources, then set its reviewed: to that day"
        for line, where, id in ((47, "partnerships[0]", "partnership-a"), (56, "models[0]", "model-a"), (164, "evidence[1]", "rct"))
    ]


def test_a_record_nobody_reviewed_does_not_take_the_sites_date(tmp_path):
    site = site_with(tmp_path, ('reviewed: "2026-11-22"', 'reviewed: "2019-06-01"'))
    assert [record.reviewed for record in (*site.partnerships, *site.models, *site.evidence)] == [None] * 4
    assert stale_records(site, TODAY) == []  # not stale: never reviewed, and its page says so (tests/test_relations.py)


def test_a_record_reviewed_24_months_ago_to_the_day_is_not_yet_stale(tmp_path):
    site = site_with(tmp_path, *reviewed_on("2024-11-23"))
    assert stale_records(site, TODAY) == []
    assert cutoff(datetime.date(2028, 2, 29)) == datetime.date(2026, 2, 28)


def test_check_warns_and_still_succeeds(tmp_path):
    write_data(tmp_path, *reviewed_on("2019-06-01"))
    for style, stream in (("text", "stderr"), ("github", "stdout")):
        result = run_peersite(tmp_path, "check", "--format", style)
        assert result.returncode == 0
        warnings = [line for line in getattr(result, stream).splitlines() if "warning" in line]
        assert len(warnings) == 4, result
        if style == "github":
            assert warnings[0].startswith("::warning file=content/data.yml,line=47,title=partnerships[0]::last reviewed on 2019-06-01")
    assert result.stdout.splitlines()[-1] == "content/data.yml: no errors."
