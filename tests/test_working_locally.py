"""Editing without root: `make check` on a machine with Python alone (no Hunspell, no apt-get) says in one line that
spelling was not checked and checks the rest, while CI fails without the dictionaries; the dev container gives
Codespaces the whole toolchain through the Makefile's own targets."""

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

MAKE = shutil.which("make")
NOT_ON_AN_EDITORS_MACHINE = {"hunspell", "apt-get"}
DEVCONTAINER = ROOT / ".devcontainer"


def path_without(tmp_path: Path, missing: set[str]) -> str:
    """A PATH of one folder that offers every program of this machine's PATH but the missing ones."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in reversed(os.environ["PATH"].split(os.pathsep)):
        for program in Path(directory).glob("*") if Path(directory).is_dir() else []:
            if program.name not in missing and os.access(program, os.X_OK) and not program.is_dir():
                (folder / program.name).unlink(missing_ok=True)
                (folder / program.name).symlink_to(program.resolve())
    return str(folder)


def make_check(path: str, **env: str) -> subprocess.CompletedProcess:
    """`make check` in the project, with this PATH, as an editor's machine (no CI unless asked) runs it."""
    environment = {name: value for name, value in os.environ.items() if name != "CI"} | {"PATH": path, **env}
    return subprocess.run([MAKE, "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True, env=environment)


def spelling_lines(result: subprocess.CompletedProcess) -> list[str]:
    """What the run said about spelling (in Danish, as `make check` speaks to editors)."""
    return [line for line in (result.stdout + result.stderr).splitlines() if "Stavning" in line and not line.startswith(".venv")]


def test_without_hunspell_make_check_says_so_in_one_line_and_passes(tmp_path):
    result = make_check(path_without(tmp_path, NOT_ON_AN_EDITORS_MACHINE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content/data.yml: ingen fejl." in result.stdout
    assert spelling_lines(result) == [
        "Stavningen er ikke tjekket: Hunspell er ikke installeret på denne computer — testene i dit pull request staver alle"
        " tekster (vil du tjekke her, så se »Stavekontrol« i CONTRIBUTING.md)."
    ]


def test_in_ci_make_check_fails_without_hunspell(tmp_path):
    result = make_check(path_without(tmp_path, NOT_ON_AN_EDITORS_MACHINE), CI="true")
    assert result.returncode != 0
    assert spelling_lines(result) == [
        "Stavningen kan ikke tjekkes: Hunspell er ikke installeret — i den automatiske test skal alle tekster staves:"
        " installér hunspell hunspell-da hunspell-en-gb (`make spelling-deps`)."
    ]


def test_a_missing_dictionary_is_named(tmp_path):
    path = path_without(tmp_path, NOT_ON_AN_EDITORS_MACHINE)
    # A Hunspell with the British dictionary and without the Danish one.
    fake = Path(path) / "hunspell"
    fake.write_text(f'#!/bin/sh\ncase "$*" in *da_DK*) echo "Can\'t open da_DK" >&2; exit 1;; esac\nexec {shutil.which("hunspell")} "$@"\n')
    fake.chmod(0o755)
    result = make_check(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert spelling_lines(result)[0].startswith("Stavningen er ikke tjekket: Hunspells ordbog da_DK mangler på denne computer — ")


def test_the_dev_container_installs_through_the_makefile_and_serves_the_sites_port():
    config = json.loads((DEVCONTAINER / "devcontainer.json").read_text(encoding="utf-8"))
    command = shlex.split(config["postCreateCommand"])
    assert command[0] == "make" and len(command) > 1
    for target in command[1:]:
        dry_run = subprocess.run([MAKE, "-n", target], cwd=ROOT, capture_output=True, text=True)
        assert dry_run.returncode == 0, f"the Makefile has no target {target}: {dry_run.stderr}"
    assert {"spelling-deps", "browser-deps"} <= set(command) and any(target.startswith(".venv/.installed") for target in command)
    serve_port = re.search(r'"--dev-addr", default="[\d.]+:(\d+)"', (ROOT / "scripts" / "serve.py").read_text(encoding="utf-8"))[1]
    assert config["forwardPorts"] == [int(serve_port)]
    assert "make serve" in config["portsAttributes"][serve_port]["label"]


def test_the_dev_container_has_what_the_makefile_would_install_with_apt_get_and_the_ci_python():
    dockerfile = (DEVCONTAINER / "Dockerfile").read_text(encoding="utf-8")
    installed = set(re.search(r"apt-get install -y --no-install-recommends \\\s*([^&]+)&&", dockerfile)[1].split())
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    wanted = {package for packages in re.findall(r"apt-get install -y -qq ([\w\s.-]+?) >/dev/null", makefile) for package in packages.split()}
    assert {"hunspell-da", "hunspell-en-gb", "chromium"} <= wanted <= installed
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    ci_python = re.search(r"image: python:(\d+\.\d+)-(\w+)", workflow).groups()
    assert re.search(rf"^FROM \S+python:\S*{re.escape(ci_python[0])}-{ci_python[1]}$", dockerfile, re.MULTILINE)
    config = json.loads((DEVCONTAINER / "devcontainer.json").read_text(encoding="utf-8"))
    node = re.search(r"node-version: (\d+)", workflow)[1]
    assert config["features"]["ghcr.io/devcontainers/features/node:1"]["version"] == node


def test_without_root_make_check_does_not_call_apt_get(tmp_path):
    path = path_without(tmp_path, NOT_ON_AN_EDITORS_MACHINE | {"id"})
    called = tmp_path / "apt-get was called"
    for program, script in (("id", "echo 1000"), ("apt-get", f"touch '{called}'; exit 100")):
        (Path(path) / program).write_text(f"#!/bin/sh\n{script}\n")
        (Path(path) / program).chmod(0o755)
    result = make_check(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not called.exists()
    assert spelling_lines(result)[0].startswith("Stavningen er ikke tjekket: Hunspell er ikke installeret")
