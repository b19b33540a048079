"""Process helpers shared by the benchmarks (stdlib only: they run in either environment)."""
import os
import socket
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int, children: bool = False) -> float:
    """User + system CPU of a process, all its threads, from /proc (with its waited-for
    children's if asked). Counted in clock ticks (TICKS a second)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15 if children else 13]) / TICKS


def check_measured(cpu: dict[str, float], handled: dict[str, int]) -> None:
    """Fails when a service that handled messages shows no CPU at all: the bench read the wrong
    process, or the messages never went through it (bench-turn once reported the API's CPU as
    0.0 ms while Rasa was driven in-process and the API was never on the message's path)."""
    missing = [f"{name} (handled {count}, CPU {cpu.get(name)})" for name, count in handled.items()
               if count > 0 and not cpu.get(name)]
    if missing:
        raise RuntimeError("no CPU measured for a service that handled messages: " + ", ".join(missing))
