"""The form for editors at /admin/, end to end and offline: the site built with Decap CMS in it and served on
127.0.0.1; decap-server in git mode saving into a clone of this repository as GitHub would (a branch cms/… with a
commit for each draft); Debian's Chromium driving the form as an editor would, one browser session per scenario.

`pytest tests/browser/test_cms.py --durations=0` shows how long each scenario takes."""

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browsing import violations
from conftest import ROOT, LocalServer, _QuietHandler, real_project_copy, run_site_build
from peersite.data.load import load_marked_yaml
from peersite.data.validate import DATA_PATH

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
DANISH_INTERFACE = ROOT / "node_modules" / "decap-cms-locales" / "src" / "da" / "index.js"
ADDED = " Ændret i formularen."  # what the editor types at the end of a text
LOCAL = re.compile(r"^(?:https?://127\.0\.0\.1:\d+/|data:|blob:|about:)")
# Decap loads 5 MB of script and then the whole data file: on a loaded 2-core machine that can take half a minute.
LOADING = 90_000  # milliseconds
# The roles of the controls an editor works with, as Chromium's accessibility tree names them.
CONTROLS = ("button", "textbox", "combobox", "checkbox", "link", "spinbutton", "switch", "listbox", "option", "tab")


def danish(key: str) -> str:
    """A text of Decap's Danish interface (locale: da), from its translation file."""
    return re.search(rf"\b{key}: '([^']*)'", DANISH_INTERFACE.read_text(encoding="utf-8")).group(1)


def git(repository: Path, *arguments: str) -> str:
    """Run git in the repository and return what it prints."""
    return subprocess.run(["git", *arguments], cwd=repository, capture_output=True, text=True, check=True).stdout


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def clone_of_this_repository(folder: Path) -> Path:
    """This repository's last commit in a clone of its own, its one branch called main, as GitHub would hold it
    (a branch named `cms` would keep Decap from making branches cms/…)."""
    repository = folder / "repository"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(repository)], check=True)
    git(repository, "checkout", "--quiet", "-B", "main")
    for branch in git(repository, "for-each-ref", "--format=%(refname:short)", "refs/heads").split():
        if branch != "main":
            git(repository, "branch", "--quiet", "-D", branch)
    git(repository, "remote", "remove", "origin")
    git(repository, "config", "user.name", "Redaktør")
    git(repository, "config", "user.email", "redaktoer@example.invalid")
    return repository


@contextlib.contextmanager
def running_decap_server(repository: Path) -> Iterator[str]:
    """decap-server in git mode on 127.0.0.1, saving into the repository: yields the address of its API."""
    port = free_port()
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=repository, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repository)},
    )
    try:
        log = []
        for line in server.stdout:  # ends when the server stops
            log.append(line)
            if "listening on" in line:
                break
        assert server.poll() is None, "decap-server did not start:\n" + "".join(log)
        threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()  # keep its pipe from filling up
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        server.terminate()
        server.wait()


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """The repository the form saves into."""
    return clone_of_this_repository(tmp_path_factory.mktemp("cms"))


@pytest.fixture(scope="module")
def decap_server(clone) -> Iterator[str]:
    """decap-server saving into the clone: the address of its API."""
    with running_decap_server(clone) as api:
        yield api


