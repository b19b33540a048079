"""`make bench-load`: visitors against the real stack, through the API and straight to Rasa.

It starts its own stack (Rasa with the real model, the action server, the API's public and
internal apps; tests/e2e/conftest.py's start_stack) and, for 1, 20, 50 and 100 visitors each
sending their messages as fast as the answers come (a closed loop), measures per message:
  - through the API: the time to the HTTP answer (p50/p95), what it was (the bot's answer, the
    busy reply, another safe reply, an error), and when the busy reply came first, the time
    until the bot's answer reached the transcript (polled as a client without socket does);
  - straight to Rasa's REST channel (same conversations' ids, so the actions work the same).
Messages per second count answers of the bot, never busy replies. Then an open loop (20
visitors, one message every 5 s each) and the counsellors' queue with 2,000 queued.

Shapes: "single" (one API process, one Rasa) is built in; another shape registers itself with
`register_shape(name, starter)` (a context manager yielding a Target) and is chosen with
--shapes single,<name>; each shape's figures print side by side in the same report.

Conversations are created at a simulated closed hour, so that no message is handed to a
counsellor: every message of the run goes to the bot.
"""

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from bench_texts import TEXTS

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _e2e_stack():
    """The e2e tests' stack starter (tests/ is not a package: loaded from its path)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("e2e_stack", REPO / "tests" / "e2e" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_stack = _e2e_stack()
start_stack, stop_stack = _stack.start_stack, _stack.stop_stack

CLOSED_HOUR = "2026-11-22T03:30:00+01:00"  # Sunday night: every helpline's chat is closed
ENTRY_POINT = "nupraatikerover"
BUSY = "de chatbot is nu erg druk"
POLL_SECONDS = 2.0  # a client without socket polls; the widget's socket rechecks every 2 s too
# Bench settings of the API: rate limits out of the way (one address sends everything).
BENCH_API_ENV = {
    "HANDOFF_ADDRESS_RATE": "1000000/minute",
    "HANDOFF_CONVERSATION_MESSAGE_RATE": "100000/minute",
    "HANDOFF_RASA_TIMEOUT_SECONDS": "60",
    "HANDOFF_RASA_DEADLINE_SECONDS": "8",  # the default (the e2e stack waits 60 s for the bot)
}


@dataclass
class Target:
    """A running shape: where its API and its Rasa instances answer."""

    name: str
    api_url: str
    rasa_urls: list[str]
    rasa_token: str
    internal_url: str = ""
    database_url: str = ""
    create_counsellor: Callable[[str, str, str], None] | None = None


SHAPES: dict[str, Callable[[Path, dict], contextlib.AbstractContextManager[Target]]] = {}


def register_shape(name: str, starter) -> None:
    SHAPES[name] = starter


@contextlib.contextmanager
def single_shape(work: Path, api_env: dict):
    stack = start_stack(work, api_overrides=api_env)
    try:
        yield Target("single", stack.api_url, [stack.rasa_url], stack.rasa_token, stack.internal_url,
                     stack.database_url, stack.create_counsellor)
    finally:
        stop_stack(stack)


register_shape("single", single_shape)


# --- measuring --------------------------------------------------------------------------
@dataclass
class Run:
    """One side of one level."""

    latencies: list[float] = field(default_factory=list)  # to the HTTP answer, seconds
    to_answer: list[float] = field(default_factory=list)  # to the bot's answer, seconds
    kinds: Counter = field(default_factory=Counter)  # bot, busy, safe, empty, 4xx, 5xx, connection
    answered: int = 0
    wall: float = 0.0

    def summary(self) -> dict:
        sent = sum(self.kinds.values())
        return {
            "messages": sent,
            "p50_ms": _ms(_quantile(self.latencies, 0.5)),
            "p95_ms": _ms(_quantile(self.latencies, 0.95)),
            "answer_p50_ms": _ms(_quantile(self.to_answer, 0.5)),
            "answer_p95_ms": _ms(_quantile(self.to_answer, 0.95)),
            "answers_per_s": round(self.answered / self.wall, 2) if self.wall else None,
            "busy_share": round(self.kinds["busy"] / sent, 3) if sent else None,
            "errors_5xx": self.kinds["5xx"],
            "errors_4xx": self.kinds["4xx"],
            "errors_connection": self.kinds["connection"],
            "kinds": dict(self.kinds),
        }


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ms(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds * 1000)


async def _create(http: httpx.AsyncClient) -> dict | None:
    try:
        response = await http.post("/api/v1/conversations",
                                   json={"entry_point": ENTRY_POINT, "simulated_now": CLOSED_HOUR})
    except httpx.TransportError:
        return None
    return response.json() if response.status_code == 201 else None


async def _conversations(http: httpx.AsyncClient, count: int) -> list[dict]:
    """Made before the timed part, ten at a time."""
    made: list[dict] = []
    gate = asyncio.Semaphore(10)

    async def one():
        async with gate:
            for _ in range(5):
                created = await _create(http)
                if created:
                    made.append(created)
                    return
                await asyncio.sleep(1)

    await asyncio.gather(*(one() for _ in range(count)))
    return made


async def _wait_for_bot(http, conversation: dict, after: int, started: float, run: Run) -> None:
    """After the busy reply: the bot's answer reaches the transcript later."""
    headers = {"Authorization": f"Bearer {conversation['token']}"}
    url = f"/api/v1/conversations/{conversation['id']}/messages"
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        await asyncio.sleep(POLL_SECONDS)
        try:
            response = await http.get(url, params={"after": after}, headers=headers)
        except httpx.TransportError:
            continue
        if response.status_code == 200 and any(m["sender"] == "bot" for m in response.json()["messages"]):
            run.to_answer.append(time.perf_counter() - started)
            run.answered += 1
            return


