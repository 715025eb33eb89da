"""A real PostgreSQL server for the tests: the one CI starts (CLAIMGRAPH_TEST_POSTGRES, a
URL of a role that may create schemas), else a throwaway server this module starts from the
installed PostgreSQL binaries (initdb, pg_ctl), on 127.0.0.1 and a free port, in a temporary
folder, stopped at the end of the session. Each test gets a schema of its own (its URL's
search_path), dropped after it. Without PostgreSQL the tests that need it skip, unless
CLAIMGRAPH_REQUIRE_POSTGRES is set (CI sets it), when they fail."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

ROLE = "claimgraph"


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextlib.contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a PostgreSQL server for this session; its URL (the superuser `claimgraph`)."""
    binaries = _binaries()
    if binaries is None:
        raise FileNotFoundError("no PostgreSQL binaries (initdb) found: install the postgresql package")
    folder = Path(tempfile.mkdtemp(prefix="claimgraph-pg-"))
    data, port = folder / "data", _free_port()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-U", ROLE, "--auth=trust", "-E", "UTF8",
                                    "--locale=C.UTF-8"]), check=True, capture_output=True, timeout=120)
    options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w",
                                    "start"]), check=True, capture_output=True, timeout=120)
    try:
        yield f"postgresql://{ROLE}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), check=False,
                       capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def server_url() -> Iterator[str]:
    """CI's server, else a throwaway one; skips (or fails where required) without PostgreSQL."""
    if given := os.environ.get("CLAIMGRAPH_TEST_POSTGRES"):
        yield given
        return
    try:
        with throwaway_server() as url:
            yield url
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        detail = exc.stderr.decode(errors="replace") if isinstance(exc, subprocess.CalledProcessError) and exc.stderr else str(exc)
        if os.environ.get("CLAIMGRAPH_REQUIRE_POSTGRES"):
            pytest.fail(f"CLAIMGRAPH_REQUIRE_POSTGRES is set but no PostgreSQL server could be started: {detail}")
        pytest.skip(f"no PostgreSQL server: {detail}")


@contextlib.contextmanager
def fresh_schema(url: str) -> Iterator[str]:
    """A new, empty schema on the server; the URL that works in it."""
    import psycopg

    name = "cg_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")
