"""A pull request explains itself: every check annotates its line (data, spelling, page links, the build's warnings),
and a preview of the site is published for it whether or not the checks pass, and removed when it is closed."""

import importlib.util
import re
import shlex
import shutil
import subprocess
import sys

import yaml

from conftest import ROOT, run_site_build, write_data

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
JOBS = WORKFLOW["jobs"]
TRIGGERS = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads the key `on` as true
PREVIEW_ACTION = "rossjrw/pr-preview-action"
FULL_COMMIT = re.compile(r"@[0-9a-f]{40}$")

_spec = importlib.util.spec_from_file_location("build_annotations", ROOT / "scripts" / "build_annotations.py")
build_annotations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_annotations)


def runs(job: str) -> list[str]:
    """The shell commands of a job's steps, one string a step."""
    return [step.get("run", "") for step in JOBS[job]["steps"]]


def step_using(job: str, action: str) -> dict:
    """The step of a job that uses an action."""
    return next(step for step in JOBS[job]["steps"] if step.get("uses", "").startswith(f"{action}@"))


# The preview ---------------------------------------------------------------------------------------------

def test_every_pull_request_gets_a_preview_built_by_a_job_that_waits_for_no_test():
    preview = JOBS["preview"]
    assert "needs" not in preview
    assert {"opened", "synchronize", "reopened", "closed"} <= set(TRIGGERS["pull_request"]["types"])
    assert any(shlex.split(run)[:2] == ["make", "build"] for run in runs("preview"))
    assert preview["permissions"] == {"contents": "write", "pull-requests": "write"}
    publish = step_using("preview", PREVIEW_ACTION)
    assert FULL_COMMIT.search(publish["uses"])
    assert publish["with"]["source-dir"] == "site"
    # The action removes the preview on `closed`: the step must run then, with no site built.
    assert "github.event.action == 'closed'" in publish["if"]


def test_a_closed_pull_request_runs_no_tests():
    assert JOBS["test"]["if"] == "github.event.action != 'closed'"


def test_publishing_main_keeps_the_open_previews():
    deploy = step_using("deploy", "JamesIves/github-pages-deploy-action")
    assert FULL_COMMIT.search(deploy["uses"])
    umbrella = step_using("preview", PREVIEW_ACTION)["with"].get("umbrella-dir", "pr-preview")
    assert deploy["with"]["branch"] == step_using("preview", PREVIEW_ACTION)["with"].get("preview-branch", "gh-pages")
    assert deploy["with"]["clean-exclude"].strip() == f"{umbrella}/"
    assert deploy["with"]["force"] is False
    assert JOBS["deploy"]["needs"] == "build"


def test_every_action_is_pinned_to_a_version():
    for name, job in JOBS.items():
        for step in job["steps"]:
            if "uses" in step:
                action = step["uses"]
                assert FULL_COMMIT.search(action) if not action.startswith("actions/") else re.search(r"@v\d+$", action), (name, action)


# Annotations ---------------------------------------------------------------------------------------------

def test_the_checks_annotate_and_the_spell_check_runs_when_the_data_check_fails():
    steps = {step.get("name"): step for step in JOBS["test"]["steps"]}
    assert steps["Check the data and the pages"]["run"] == ".venv/bin/python -m peersite check --format github --language da"
    spelling = steps["Check the spelling"]
    assert spelling["run"] == ".venv/bin/python -m peersite.checks.spelling --format github --language da"
    assert "!cancelled()" in spelling["if"]
    build = next(run for run in runs("preview") if run.startswith("make build"))
    log = re.search(r"\| tee (\S+)$", build)[1]
    assert f"scripts/build_annotations.py {log}" in "\n".join(runs("preview"))


def test_a_misspelling_is_annotated_on_its_line(tmp_path):
    for folder in ("content", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "peersite" / "pages").mkdir(parents=True)
    shutil.copy(ROOT / "peersite" / "pages" / "labels.yml", tmp_path / "peersite" / "pages" / "labels.yml")
    page = tmp_path / "docs" / "privacy.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Search runs in your own browser.", "Search runs in your own browzer."), encoding="utf-8")
    line = text[:text.index("Search runs in your own browser.")].count("\n") + 1
    result = subprocess.run([sys.executable, "-m", "peersite.checks.spelling", "--root", str(tmp_path), "--format", "github"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file=docs/privacy.en.md,line={line},title=spelling::browzer — did you mean browser, browner, bronzer, brownier?"
    ]


def test_the_builds_warnings_are_annotated_on_the_lines_of_the_pages(project_copy, tmp_path):
    write_data(project_copy)
    (project_copy / "docs" / "about.md").write_text("# Om\n\nEt kort:\n![Kort](kort.png)\n", encoding="utf-8")
    (project_copy / "docs" / "about.en.md").write_text("# About\n\n![Map](pictures/map.png)\n", encoding="utf-8")
    result = run_site_build(project_copy, tmp_path / "site")
    assert result.returncode == 1  # strict: a warning fails the build
    log = tmp_path / "build.log"
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    annotate = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_annotations.py"), str(log), "--root", str(project_copy)],
                              capture_output=True, text=True, cwd=ROOT)
    assert annotate.returncode == 0, annotate.stderr
    assert sorted(line.split("::")[1] for line in annotate.stdout.splitlines()) == [
        "warning file=docs/about.en.md,line=3,col=8,title=build",
        "warning file=docs/about.md,line=4,col=9,title=build",
    ]
    assert "contains a link 'pictures/map.png'" in annotate.stdout


def test_a_warning_both_languages_log_is_annotated_once_and_the_navigations_on_the_table_of_pages():
    log = (
        "WARNING - da: A reference to 'getting-started.md' is included in the 'nav' configuration, which is not found in the documentation files.\n"
        "WARNING - en: A reference to 'getting-started.md' is included in the 'nav' configuration, which is not found in the documentation files.\n"
        "WARNING -  Doc file 'models/ark.md' contains a link 'x.md', but the target 'models/x.md' is not found among documentation files.\n"
        "ERROR   - da: Aborted with 2 warnings in strict mode!\n"
        "docs/about.md:3:1: a problem `make check` annotates itself\n"
    )
    warnings = build_annotations.build_warnings(log)
    assert [level for level, _ in warnings] == ["warning", "warning"]
    pages = build_annotations.hand_written_pages(ROOT / "docs")
    navigation, generated = (build_annotations.annotation(level, message, ROOT, pages) for level, message in warnings)
    line = int(re.search(r"line=(\d+)", navigation)[1])
    table = (ROOT / "peersite" / "pages" / "page_table.py").read_text(encoding="utf-8").splitlines()
    assert navigation.startswith("::warning file=peersite/pages/page_table.py,") and '"getting-started.md"' in table[line - 1]
    assert generated == "::warning title=build::" + warnings[1][1]  # a page made from the data: on the pull request
