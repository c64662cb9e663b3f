"""Every internal link and anchor of the built site, in both languages, checked offline by lychee."""

import json
import re
import subprocess
import sys
from pathlib import Path

LYCHEE = Path(sys.executable).parent / "lychee"
# Each page has a header, navigation and footer: far more links than this; an empty site has none.
MIN_LINKS_PER_PAGE = 10


def run_lychee(site_dir: Path, site_url: str | None = None) -> tuple[int, dict]:
    """Check every link under site_dir without the network; lychee's exit code and JSON report."""
    command = [
        str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html",
        "--root-dir", str(site_dir), "--no-progress", "--verbose", "--format", "json",
    ]
    if site_url:
        # Canonical, hreflang and sitemap URLs name the public host: check them as the local files they are.
        command += ["--remap", f"^{re.escape(site_url)} file://{site_dir}/"]
    result = subprocess.run([*command, "--", str(site_dir)], capture_output=True, text=True, timeout=120)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)


def broken_links(report: dict) -> list[str]:
    """One line per broken link: the file it is in, the link and why."""
    return [
        f"{source}: {entry['url']} ({entry['status'].get('text') or entry['status']})"
        for source, entries in report["error_map"].items()
        for entry in entries
    ]


def checked_urls(report: dict) -> list[str]:
    """The URLs lychee found and resolved."""
    return [entry["url"] for entries in report["success_map"].values() for entry in entries]


def canonical_site_url(site_dir: Path) -> str:
    """The site_url the site was built with, read from the home page's canonical link."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]


def test_every_internal_link_and_anchor_resolves(built_site):
    """lychee finds no broken link or anchor anywhere in the built site, Danish or English."""
    returncode, report = run_lychee(built_site, canonical_site_url(built_site))
    assert returncode == 0 and not report["errors"], "\n".join(broken_links(report))


def test_the_link_check_really_checked_links(built_site):
    """lychee resolved links on every page, anchors and the site's absolute URLs among them."""
    pages = sorted(built_site.rglob("*.html"))
    assert any(path.parts[-3:] == ("en", "models", "index.html") for path in pages), "no English pages built"
    _, report = run_lychee(built_site, canonical_site_url(built_site))
    urls = checked_urls(report)
    assert report["successful"] >= MIN_LINKS_PER_PAGE * len(pages), report["successful"]
    assert sum("#" in url for url in urls) >= len(pages), "too few anchors checked"
    assert report["remaps"] >= len(pages), "canonical and hreflang URLs were not checked"
    assert any(url.startswith(f"file://{built_site}/en/") for url in urls)


def test_lychee_fails_on_a_broken_link_and_a_broken_anchor(tmp_path):
    """A tiny site with one missing page and one missing anchor makes lychee fail and name both."""
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.html").write_text('<h1 id="there">Other</h1>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="other/">fine</a> <a href="/other/#there">fine too</a>'
        ' <a href="missing/">missing page</a> <a href="other/#nowhere">missing anchor</a>',
        encoding="utf-8",
    )
    returncode, report = run_lychee(tmp_path)
    broken = "\n".join(broken_links(report))
    assert returncode != 0
    assert report["errors"] == 2, broken
    assert "missing" in broken and "#nowhere" in broken
    assert report["successful"] == 2, report
