"""`kbgen new`: the project it makes builds as it is (with the very command its GitHub Pages
workflow runs), its workflow names real commands and options and the official Pages actions, and
it never writes into a folder that holds anything."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from kbgen.cli import cli
from kbgen.config import Config
from kbgen.new import PLACEHOLDER, kbgen_requirement
from kbgen.project import Layout

BASE_URL = "https://owner.github.io/repo"  # what actions/configure-pages gives a project site


def new(folder: Path):
    return CliRunner().invoke(cli, ["new", str(folder)])


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("new") / "a" / "kb"  # kbgen new makes missing folders
    result = new(project)
    assert result.exit_code == 0, result.output
    return project


def workflow(project: Path) -> dict:
    return yaml.safe_load(Layout.of(project).pages_workflow.read_text("utf-8"))


def steps(project: Path) -> list[dict]:
    return [step for job in workflow(project)["jobs"].values() for step in job.get("steps", [])]


def kbgen_commands(project: Path) -> list[list[str]]:
    """Every kbgen command line of the workflow's `run:` steps, with the Pages URL filled in."""
    lines = [line.strip() for step in steps(project) for line in step.get("run", "").splitlines()]
    return [
        shlex.split(line.replace("${{ steps.pages.outputs.base_url }}", BASE_URL))
        for line in lines
        if line.startswith("kbgen ")
    ]


@pytest.fixture(scope="module")
def built(made) -> Path:
    """The new project built as its workflow builds it (plus --strict: not one warning), with
    this worktree's kbgen and the French model."""
    (build,) = kbgen_commands(made)
    assert build[:2] == ["kbgen", "build"]
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", *build[1:], "--strict"],
        cwd=made,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return made / build[build.index("--out") + 1]


def test_new_says_what_it_made_and_what_to_run_next(tmp_path):
    result = new(tmp_path / "kb")
    assert result.exit_code == 0
    for name in ("kbgen.yml", "content/articles/", "content/entities.yml", "seeds/", ".gitignore"):
        assert name in result.output
    assert ".github/workflows/pages.yml" in result.output and "requirements.txt" in result.output
    assert f"cd {(tmp_path / 'kb').absolute()}" in result.output and "kbgen serve" in result.output


def test_the_new_project_builds_with_its_example_article(built):
    page = (built / "articles/bienvenue.html").read_text("utf-8")
    assert "Bienvenue dans votre base de connaissances" in page
    articles = json.loads((built / "api/articles.json").read_text("utf-8"))
    assert [a["title"] for a in articles] == ["Bienvenue dans votre base de connaissances"]
    # The example names a person, an organisation and a place: the new site shows entity pages.
    assert {e["name"] for e in json.loads((built / "api/entities.json").read_text("utf-8"))} >= {"Marie Curie"}
    # --base-url as the workflow passes it: the sitemap lists the pages under the project site.
    assert f"{BASE_URL}/articles/bienvenue.html" in (built / "sitemap.xml").read_text("utf-8")


