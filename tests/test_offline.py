"""No network at run time: build, export, brief and serve work inside a network namespace
with no interface up (`unshare -rn`), and an audit hook in each process records every
socket connection it tries: none may go beyond this machine. Where this machine refuses a
network namespace, the same commands run without one and the audit hook alone (a guard at
the socket level) shows that no connection beyond loopback is tried."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import write_article

# Runs claimgraph's console script with an audit hook that writes down every connect() tried.
WRAPPER = """
import socket, sys
log = open(sys.argv.pop(1), "a")
def audit(event, args):
    if event == "socket.connect":
        sock, address = args
        log.write(f"{sock.family.name} {address!r}\\n"); log.flush()
sys.addaudithook(audit)
sys.argv[0] = "claimgraph"
from claimgraph.cli import main
main()
"""
LOOPBACK_UP = """
import fcntl, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
flags = struct.unpack("16sH", fcntl.ioctl(s, 0x8913, struct.pack("16sH", b"lo", 0)))[1]
fcntl.ioctl(s, 0x8914, struct.pack("16sH", b"lo", flags | 1))
"""


def _namespace_available() -> str | None:
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, text=True, check=False)
    return None if probe.returncode == 0 else f"unshare -rn refused: {probe.stderr.strip()}"


def test_build_export_brief_and_serve_work_in_a_network_namespace_and_connect_nowhere(tmp_path: Path) -> None:
    isolated = _namespace_available() is None
    corpus = tmp_path / "corpus"
    write_article(corpus, "a.txt", "Ruvia Sends Troops To Kessa", ["Ruvia deployed 400 soldiers to Gao in Kessa on 3 March 2021, the defence ministry said.",
                                                                  "The Kessan government denied that any Ruvian troops were in the country."])
    write_article(corpus, "b.txt", "Troops Arrive In Gao", ["About 400 Ruvian soldiers arrived in Gao on 3 March 2021, according to Reuters."])
    (tmp_path / "wrapper.py").write_text(WRAPPER)
    (tmp_path / "loopback.py").write_text(LOOPBACK_UP)
    log, cg = tmp_path / "connections.log", f"{sys.executable} {tmp_path}/wrapper.py {tmp_path}/connections.log"
    fetch = ("import urllib.request, time\nfor _ in range(100):\n    try:\n"
             "        print(urllib.request.urlopen('http://127.0.0.1:8795/api/documents?limit=1', timeout=2).status); break\n"
             "    except OSError: time.sleep(0.2)\n")
    script = (f"cd {tmp_path} && ip -o link show up | grep -v 'lo:' | wc -l | sed 's/^/interfaces up besides lo: /'; "
              f"{cg} build {corpus} --db kb.db --quiet; echo \"build $?\"; "
              f"{cg} export --db kb.db -o out.jsonl; echo \"export $?\"; "
              f"{cg} brief --db kb.db -o brief.html; echo \"brief $?\"; "
              f"{sys.executable} loopback.py {'' if isolated else '|| true'}; ({cg} serve --db kb.db --port 8795 2>/dev/null & echo $! > serve.pid); "
              f"{sys.executable} -c \"{fetch}\" | sed 's/^/serve /'; kill $(cat serve.pid)")

    prefix = ["unshare", "-rn"] if isolated else []  # without a namespace: the audit hook alone
    result = subprocess.run([*prefix, "bash", "-c", script], capture_output=True, text=True, timeout=300, check=False)

    for step in ("build 0", "export 0", "brief 0", "serve 200"):
        assert step in result.stdout, (result.stdout, result.stderr)
    assert "interfaces up besides lo: 0" in result.stdout or not isolated or shutil.which("ip") is None
    assert (tmp_path / "out.jsonl").read_text().count('"kind": "document"') == 2 and (tmp_path / "brief.html").stat().st_size > 0
    tried = log.read_text().splitlines() if log.exists() else []
    assert all(line.startswith("AF_UNIX") or "127.0.0.1" in line or "'::1'" in line for line in tried), tried