@pytest.fixture(scope="module")
def admin_url(decap_server, tmp_path_factory) -> str:
    """/admin/ of the site built as `make build` builds it, told decap-server's address, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("cms-site")
    site = folder / "site"
    result = run_site_build(real_project_copy(folder / "project"), site, CMS_LOCAL_BACKEND=decap_server)
    assert result.returncode == 0, result.stdout + result.stderr
    server = LocalServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/admin/"
    server.shutdown()


@pytest.fixture(autouse=True)
def patience(context) -> None:
    """Give every wait in the form (clicks, text to appear) the time Decap may need to load."""
    context.set_default_timeout(LOADING)


@pytest.fixture
def requests_elsewhere(context) -> list[str]:
    """Every address the browser asks for that is not on 127.0.0.1 (the site, decap-server)."""
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url) if not LOCAL.match(request.url) else None)
    return asked


def open_section(page: Page, admin_url: str, section: str) -> None:
    """Log in (decap-server needs no password) and open the entry that edits one section of the data file."""
    page.goto(f"{admin_url}#/collections/{section}/entries/{section}")
    page.get_by_role("button", name=danish("login")).click()


def text_box(page: Page, text: str):
    """The one text box in the form that holds this text."""
    boxes = page.locator("textarea, input[type=text]")
    expect(boxes.first).to_be_attached(timeout=LOADING)
    values = boxes.evaluate_all("elements => elements.map(element => element.value)")
    assert values.count(text) == 1, f"{values.count(text)} boxes hold {text!r}"
    return boxes.nth(values.index(text))


def replace_text(box, old: str, new: str) -> None:
    """Type into a text box as an editor would: add to its end, or select all and type anew."""
    box.click()
    if new.startswith(old):
        box.press("Control+End")
        box.press_sequentially(new[len(old):])
    else:
        box.press("Control+a")
        box.press_sequentially(new)


def save(page: Page) -> None:
    """Save the draft, and wait until the form says it is saved."""
    page.get_by_role("button", name=danish("save"), exact=True).click()
    expect(page.get_by_text(danish("entrySaved"))).to_be_visible(timeout=LOADING)


def saved_data(clone: Path, section: str, folder: Path) -> Path:
    """The data file as the draft of a section saved it, on its branch: written to folder/content/data.yml."""
    branch = f"cms/{section}/{section}"
    assert git(clone, "branch", "--list", branch).strip(), f"no branch {branch}: {git(clone, 'branch')}"
    commits = git(clone, "rev-list", f"main..{branch}").split()
    assert len(commits) == 1, f"{branch} holds {len(commits)} commits, not one"
    saved = folder / DATA_PATH
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(git(clone, "show", f"{branch}:{DATA_PATH}"), encoding="utf-8")
    return saved


def item_name(record: dict) -> str:
    """How the form names a record in a folded list (peersite/editing/cms.py: its Danish name)."""
    return f"«{record['name']['da']}»"


def test_a_changed_summary_is_saved_as_a_draft_branch_with_every_other_section_kept(page, admin_url, clone, requests_elsewhere, tmp_path):
    original = load_marked_yaml(clone / DATA_PATH)
    number_one = next(model for model in original["models"] if model["number"] == 1)
    index = original["models"].index(number_one)
    old = number_one["summary"]["da"]

    open_section(page, admin_url, "models")
    page.get_by_role("button", name=f"Vis eller skjul {item_name(number_one)}").click()
    replace_text(text_box(page, old), old, old + ADDED)
    save(page)

    # Decap's interface speaks Danish (locale: da): the save button, and what it says once the draft is saved.
    expect(page.get_by_role("button", name=danish("save"), exact=True)).to_be_visible(timeout=LOADING)
    expect(page.get_by_text(danish("changesSaved"))).to_be_visible(timeout=LOADING)
    saved = saved_data(clone, "models", tmp_path)
    # Decap writes the whole file anew, but every section, the others too, keeps what it held (as the checker reads it).
    for section, value in load_marked_yaml(saved).items():
        if section != "models":
            assert value == original[section], f"{section} changed"
    saved_models = load_marked_yaml(saved)["models"]
    assert saved_models[index]["summary"]["da"] == old + ADDED
    assert saved_models[:index] + saved_models[index + 1:] == original["models"][:index] + original["models"][index + 1:]
    assert requests_elsewhere == []

    # The pull request's workflow restores the file (make restore, .github/workflows/cms.yml): against main, the
    # branch then changes the one line the editor changed, and the check passes.
    # Detached, so that the branch stays free for decap-server, which checks it out to show the draft again.
    draft = tmp_path / "draft"
    git(clone, "worktree", "add", "--quiet", "--detach", str(draft), "cms/models/models")
    try:
        restored = subprocess.run(["make", "--silent", "restore", "BASE=main", f"PYTHON={sys.executable}", "INSTALLED="],
                                  cwd=draft, capture_output=True, text=True)
        assert restored.returncode == 0, restored.stdout + restored.stderr
        changed = git(draft, "diff", "--unified=0", "main", "--", DATA_PATH)
        assert git(draft, "diff", "--numstat", "main", "--", DATA_PATH).split() == ["1", "1", DATA_PATH], changed
        assert [line for line in changed.splitlines() if line.startswith("+") and not line.startswith("+++")][0].count(ADDED) == 1
        checked = subprocess.run([sys.executable, "-m", "peersite", "check"], cwd=draft, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
    finally:
        git(clone, "worktree", "remove", "--force", str(draft))


def test_a_renamed_partnership_leaves_its_models_pointing_at_an_unknown_id_which_check_locates(page, admin_url, clone, requests_elsewhere, tmp_path):
    original = load_marked_yaml(clone / DATA_PATH)
    partnership = original["partnerships"][0]
    old_id, new_id = partnership["id"], f"{partnership['id']}-ny"
    pointing = [index for index, model in enumerate(original["models"]) if model["partnership"] == old_id]
    assert pointing, f"no model names {old_id}"

    open_section(page, admin_url, "partnerships")
    page.get_by_role("button", name=f"Vis eller skjul {item_name(partnership)}").click()
    replace_text(text_box(page, old_id), old_id, new_id)
    save(page)

    saved = saved_data(clone, "partnerships", tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "peersite", "check", "--data", DATA_PATH, "--docs", str(ROOT / "docs")],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    marks = load_marked_yaml(saved)["models"]
    for index in pointing:
        line, column = marks[index].marks["partnership"].line, marks[index].marks["partnership"].column
        assert f"{DATA_PATH}:{line}:{column}: models[{index}].partnership: unknown id '{old_id}' in partnerships" in result.stderr
    assert requests_elsewhere == []


def unnamed_controls(page: Page) -> list[str]:
    """The visible controls that have no accessible name, as Chromium's accessibility tree gives them."""
    unnamed = []
    for line in page.locator("body").aria_snapshot().splitlines():
        entry = line.strip().removeprefix("- ").strip("'\"")
        role = re.match(r"(\w+)", entry)
        if role and role.group(1) in CONTROLS and not re.match(r'\w+ "', entry):
            unnamed.append(entry)
    return unnamed


