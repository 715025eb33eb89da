"""The web app in a background process, for scripts that drive it (screenshots, benchmarks).

Internal: for the repository's scripts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def serving(db: Path, port: int, *, quiet: bool = False, timeout_s: float = 20.0) -> Iterator[str]:
    """Run `claimgraph serve` on `db` until the block ends; yields its base URL once it answers."""
    claimgraph = shutil.which("claimgraph", path=str(Path(sys.executable).parent)) or "claimgraph"
    server = subprocess.Popen([claimgraph, "serve", "--db", str(db), "--port", str(port)],
                              stderr=subprocess.DEVNULL if quiet else None)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                urllib.request.urlopen(base + "/api/documents?limit=1", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"claimgraph serve did not answer on {base}") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