async def api_message(http, conversation: dict, text: str, run: Run, wait_for_answer: bool = True) -> None:
    headers = {"Authorization": f"Bearer {conversation['token']}"}
    body = {"text": text, "client_message_id": uuid.uuid4().hex}
    started = time.perf_counter()
    response = await _timed_post(http, run, started, f"/api/v1/conversations/{conversation['id']}/messages",
                                 json=body, headers=headers)
    if response is None:
        return
    elapsed = run.latencies[-1]
    messages = response.json()["messages"]
    if any(m["sender"] == "bot" for m in messages):
        run.kinds["bot"] += 1
        run.to_answer.append(elapsed)
        run.answered += 1
    elif any(BUSY in m["text"] for m in messages):
        run.kinds["busy"] += 1
        if wait_for_answer:
            after = max(m["seq"] for m in messages)
            await _wait_for_bot(http, conversation, after, started, run)
    else:
        run.kinds["safe" if messages else "empty"] += 1


async def _timed_post(http, run: "Run", started: float, url: str, **kwargs):
    """POST and count the outcome; the response of a 2xx answer (its latency recorded), else None."""
    try:
        response = await http.post(url, **kwargs)
    except httpx.TransportError:
        run.kinds["connection"] += 1
        return None
    elapsed = time.perf_counter() - started
    if response.status_code >= 500:
        run.kinds["5xx"] += 1
        return None
    if response.status_code >= 400:
        run.kinds["4xx"] += 1
        return None
    run.latencies.append(elapsed)
    return response


async def rasa_message(http, rasa_url: str, token: str, conversation: dict, text: str, run: Run) -> None:
    body = {"sender": conversation["id"], "message": text, "metadata": {"entry_point": ENTRY_POINT}}
    started = time.perf_counter()
    response = await _timed_post(http, run, started, f"{rasa_url}/webhooks/rest/webhook", json=body,
                                 headers={"Authorization": f"Bearer {token}"})
    if response is None:
        return
    elapsed = run.latencies[-1]
    if any(m.get("text") for m in response.json()):
        run.kinds["bot"] += 1
        run.to_answer.append(elapsed)
        run.answered += 1
    else:
        run.kinds["empty"] += 1


def _client(base_url: str = "", connections: int = 200) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(base_url=base_url, timeout=180, limits=limits)


async def closed_loop(target: Target, visitors: int, messages: int, side: str) -> Run:
    """Each visitor sends its next message when the answer to the last one came."""
    run = Run()
    async with _client(target.api_url, visitors + 20) as http:
        conversations = await _conversations(http, visitors)
        run.kinds["connection"] += visitors - len(conversations)  # could not even start

        async def visitor(index: int, conversation: dict) -> None:
            for turn in range(messages):
                text = TEXTS[(index + turn) % len(TEXTS)]
                if side == "api":
                    await api_message(http, conversation, text, run)
                else:
                    rasa_url = target.rasa_urls[index % len(target.rasa_urls)]
                    await rasa_message(http, rasa_url, target.rasa_token, conversation, text, run)

        started = time.perf_counter()
        await asyncio.gather(*(visitor(i, c) for i, c in enumerate(conversations)))
        run.wall = time.perf_counter() - started
    return run


