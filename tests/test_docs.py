"""Docs that cannot drift: the CLI reference, the README's commands, the public API."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import claimgraph
from claimgraph.cli import cli

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_cli_reference_is_generated_from_the_current_help() -> None:
    generated = subprocess.run([sys.executable, str(REPO / "scripts" / "cli_reference.py")], capture_output=True, text=True, check=True).stdout
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == generated, "run: python scripts/cli_reference.py > docs/cli.md"


def test_every_command_is_in_the_readme() -> None:
    for name in cli.commands:
        assert f"claimgraph {name}" in README


def test_readme_opens_with_the_demo_build_and_the_test_command() -> None:
    commands = re.findall(r"```bash\n(.+?)\n```", README)
    assert "claimgraph build ../shared/corpus/seeds --db demo.db" in commands[0]
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
            "print(sorted(m for m in ('spacy', 'claimgraph.pipeline', 'claimgraph.extract', 'fastapi') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_the_readme_shows_the_python_api() -> None:
    section = README.split("## Python API", 1)[1].split("\n## ", 1)[0]
    example = re.findall(r"```python\n(.+?)\n```", section, re.DOTALL)[0]
    for name in ("claimgraph.build(", "claimgraph.open(", "kb.claims(", "kb.contradictions("):
        assert name in example
