"""The synthetic data the benchmark builds from passes the same check as content/data.yml."""

import sys

import yaml

from conftest import ROOT
from peersite.data.load import load_marked_yaml
from peersite.data.validate import check_site

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_data import synthetic_data  # noqa: E402


def test_synthetic_data_passes_the_check(tmp_path):
    path = tmp_path / "data.yml"
    path.write_text(yaml.safe_dump(synthetic_data(3), allow_unicode=True), encoding="utf-8")
    site, problems = check_site(load_marked_yaml(path))
    assert [problem.format("data.yml") for problem in problems] == []
    assert (len(site.models), len(site.evidence)) == (3, 4)
