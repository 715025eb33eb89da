"""Write docs/cli.md from the commands' own --help texts (run after changing the CLI).

    python scripts/cli_reference.py > docs/cli.md

Every command is there, the subcommands of a group (`entities show`, `gazetteer build`) too.
tests/test_docs.py fails when docs/cli.md differs from what this prints, or misses a command
or an option.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from claimgraph.cli import cli


def commands(group: click.Group, parent: click.Context) -> Iterator[tuple[str, click.Command, click.Context]]:
    """Every command under `group`, by its full name ("entities show"), depth first in name order."""
    for name in sorted(group.commands):
        command = group.commands[name]
        context = click.Context(command, info_name=name, parent=parent, terminal_width=100)
        yield context.command_path.removeprefix("claimgraph "), command, context
        if isinstance(command, click.Group):
            yield from commands(command, context)


def reference() -> str:
    parts = ["# Command-line reference", "", "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand.", ""]
    root = click.Context(cli, info_name="claimgraph", terminal_width=100)
    parts += ["## claimgraph", "", "```", cli.get_help(root), "```", ""]
    for name, command, context in commands(cli, root):
        parts += [f"## claimgraph {name}", "", "```", command.get_help(context), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
