"""Docs that cannot drift: the CLI reference, the README's commands, the public API."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click

import claimgraph
from claimgraph.cli import cli

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_cli_reference_is_generated_from_the_current_help() -> None:
    generated = subprocess.run([sys.executable, str(REPO / "scripts" / "cli_reference.py")], capture_output=True, text=True, check=True).stdout
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == generated, "run: python scripts/cli_reference.py > docs/cli.md"


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, click.Command]]:
    """Every command and subcommand, by its full name ("entities show")."""
    for name, command in group.commands.items():
        yield " ".join((*path, name)), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_cli_reference_has_every_command_subcommand_option_and_argument() -> None:
    reference = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    sections = {part.split("\n", 1)[0]: part for part in reference.split("\n## claimgraph ")[1:]}
    for name, command in _commands(cli):
        assert name in sections, f"docs/cli.md has no section for `claimgraph {name}`"
        for param in command.params:
            names = [*param.opts, *param.secondary_opts] if isinstance(param, click.Option) else [param.human_readable_name]
            for written in names:
                assert written in sections[name], f"`claimgraph {name}`: {written} is not in docs/cli.md"


def test_every_command_is_in_the_readme() -> None:
    for name in cli.commands:
        assert f"claimgraph {name}" in README


def test_readme_opens_with_the_demo_build_and_the_test_command() -> None:
    commands = re.findall(r"```bash\n(.+?)\n```", README)
    assert "claimgraph build docs/demo --db demo.db" in commands[0]  # the repository alone suffices: no ../shared
    assert "claimgraph stats --db demo.db" in commands[0]
    assert "-m pytest" in commands[1]
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").count("test-command") >= 1


def test_public_api_is_what_it_should_be() -> None:
    assert sorted(claimgraph.__all__) == [
        "BudgetExceeded",
        "BuildOptions",
        "BuildReport",
        "BuildTools",
        "ClaimgraphError",
        "CorrectionRefused",
        "InputRejected",
        "InvalidQuery",
        "KnowledgeBase",
        "ModelNotAvailable",
        "Store",
        "StoreError",
        "UnknownFormat",
        "__version__",
        "build",
        "open",
    ]
    for name in claimgraph.__all__:
        assert hasattr(claimgraph, name)
        if name != "__version__":
            assert getattr(claimgraph, name).__doc__, f"{name} has no docstring"
    errors = [getattr(claimgraph, name) for name in claimgraph.__all__ if name.endswith(("Error", "Exceeded", "Rejected", "Available",
                                                                                       "Refused", "Query", "Format"))]
    assert all(issubclass(error, claimgraph.ClaimgraphError) for error in errors) and len(errors) == 8


def test_importing_claimgraph_and_its_help_do_not_load_spacy() -> None:
    """`import claimgraph` and `claimgraph --help` start at once: the pipeline (spaCy) is
    imported when a build needs it."""
    code = ("import sys, claimgraph, claimgraph.cli; from click.testing import CliRunner; "
            "result = CliRunner().invoke(claimgraph.cli.cli, ['--help']); assert result.exit_code == 0, result.output; "
            "result = CliRunner().invoke(claimgraph.cli.cli, ['export', '--help']); assert 'acled' in result.output; "
            "print(sorted(m for m in ('spacy', 'claimgraph.pipeline', 'claimgraph.extract', 'fastapi', 'trafilatura', 'feedparser', "
            "'pypdf', 'docx') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_the_readme_shows_the_python_api() -> None:
    section = README.split("## Python API", 1)[1].split("\n## ", 1)[0]
    example = re.findall(r"```python\n(.+?)\n```", section, re.DOTALL)[0]
    for name in ("claimgraph.build(", "claimgraph.open(", "kb.claims(", "kb.contradictions("):
        assert name in example
