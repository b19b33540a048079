"""scripts/bench_procs.py against real processes: CPU read from /proc must see a child's work
(bench-turn once reported 0.0 ms of API CPU per message and nothing noticed)."""

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from bench_procs import check_measured, cpu_seconds  # noqa: E402

BURN = "import sys, time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass\n"
# Burns, says so, then waits on stdin: still alive while its CPU is read.
BURN_THEN_WAIT = BURN + "print('burnt', flush=True)\nsys.stdin.read()\n"
# Starts a child that burns and waits for it: the child's CPU is the parent's waited-for children's.
PARENT = (
    "import subprocess, sys\n"
    "subprocess.run([sys.executable, '-c', {child!r}], check=True)\n"
    "print('burnt', flush=True)\nsys.stdin.read()\n"
)


def _started(code: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "burnt"
    return process


def _finish(process: subprocess.Popen) -> None:
    process.communicate("", timeout=30)


def test_cpu_seconds_sees_a_child_that_burns_cpu():
    process = _started(BURN_THEN_WAIT.format(seconds=0.3))
    try:
        burnt = cpu_seconds(process.pid)
    finally:
        _finish(process)
    assert 0.25 <= burnt < 5


def test_children_counts_waited_for_children_only_when_asked():
    process = _started(PARENT.format(child=BURN.format(seconds=0.3)))
    try:
        own, with_children = cpu_seconds(process.pid), cpu_seconds(process.pid, children=True)
    finally:
        _finish(process)
    assert own < 0.25
    assert with_children - own >= 0.25


def test_cpu_seconds_of_a_process_that_only_waits_is_near_zero():
    process = _started("import sys\nprint('burnt', flush=True)\nsys.stdin.read()\n")
    try:
        before = cpu_seconds(process.pid)
        assert cpu_seconds(process.pid) - before == 0
    finally:
        _finish(process)


def test_check_measured_fails_on_a_service_without_cpu_that_handled_messages():
    with pytest.raises(RuntimeError, match="api"):
        check_measured({"rasa": 0.7, "api": 0.0}, {"rasa": 9, "api": 9})


def test_check_measured_passes_measured_services_and_idle_ones():
    check_measured({"rasa": 0.7, "api": 0.1, "internal": 0.0}, {"rasa": 9, "api": 9, "internal": 0})
