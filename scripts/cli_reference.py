"""Write docs/cli.md from the commands' own --help texts (run after changing the CLI).

    python scripts/cli_reference.py > docs/cli.md

tests/test_docs.py fails when docs/cli.md differs from what this prints.
"""

from __future__ import annotations

import click

from claimgraph.cli import cli


def reference() -> str:
    parts = ["# Command-line reference", "", "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand.", ""]
    root = click.Context(cli, info_name="claimgraph", terminal_width=100)
    parts += ["## claimgraph", "", "```", cli.get_help(root), "```", ""]
    for name in sorted(cli.commands):
        command = cli.commands[name]
        context = click.Context(command, info_name=name, parent=root, terminal_width=100)
        parts += [f"## claimgraph {name}", "", "```", command.get_help(context), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
