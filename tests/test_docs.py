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
        "InputRejected",
        "ModelNotAvailable",
        "Store",
        "StoreError",
        "__version__",
        "build",
    ]
    for name in claimgraph.__all__:
        assert hasattr(claimgraph, name)