def test_the_example_article_has_the_front_matter_people_copy(made):
    text = next((made / "content/articles").glob("*.md")).read_text("utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert set(front) == {"title", "date", "tags", "summary"}


def test_kbgen_yml_lists_every_setting_commented_with_its_default(made):
    text = Layout.of(made).config_file.read_text("utf-8")
    assert yaml.safe_load(text) is None  # everything commented: the defaults apply
    uncommented = "\n".join(m[1] for m in re.finditer(r"^# ([a-z_]+:.*)$", text, re.MULTILINE))
    shown = yaml.safe_load(uncommented)
    assert set(Config.model_fields) <= set(shown), "a setting kbgen.yml does not show"
    assert set(shown) <= set(Config.model_fields), "kbgen.yml shows a key kbgen does not know"
    assert Config(**shown) == Config()  # each with its default


def test_the_curation_file_is_the_languages_commented_template(made):
    from kbgen.lang import profile

    assert Layout.of(made).curation.read_text("utf-8") == profile("fr").curation_template


def test_gitignore_keeps_what_builds_make_out_of_git(made):
    layout = Layout.of(made)
    ignored = layout.gitignore.read_text("utf-8").splitlines()
    assert f"/{layout.site.name}/" in ignored and f"/{layout.state_dir.name}/" in ignored
    assert layout.seeds.is_dir()


def test_the_workflow_uses_the_official_pages_actions_with_their_permissions(made):
    flow = workflow(made)
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in on and "workflow_dispatch" in on
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    used = {step["uses"].split("@")[0]: step for step in steps(made) if "uses" in step}
    for action in ("checkout", "setup-python", "configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}" in used, action
    assert str(used["actions/setup-python"]["with"]["python-version"]) == "3.11"
    assert used["actions/configure-pages"]["id"] == "pages"  # what --base-url reads
    deploy = flow["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages" and deploy["needs"] == "build"
    # The artifact is the folder the build writes.
    (build,) = kbgen_commands(made)
    assert used["actions/upload-pages-artifact"]["with"]["path"] == build[build.index("--out") + 1]
    assert BASE_URL in build


def test_every_kbgen_command_of_the_workflow_is_real(made):
    commands = kbgen_commands(made)
    assert commands
    for args in commands:
        name, rest = args[1], args[2:]
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0, f"no command kbgen {name}"
        command = cli.commands[name]
        options = {opt for param in command.params for opt in param.opts}
        for arg in rest:
            if arg.startswith("--"):
                assert arg.split("=")[0] in options, f"kbgen {name} has no option {arg}"
        command.make_context(name, rest)  # parses, as the shell would pass them; raises if wrong


def test_the_workflow_refuses_to_install_from_the_placeholder(made):
    """With no known origin, requirements.txt holds a placeholder: the install step stops with a
    clear annotation before pip is run."""
    assert PLACEHOLDER in Layout.of(made).requirements.read_text("utf-8")  # tests run from a checkout
    (install,) = [s["run"] for s in steps(made) if "requirements.txt" in s.get("run", "")]
    result = subprocess.run(["bash", "-e", "-c", install], cwd=made, capture_output=True, text=True)
    assert result.returncode == 1
    assert "::error file=requirements.txt::" in result.stdout


def test_requirements_name_kbgens_origin_when_pip_recorded_one():
    git = {"url": "https://github.com/someone/kbgen", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}
    assert kbgen_requirement(json.dumps(git)) == "kbgen @ git+https://github.com/someone/kbgen@abc123"
    wheel = {"url": "https://example.org/kbgen-0.1.0-py3-none-any.whl", "archive_info": {}}
    assert kbgen_requirement(json.dumps(wheel)) == "kbgen @ https://example.org/kbgen-0.1.0-py3-none-any.whl"
    editable = {"url": "file:///home/me/kbgen", "dir_info": {"editable": True}}
    for recorded in (json.dumps(editable), None, "not json", "[]"):
        assert kbgen_requirement(recorded) == PLACEHOLDER


@pytest.mark.parametrize("existing", ["notes.txt", ".git/HEAD"])
def test_a_folder_that_holds_anything_is_refused_and_left_as_it_was(tmp_path, existing):
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n", "utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = new(tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path}: error: the folder is not empty" in result.output and "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert (tmp_path / existing).read_text("utf-8") == "mine\n"


def test_a_file_is_refused_and_an_empty_folder_accepted(tmp_path):
    (tmp_path / "file").write_text("x", "utf-8")
    result = new(tmp_path / "file")
    assert result.exit_code == 1 and "is a file, not a folder" in result.output
    (tmp_path / "empty").mkdir()
    assert new(tmp_path / "empty").exit_code == 0
    assert (tmp_path / "empty/kbgen.yml").is_file()


def test_the_templates_ship_in_the_package():
    """Every template file matches pyproject's package-data, so an installed kbgen has them."""
    data = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    patterns = data.get("kbgen.new_project", []) + data.get("*", [])
    for path in (REPO / "kbgen/new_project").iterdir():
        if path.is_file() and path.suffix != ".py":
            assert any(fnmatch.fnmatch(path.name, p) for p in patterns), path.name
