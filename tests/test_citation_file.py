"""CITATION.cff, for citing the site and its dataset, is valid Citation File Format and names the site's licence."""

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT
from peersite.open_data.licence import LICENCE_ID

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def cff_check(path: Path) -> subprocess.CompletedProcess:
    """check-jsonschema with the CFF schema it ships (no download) on a file."""
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.citation-file-format", str(path)],
                          capture_output=True, text=True)


def test_citation_file_is_valid_and_names_the_licence():
    result = cff_check(ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert (citation["cff-version"], citation["type"], citation["license"]) == ("1.2.0", "dataset", LICENCE_ID)


def test_an_invalid_citation_file_is_refused(tmp_path):
    broken = tmp_path / "CITATION.cff"
    broken.write_text((ROOT / "CITATION.cff").read_text(encoding="utf-8").replace("license: CC-BY-4.0", "license: CC-BY-4"),
                      encoding="utf-8")
    result = cff_check(broken)
    assert result.returncode == 1 and "license" in result.stdout