async def open_loop(target: Target, visitors: int, interval: float, seconds: float, side: str) -> Run:
    """Each visitor sends one message every `interval` seconds, whatever the answers do."""
    run = Run()
    async with _client(target.api_url, visitors * 4 + 20) as http:
        conversations = await _conversations(http, visitors)
        tasks = []
        started = time.perf_counter()
        rounds = int(seconds / interval)
        for turn in range(rounds):
            for index, conversation in enumerate(conversations):
                at = started + turn * interval + index * interval / visitors
                await asyncio.sleep(max(0.0, at - time.perf_counter()))
                text = TEXTS[(index + turn) % len(TEXTS)]
                if side == "api":
                    tasks.append(asyncio.create_task(api_message(http, conversation, text, run)))
                else:
                    tasks.append(asyncio.create_task(
                        rasa_message(http, target.rasa_urls[index % len(target.rasa_urls)],
                                     target.rasa_token, conversation, text, run)))
        await asyncio.gather(*tasks)
        run.wall = time.perf_counter() - started
    return run


# --- the counsellors' queue with 2,000 queued ---------------------------------------------
def fill_queue(database_url: str, count: int) -> None:
    from datetime import timedelta

    from handoff_api.models import Conversation, Handoff
    from handoff_api.db import make_engine, make_session_factory, new_id, utcnow

    engine = make_engine(database_url)
    now = utcnow()
    with make_session_factory(engine)() as session:
        for i in range(count):
            conversation_id = new_id()
            session.add(Conversation(
                id=conversation_id, token_hash="0" * 64, entry_point=ENTRY_POINT, helpline_id=ENTRY_POINT,
                state="queued", urgency=["acute_danger", None, "suicide_risk", None, None][i % 5],
                from_appointment=i % 7 == 0, queued_at=now - timedelta(seconds=i),
            ))
            session.add(Handoff(
                conversation_id=conversation_id, consent=True, visitor_words=[], qa=[], details={},
                labels={"theme": {"value": "sexual_violence", "confidence": 0.9, "source": "classifier"}},
                outcome="queued", routed_helpline_id=ENTRY_POINT, routing_reason="bench",
            ))
        session.commit()
    engine.dispose()


async def queue_timing(target: Target, count: int, reads: int = 20) -> dict:
    password = "bench password of the queue"
    await asyncio.to_thread(target.create_counsellor, "bench_queue", ENTRY_POINT, password)
    await asyncio.to_thread(fill_queue, target.database_url, count)
    async with _client(target.api_url) as http:
        login = await http.post("/api/v1/counsellor/login", json={"username": "bench_queue", "password": password})
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        times, statuses, sizes = [], Counter(), set()
        for _ in range(reads):
            started = time.perf_counter()
            response = await http.get("/api/v1/counsellor/queue", headers=headers)
            times.append(time.perf_counter() - started)
            statuses[response.status_code] += 1
            if response.status_code == 200:
                sizes.add((len(response.json()["entries"]), response.json()["total"]))
    return {"queued": count, "reads": reads, "p50_ms": _ms(_quantile(times, 0.5)),
            "p95_ms": _ms(_quantile(times, 0.95)), "statuses": dict(statuses),
            "entries_and_total": sorted(sizes)}


# --- the report ---------------------------------------------------------------------------
def _cell(value) -> str:
    return "-" if value is None else str(value)


