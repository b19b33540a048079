"""The line filter over a real subprocess: order kept, one line out per line in, flushed per line."""
import os
import selectors
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CMD = [sys.executable, "-m", "handoff_api.scrubber.cli"]


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_cli_keeps_order_and_line_count():
    lines = [
        "ik heet Lotte",
        "",
        "bel 1712 als het niet gaat",
        "mijn nummer is 0470 12 34 56",
        "   ",
        "mail: jana2009@hotmail.com",
        "gewone zin zonder gegevens",
        "Roos is mijn zus",
    ]
    result = subprocess.run(CMD, input="\n".join(lines) + "\n", capture_output=True, text=True,
                            cwd=ROOT, env=_env(), timeout=120, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    out = result.stdout.split("\n")
    assert out[-1] == ""
    assert out[:-1] == [
        "ik heet [NAAM]",
        "",
        "bel 1712 als het niet gaat",
        "mijn nummer is [TELEFOON]",
        "   ",
        "mail: [EMAIL]",
        "gewone zin zonder gegevens",
        "[NAAM] is mijn zus",
    ]


def test_cli_last_line_without_newline_and_crlf():
    result = subprocess.run(CMD, input=b"ik heet Emma\r\nbel 112", capture_output=True, cwd=ROOT,
                            env=_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").split("\n") == ["ik heet [NAAM]", "bel 112", ""]


def test_cli_flushes_each_line_before_eof():
    proc = subprocess.Popen(CMD, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT, env=_env())
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    try:
        for line, expected in [("mijn nummer is 06-12345678", b"mijn nummer is [TELEFOON]\n"),
                               ("ik heb 1712 gebeld", b"ik heb 1712 gebeld\n")]:
            proc.stdin.write(line.encode() + b"\n")
            proc.stdin.flush()
            # stdin stays open: the answer must come without EOF.
            assert sel.select(timeout=60), "no output before EOF: the CLI does not flush per line"
            assert proc.stdout.readline() == expected
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0
