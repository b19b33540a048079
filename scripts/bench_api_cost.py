"""`make bench-api`: the API's own cost per visitor message on the relay path, variants side by side.

The API runs as it does in the embedded shape (uvicorn, SQLite in a temporary directory on the
same disk as /tmp), in front of an instant stand-in for Rasa's REST channel (a few lines of
ASGI in its own process, answering one fixed line at once), so that what is measured is the
API alone: HTTP, storing the message, the relay, storing the answer. Per variant: CPU of the API
process per message (user + system, from /proc) and wall time per message, one visitor message
at a time (a closed loop of `--visitors` visitors).

A variant is `label=REV` or `label=REV:KEY=VALUE,KEY=VALUE`: the API's code at git revision REV
(`worktree`: the working tree as it is; another revision is taken with `git archive`) with
those settings. All variants run at once, each its own process and database, in rounds whose
order alternates (A B C, C B A, ...), so that the machine's noise falls on them alike; the
report gives each variant's median over the rounds. Example:
    --variant before=HEAD~1 --variant full=worktree:HANDOFF_SQLITE_SYNCHRONOUS=full \
    --variant normal=worktree:HANDOFF_SQLITE_SYNCHRONOUS=normal
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import httpx
from bench_measure import median
from bench_procs import cpu_seconds, free_port

REPO = Path(__file__).resolve().parents[1]
API_BIN = REPO / ".venv" / "bin"
CLOSED_HOUR = "2026-11-22T03:30:00+01:00"  # every chat closed: each message goes to the bot
ENTRY_POINT = "nupraatikerover"
STANDIN_REPLY = [{"recipient_id": "bench", "text": "Dank je. Wat wil je nog vertellen?"}]


# --- the stand-in for Rasa's REST channel (run as: bench_api_cost.py --standin PORT) ----------
async def standin_app(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    while (await receive()).get("more_body"):
        pass
    body = json.dumps(STANDIN_REPLY).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


def serve_standin(port: int) -> None:
    import uvicorn

    uvicorn.run(standin_app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


# --- the variants -------------------------------------------------------------------------
@dataclass
class Variant:
    label: str
    revision: str
    env: dict
    port: int = 0
    process: subprocess.Popen | None = None
    profile: Path | None = None  # where --profile writes its report

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def parse_variant(text: str) -> Variant:
    label, _, rest = text.partition("=")
    revision, _, settings = rest.partition(":")
    env = dict(pair.split("=", 1) for pair in settings.split(",") if pair)
    if not label or not revision:
        raise SystemExit(f"--variant {text!r}: expected label=REV or label=REV:KEY=VALUE,...")
    return Variant(label, revision, env)


def _code_dir(revision: str, work: Path) -> Path:
    """Where the variant's handoff_api package is: the worktree, or an archive of `revision`."""
    if revision == "worktree":
        return REPO
    target = work / f"code-{revision.replace('/', '_')}"
    if not target.exists():
        archive = subprocess.run(["git", "archive", revision, "handoff_api"], cwd=REPO, check=True,
                                 capture_output=True).stdout
        target.mkdir()
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    return target


def start_variant(variant: Variant, work: Path, rasa_url: str, profile: bool = False) -> None:
    home = work / variant.label
    home.mkdir()
    variant.port = free_port()
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HANDOFF_", "RASA_", "DATABASE_URL"))}
    env = base | {
        "DATABASE_URL": f"sqlite:///{home / 'handoff.db'}", "HANDOFF_ENV": "test",
        "HANDOFF_ALLOW_SIMULATED_CLOCK": "1", "HANDOFF_CODE_SECRET_FILE": str(home / "code.key"),
        "HANDOFF_SMTP_ENABLED": "false", "HANDOFF_RASA_URL": rasa_url, "HANDOFF_INTERNAL_TOKEN": "bench",
        "HANDOFF_ADDRESS_RATE": "1000000/minute", "HANDOFF_CONVERSATION_MESSAGE_RATE": "100000/minute",
        "HANDOFF_TRACKER_STORE_URL": f"sqlite:///{home / 'tracker.db'}",
    } | variant.env
    log = open(home / "api.log", "w")  # noqa: SIM115 (lives as long as the process)
    serve = [str(API_BIN / "uvicorn")]
    if profile:  # cProfile in every thread; its report when the process stops
        variant.profile = REPO / "reports" / f"bench_api_{variant.label}.txt"
        variant.profile.parent.mkdir(exist_ok=True)
        serve = [str(API_BIN / "python"), str(Path(__file__).with_name("bench_profile.py")), str(variant.profile)]
    variant.process = subprocess.Popen(
        [*serve, "handoff_api.main:app", "--app-dir", str(_code_dir(variant.revision, work)),
         "--port", str(variant.port), *([] if profile else ["--no-access-log"])], cwd=home, env=env,
        stdout=log, stderr=log)


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


# --- measuring ----------------------------------------------------------------------------
async def _conversation(http: httpx.AsyncClient, api: str) -> tuple[str, dict]:
    response = await http.post(f"{api}/api/v1/conversations",
                               json={"entry_point": ENTRY_POINT, "simulated_now": CLOSED_HOUR})
    response.raise_for_status()
    created = response.json()
    return created["id"], {"Authorization": f"Bearer {created['token']}"}


