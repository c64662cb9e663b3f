"""Same input, same bytes: a commit builds the same site whatever day it is built on."""

import datetime
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_site_build, site_files, write_data

DAYS_AHEAD = 400
# Python runs sitecustomize before anything else: in the build's processes the clock runs DAYS_AHEAD days ahead.
SHIFTED_CLOCK = f'''
import datetime, time

AHEAD = datetime.timedelta(days={DAYS_AHEAD})
_time, _time_ns = time.time, time.time_ns
time.time = lambda: _time() + AHEAD.total_seconds()
time.time_ns = lambda: _time_ns() + int(AHEAD.total_seconds()) * 10**9


class ShiftedDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return super().now(tz) + AHEAD

    @classmethod
    def utcnow(cls):
        return super().utcnow() + AHEAD

    @classmethod
    def today(cls):
        return cls.now()


datetime.datetime = ShiftedDatetime  # date.today() reads time.time()
'''


def shifted_clock(folder: Path) -> dict[str, str]:
    """Environment variables that put the clock of every Python process started with them DAYS_AHEAD days ahead."""
    (folder / "sitecustomize.py").write_text(SHIFTED_CLOCK, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}


def test_a_commit_builds_the_same_bytes_whatever_the_clock_says(tmp_path, request):
    clock = tmp_path / "clock"
    clock.mkdir()
    ahead = shifted_clock(clock)
    today = subprocess.run(
        [sys.executable, "-c", "import datetime as d, time; print(d.date.today(), d.datetime.now().date(), d.datetime.now(d.timezone.utc).date(), d.date.fromtimestamp(time.time()))"],
        env={**os.environ, **ahead}, capture_output=True, text=True, check=True,
    ).stdout.split()
    expected = str(datetime.date.today() + datetime.timedelta(days=DAYS_AHEAD))
    assert today == [expected] * 4, "the shifted clock must be in force"
    # No SOURCE_DATE_EPOCH: the build takes the last commit's date. The run's own build of the real site is today's,
    # unless SOURCE_DATE_EPOCH is set around the run.
    if os.environ.get("SOURCE_DATE_EPOCH"):
        today_build = run_site_build(ROOT, tmp_path / "today", SOURCE_DATE_EPOCH="")
        assert today_build.returncode == 0, today_build.stderr
        today_site = tmp_path / "today"
    else:
        today_site = request.getfixturevalue("built_site")
    later_build = run_site_build(ROOT, tmp_path / "later", SOURCE_DATE_EPOCH="", **ahead)
    assert later_build.returncode == 0, later_build.stderr
    built_today, built_later = site_files(today_site), site_files(tmp_path / "later")
    assert built_today.keys() == built_later.keys()
    assert [path for path in built_today if built_today[path] != built_later[path]] == []
    committed = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
    commit_day = datetime.datetime.fromtimestamp(int(committed.stdout), datetime.timezone.utc).date().isoformat()
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", built_today["sitemap.xml"].decode())) == {commit_day}


def test_source_date_epoch_dates_the_sitemap_and_its_gzip(project_copy):
    write_data(project_copy)
    result = run_site_build(project_copy, project_copy / "site", SOURCE_DATE_EPOCH="1780000000")  # 2026-05-28 20:26 UTC
    assert result.returncode == 0, result.stderr
    sitemap = (project_copy / "site" / "sitemap.xml").read_bytes()
    assert set(re.findall(rb"<lastmod>(.*?)</lastmod>", sitemap)) == {b"2026-05-28"}
    packed = (project_copy / "site" / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == sitemap
    day = datetime.datetime(2026, 5, 28, tzinfo=datetime.timezone.utc).timestamp()
    assert int.from_bytes(packed[4:8], "little") == day  # the gzip header's MTIME field
