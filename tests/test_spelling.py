"""The spell check an editor runs with `make check`: the real texts pass, and planted mistakes are named by file and line."""

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from peersite.checks import spelling


@pytest.fixture()
def project(tmp_path):
    """A copy of every text the spell check reads, to plant mistakes in."""
    for folder in ("content", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "peersite" / "pages").mkdir(parents=True)
    shutil.copy(ROOT / "peersite" / "pages" / "labels.yml", tmp_path / "peersite" / "pages" / "labels.yml")
    return tmp_path


def plant(path, old: str, new: str) -> int:
    """Replace the one occurrence of old in a file with new; the line number it stands on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_the_real_texts_have_no_misspellings_or_unwanted_variants():
    result = subprocess.run([sys.executable, "-m", "peersite.checks.spelling"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Spelling: no problems in" in result.stdout


def test_planted_mistakes_are_each_reported_at_their_line(project, capsys):
    data, page, english = project / "content/data.yml", project / "docs/getting-started.md", project / "docs/privacy.en.md"
    danish_line = plant(data, "Du kan selv melde dig.", "Du kan selv melde dig til tilbudet.")
    variant_line = plant(page, "Op til 10 deltagere mødes i en gruppe", "Op til 10 deltagere mødes i kurset")
    english_line = plant(english, "Search runs in your own browser.", "Search runs in your own browzer, like peer education.")
    assert spelling.main(["--root", str(project)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"content/data.yml:{danish_line}: tilbudet — did you mean tilbuddet, tilbudte, tilbudt, tilbundet?",
        f"docs/getting-started.md:{variant_line}: kurset — did you mean forløbet? (the site writes forløbet: content/variants.yml)",
        f"docs/privacy.en.md:{english_line}: browzer — did you mean browser, browner, bronzer, brownier?",
        f"docs/privacy.en.md:{english_line}: peer education — did you mean training programme for peers?"
        " (the site writes training programme for peers: content/variants.yml)",
        "4 words to fix in 3 file(s).",
    ]


def test_a_name_needs_the_word_list_and_a_quoted_title_may_be_in_the_other_language(project, capsys):
    data = project / "content/data.yml"
    name_line = plant(data, '"Du behøver ingen faglig baggrund."', '"Du behøver ingen faglig baggrund, siger Zyxwabc."')
    plant(data, '"Du får en manual og løbende sparring."', '"Du får en manual og løbende sparring, se »Paths to everyday life«."')
    assert spelling.main(["--root", str(project)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"content/data.yml:{name_line}: Zyxwabc — not in the Danish dictionary; if it is a name or term, add it to content/words.txt",
        "1 word to fix in 1 file(s).",
    ]
    words = project / "content/words.txt"
    words.write_text(words.read_text(encoding="utf-8") + "Zyxwabc\n", encoding="utf-8")
    assert spelling.main(["--root", str(project)]) == 0


def test_english_words_outside_a_quotation_are_misspellings_on_a_danish_page(project, capsys):
    line = plant(project / "content/data.yml", '"Du behøver ingen faglig baggrund."', '"Du behøver ingen faglig baggrund, see life."')
    assert spelling.main(["--root", str(project)]) == 1
    assert {entry.split(" — ")[0] for entry in capsys.readouterr().err.splitlines()[:-1]} == {
        f"content/data.yml:{line}: see", f"content/data.yml:{line}: life",
    }


def test_the_word_list_is_sorted_and_has_no_repeats():
    lines = [line for line in (ROOT / spelling.WORDS_FILE).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == sorted(set(lines), key=str.casefold)