async def one_round(variant: Variant, visitors: int, messages: int) -> dict:
    """`visitors` conversations (made before the timing), each sending `messages` one after the
    other as the answers come; the API process's CPU and the wall time over the timed part."""
    async with httpx.AsyncClient(timeout=60) as http:
        made = [await _conversation(http, variant.url) for _ in range(visitors)]
        walls, kinds = [], {"bot": 0, "other": 0}

        async def visitor(conversation_id: str, headers: dict) -> None:
            url = f"{variant.url}/api/v1/conversations/{conversation_id}/messages"
            for turn in range(messages):
                started = time.perf_counter()
                response = await http.post(url, headers=headers,
                                           json={"text": f"bericht {turn}", "client_message_id": uuid.uuid4().hex})
                walls.append(time.perf_counter() - started)
                bot = response.status_code == 200 and any(m["sender"] == "bot" for m in response.json()["messages"])
                kinds["bot" if bot else "other"] += 1

        cpu_before, started = cpu_seconds(variant.process.pid), time.perf_counter()
        await asyncio.gather(*(visitor(*pair) for pair in made))
        wall = time.perf_counter() - started
        cpu = cpu_seconds(variant.process.pid) - cpu_before
    sent = visitors * messages
    walls.sort()
    return {"cpu_ms": cpu / sent * 1000, "wall_p50_ms": walls[len(walls) // 2] * 1000,
            "messages_per_s": sent / wall, "kinds": kinds}


async def measure(variants: list[Variant], rounds: int, visitors: int, messages: int) -> dict:
    results: dict[str, list[dict]] = {v.label: [] for v in variants}
    for variant in variants:  # a warm-up round each: imports, caches, the first SQLite pages
        await one_round(variant, 2, 5)
    for number in range(rounds):
        order = variants if number % 2 == 0 else list(reversed(variants))
        for variant in order:
            result = await one_round(variant, visitors, messages)
            results[variant.label].append(result)
            print(f"  round {number + 1}/{rounds} {variant.label}: {result['cpu_ms']:.1f} ms CPU, "
                  f"wall p50 {result['wall_p50_ms']:.1f} ms, {result['messages_per_s']:.1f} msg/s, "
                  f"{result['kinds']}", flush=True)
    return {label: {"cpu_ms_per_message": round(median([r["cpu_ms"] for r in runs]), 1),
                    "cpu_ms_rounds": [round(r["cpu_ms"], 1) for r in runs],
                    "wall_p50_ms": round(median([r["wall_p50_ms"] for r in runs]), 1),
                    "messages_per_s": round(median([r["messages_per_s"] for r in runs]), 1),
                    "not_answered_by_the_bot": sum(r["kinds"]["other"] for r in runs)}
            for label, runs in results.items()}


def print_table(variants: list[Variant], figures: dict, visitors: int) -> None:
    print(f"\n| per visitor message ({visitors} visitor(s), closed loop; medians of the rounds) | "
          + " | ".join(v.label for v in variants) + " |")
    print("|---|" + "---|" * len(variants))
    print("| code, settings | " + " | ".join(
        f"{v.revision}{' ' + ' '.join(f'{k}={x}' for k, x in v.env.items()) if v.env else ''}" for v in variants) + " |")
    for key, name in (("cpu_ms_per_message", "API CPU ms"), ("wall_p50_ms", "wall p50 ms"),
                      ("messages_per_s", "messages/s"), ("not_answered_by_the_bot", "not answered by the bot")):
        print(f"| {name} | " + " | ".join(str(figures[v.label][key]) for v in variants) + " |")
    print("| CPU ms per round | " + " | ".join(", ".join(map(str, figures[v.label]["cpu_ms_rounds"]))
                                             for v in variants) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", default=[], help="label=REV[:KEY=VALUE,...] (repeat)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--visitors", type=int, default=1, help="conversations sending at once")
    parser.add_argument("--messages", type=int, default=60, help="messages per visitor per round")
    parser.add_argument("--profile", action="store_true",
                        help="each variant under cProfile (all threads): reports/bench_api_<label>.txt; "
                             "its CPU figures are then the profiler's too")
    parser.add_argument("--standin", type=int, help=argparse.SUPPRESS)  # the stand-in's own process
    parser.add_argument("--out", default="reports/bench_api_cost.json")
    args = parser.parse_args(argv)
    if args.standin:
        serve_standin(args.standin)
        return 0
    variants = [parse_variant(text) for text in args.variant] or [Variant("worktree", "worktree", {})]
    with tempfile.TemporaryDirectory(prefix="bench-api-") as work:
        standin_port = free_port()
        standin = subprocess.Popen([str(API_BIN / "python"), __file__, "--standin", str(standin_port)])
        try:
            for variant in variants:
                start_variant(variant, Path(work), f"http://127.0.0.1:{standin_port}", args.profile)
            for variant in variants:
                _wait(f"{variant.url}/healthz")
            figures = asyncio.run(measure(variants, args.rounds, args.visitors, args.messages))
        finally:
            for process in [standin, *(v.process for v in variants if v.process)]:
                process.terminate()
            for process in [standin, *(v.process for v in variants if v.process)]:
                process.wait(timeout=30)
    out = REPO / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "rounds": args.rounds,
              "visitors": args.visitors, "messages": args.messages,
              "variants": {v.label: {"revision": v.revision, "env": v.env} for v in variants}, "figures": figures}
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print_table(variants, figures, args.visitors)
    print(f"(load average at the end: {os.getloadavg()[0]:.1f}; figures in {out.relative_to(REPO)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