def print_report(report: dict) -> None:
    for shape, figures in report["shapes"].items():
        print(f"\n== shape: {shape} (closed loop: each visitor sends when answered) ==")
        print("| visitors | API p50 / p95 ms | API to bot answer p50 / p95 ms | API answers/s | busy share "
              "| API 5xx / 4xx / conn | Rasa p50 / p95 ms | Rasa answers/s | Rasa 5xx / conn | API ÷ Rasa |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for level in figures["closed"]:
            a, r = level["api"], level["rasa"]
            ratio = (round(a["answers_per_s"] / r["answers_per_s"], 2)
                     if a["answers_per_s"] and r["answers_per_s"] else None)
            print(f"| {level['visitors']} | {_cell(a['p50_ms'])} / {_cell(a['p95_ms'])} "
                  f"| {_cell(a['answer_p50_ms'])} / {_cell(a['answer_p95_ms'])} | {_cell(a['answers_per_s'])} "
                  f"| {_cell(a['busy_share'])} | {a['errors_5xx']} / {a['errors_4xx']} / {a['errors_connection']} "
                  f"| {_cell(r['p50_ms'])} / {_cell(r['p95_ms'])} | {_cell(r['answers_per_s'])} "
                  f"| {r['errors_5xx']} / {r['errors_connection']} | {_cell(ratio)} |")
        if figures.get("open"):
            o = figures["open"]
            print(f"\nopen loop: {o['visitors']} visitors, one message every {o['interval']} s for {o['seconds']} s")
            for side in ("api", "rasa"):
                s = o[side]
                print(f"  {side:4}: {s['messages']} messages, p50 {_cell(s['p50_ms'])} ms, p95 {_cell(s['p95_ms'])} ms, "
                      f"busy share {_cell(s['busy_share'])}, 5xx {s['errors_5xx']}, conn {s['errors_connection']}")
        if figures.get("queue"):
            q = figures["queue"]
            print(f"\ncounsellors' queue, {q['queued']} queued: p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms over "
                  f"{q['reads']} reads; statuses {q['statuses']}; entries/total {q['entries_and_total']}")


async def bench_shape(target: Target, args) -> dict:
    figures: dict = {"closed": []}
    for index, visitors in enumerate(args.levels):
        messages = args.messages.get(visitors, 3)
        sides = ("api", "rasa") if index % 2 == 0 else ("rasa", "api")  # neither always warms up first
        level = {"visitors": visitors, "messages_each": messages}
        for side in sides:
            level[side] = (await closed_loop(target, visitors, messages, side)).summary()
            print(f"  {target.name} {visitors:>3} visitors {side:4}: {json.dumps(level[side])}", flush=True)
        figures["closed"].append(level)
    if args.open_seconds > 0:
        figures["open"] = {"visitors": args.open_visitors, "interval": args.open_interval, "seconds": args.open_seconds}
        for side in ("api", "rasa"):
            run = await open_loop(target, args.open_visitors, args.open_interval, args.open_seconds, side)
            figures["open"][side] = run.summary()
            print(f"  {target.name} open loop {side:4}: {json.dumps(figures['open'][side])}", flush=True)
    if args.queue > 0 and target.create_counsellor and target.database_url:
        figures["queue"] = await queue_timing(target, args.queue)
    return figures


def _levels_messages(text: str) -> dict[int, int]:
    return {int(k): int(v) for k, v in (pair.split(":") for pair in text.split(","))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default="single", help="comma-separated: " + ", ".join(SHAPES))
    parser.add_argument("--levels", default="1,20,50,100")
    parser.add_argument("--messages", default="1:15,20:4,50:3,100:2", help="visitors:messages each")
    parser.add_argument("--open-visitors", type=int, default=20)
    parser.add_argument("--open-interval", type=float, default=5.0)
    parser.add_argument("--open-seconds", type=float, default=60.0)
    parser.add_argument("--queue", type=int, default=2000, help="queued conversations for the queue timing (0: skip)")
    parser.add_argument("--api-env", action="append", default=[], help="KEY=VALUE for the API (e.g. HANDOFF_RASA_MAX_IN_FLIGHT=16)")
    parser.add_argument("--out", default="reports/bench_load.json")
    args = parser.parse_args(argv)
    args.levels = [int(level) for level in args.levels.split(",")]
    args.messages = _levels_messages(args.messages)
    api_env = BENCH_API_ENV | dict(pair.split("=", 1) for pair in args.api_env)

    report = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "api_env": api_env,
              "levels": args.levels, "messages_each": args.messages, "shapes": {}}
    for shape in args.shapes.split(","):
        with TemporaryDirectory(prefix=f"bench-{shape}-") as work, SHAPES[shape](Path(work), api_env) as target:
            print(f"{shape}: stack up (API {target.api_url}, Rasa {', '.join(target.rasa_urls)})", flush=True)
            report["shapes"][shape] = asyncio.run(bench_shape(target, args))
    out = REPO / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print_report(report)
    print(f"\n(figures in {out.relative_to(REPO)}; one run on a shared machine: repeat and compare medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
