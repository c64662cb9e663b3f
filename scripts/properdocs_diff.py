"""Build the site with ProperDocs and with MkDocs and show every difference but the generator tag; exit 1 if any.

ProperDocs, the maintained fork of MkDocs 1.x, is the way off MkDocs once MkDocs 1.x and Material stop being
maintained (README, "Leaving MkDocs"). Only `<meta name="generator">` may differ: it names the generator.
"""

import difflib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
SHOWN = 20  # differences shown in full; the rest are only counted


def normalised(path: Path) -> bytes:
    """A built file's bytes, with an HTML page's generator tag reduced to the same tag for every generator."""
    content = path.read_bytes()
    return GENERATOR_TAG.sub(b'<meta name="generator">', content) if path.suffix == ".html" else content


def differences(first: Path, second: Path) -> list[str]:
    """One entry per file that only one site has or that differs, with a unified diff where it is text."""
    files = {
        site: {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()} for site in (first, second)
    }
    found = [f"{name}: only in {site}" for site in (first, second) for name in sorted(files[site] - files[second if site == first else first])]
    for name in sorted(files[first] & files[second]):
        before, after = normalised(first / name), normalised(second / name)
        if before == after:
            continue
        try:
            lines = [text.decode("utf-8").splitlines(keepends=True) for text in (before, after)]
        except UnicodeDecodeError:
            found.append(f"{name}: the files differ")
            continue
        found.append("".join(difflib.unified_diff(*lines, f"{first.name}/{name}", f"{second.name}/{name}", n=1)))
    return found


def build(generator: str, site_dir: Path) -> None:
    """Build the site as `make build` does, with the given generator; stop if it fails."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--generator", generator, "-d", str(site_dir)], check=True)


def main() -> int:
    """Build with both generators and print the differences; 0 when there are none."""
    with tempfile.TemporaryDirectory() as scratch:
        mkdocs, properdocs = Path(scratch) / "mkdocs", Path(scratch) / "properdocs"
        build("mkdocs", mkdocs)
        build("properdocs", properdocs)
        found = differences(mkdocs, properdocs)
        pages = sum(1 for _ in mkdocs.rglob("*.html"))
    for difference in found[:SHOWN]:
        print(difference)
    if found:
        print(f"{len(found)} file(s) differ between the MkDocs and the ProperDocs build (generator tag aside).")
        return 1
    print(f"MkDocs and ProperDocs built the same site ({pages} HTML pages), generator tag aside.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
