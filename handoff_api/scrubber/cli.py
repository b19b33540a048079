"""Scrub text line by line: each line read on stdin is written scrubbed on stdout, in order,
one line out per line in, flushed after every line (usable as a filter behind a pipe).

    make -s scrub            # or: python -m handoff_api.scrubber.cli
"""
from __future__ import annotations

import sys

from .scrubber import Scrubber


def main() -> int:
    stdin = open(sys.stdin.fileno(), "r", encoding="utf-8", errors="replace", newline="\n", closefd=False)
    stdout = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", closefd=False)
    scrubber = Scrubber()
    try:
        for line in iter(stdin.readline, ""):
            body = line[:-1] if line.endswith("\n") else line
            body = body[:-1] if body.endswith("\r") else body
            stdout.write(scrubber.scrub(body) + "\n")
            stdout.flush()
    except (BrokenPipeError, KeyboardInterrupt):
        return 0
    finally:
        try:
            stdout.flush()
        except BrokenPipeError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