def named_when_drawn(page: Page) -> list[str]:
    """The controls still without a name once admin.js has had the frames it needs after Decap's last change
    (it names what Decap draws in the next frame): waits frame by frame, for a second at most."""
    for _ in range(60):
        if not (unnamed := unnamed_controls(page)):
            return []
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return unnamed


def test_every_control_of_the_entry_editor_has_a_name_and_meets_wcag(browser, admin_url, clone):
    """Decap 3.16.3 leaves the buttons of each list item (fold, move, remove) without a name; peersite/editing/admin/admin.js
    names them. The figure without the script is the one the closing note gives."""
    models = load_marked_yaml(clone / DATA_PATH)["models"]
    first = models[0]
    context = browser.new_context(bypass_csp=True)  # axe-core is added to the page as a script of its own
    context.set_default_timeout(LOADING)
    try:
        page = context.new_page()
        page.route("**/admin.js", lambda route: route.fulfill(body=""))
        open_section(page, admin_url, "models")
        for model in models:  # each folded, under its name
            expect(page.locator("[class*=NestedObjectLabel]", has_text=model["name"]["da"])).to_be_visible(timeout=LOADING)
        without_names = unnamed_controls(page)
        page.unroute("**/admin.js")
        page.reload()  # still logged in: Decap keeps the session in the browser's storage
        page.get_by_role("button", name=f"Vis eller skjul {item_name(first)}").click()
        expect(page.locator("textarea").first).to_be_visible(timeout=LOADING)
        assert named_when_drawn(page) == []
        assert violations(page) == []
        print(f"controls without a name: {len(without_names)} without admin.js, 0 with it")
        assert without_names, "Decap now names every control itself: peersite/editing/admin/admin.js can go"
    finally:
        context.close()
