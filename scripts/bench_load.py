"""`make bench-load`: visitors against the real stack, through the API and straight to Rasa.

It starts its own stack of each shape asked for (scripts/bench_shapes.py: the tests' own
starters) and, for 1, 20, 50 and 100 visitors each sending their messages as fast as the
answers come (a closed loop), measures per message:
  - through the API: the time to the HTTP answer (p50/p95), what it was (the bot's answer, the
    busy reply, another safe reply, an error), and when the busy reply came first, the time
    until the bot's answer reached the transcript (polled as a client without socket does);
  - straight to Rasa's REST channel (same conversations' ids, so the actions work the same; each
    to the Rasa instance the API pins it to).
Messages per second count answers of the bot, never busy replies. Then an open loop (20
visitors, one message every 5 s each) and the counsellors' queue with 2,000 queued.

Shapes: "single" (one API process, one Rasa, SQLite) and "scaled" (2 API workers, 2 Rasa
instances, PostgreSQL and Redis: TEST_DATABASE_URL, TEST_REDIS_URL), chosen with --shapes
single,scaled; another registers itself with bench_shapes.register_shape(name, starter). In the
scaled shape visitor i talks to API worker i mod 2, as a load balancer spreading visitors would.
Every shape asked for is up at once, and each level runs in paired rounds: in every round each
side of each shape runs once, next to the others (_round_order), so that API ÷ Rasa of a shape
and scaled ÷ single of a side are ratios of runs under the same load; the report gives the
median of those per-round ratios. Each shape's figures print in the same report, then the
shapes side by side (the issue's bar: scaled >= 1.6x single at 50 visitors).

Conversations are created at a simulated closed hour, so that no message is handed to a
counsellor: every message of the run goes to the bot.
"""

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException
from bench_measure import Run, median, pooled, rounded
from bench_queue import queue_timing
from bench_relay import api_log_errors, counts_delta, relay_counters
from bench_report import compare_shapes, print_report
from bench_shapes import REPO, SHAPES, Target, register_shape, stop_on_signals  # noqa: F401 (the hook)
from bench_texts import TEXTS

CLOSED_HOUR = "2026-11-22T03:30:00+01:00"  # Sunday night: every helpline's chat is closed
ENTRY_POINT = "nupraatikerover"
BUSY = "de chatbot is nu erg druk"
POLL_SECONDS = 2.0  # a client without socket polls (--wait poll); the widget's socket is pushed to
WAIT = {"how": "poll"}  # after a busy reply: "poll" the transcript, or wait on the live "socket"
# Bench settings of the API: rate limits out of the way (one address sends everything).
BENCH_API_ENV = {
    "HANDOFF_ADDRESS_RATE": "1000000/minute",
    "HANDOFF_CONVERSATION_MESSAGE_RATE": "100000/minute",
    "HANDOFF_RASA_TIMEOUT_SECONDS": "60",
    "HANDOFF_RASA_DEADLINE_SECONDS": "8",  # the default (the e2e stack waits 60 s for the bot)
}


# --- measuring --------------------------------------------------------------------------
@dataclass
class Visitor:
    """One conversation, on the API worker the visitor was sent to and the Rasa instance the API
    pins the conversation to."""

    api: str
    rasa: str
    id: str
    token: str

    @property
    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def messages_url(self) -> str:
        return f"{self.api}/api/v1/conversations/{self.id}/messages"


async def _create(http: httpx.AsyncClient, api: str) -> dict | None:
    try:
        response = await http.post(f"{api}/api/v1/conversations",
                                   json={"entry_point": ENTRY_POINT, "simulated_now": CLOSED_HOUR})
    except httpx.TransportError:
        return None
    return response.json() if response.status_code == 201 else None


async def _visitors(http: httpx.AsyncClient, target: Target, count: int) -> list[Visitor]:
    """Made before the timed part, ten at a time; visitor i on API worker i mod workers."""
    made: list[Visitor | None] = [None] * count
    gate = asyncio.Semaphore(10)

    async def one(index: int):
        api = target.api_for(index)
        async with gate:
            for _ in range(5):
                created = await _create(http, api)
                if created:
                    made[index] = Visitor(api, target.rasa_for(created["id"]), created["id"], created["token"])
                    return
                await asyncio.sleep(1)

    await asyncio.gather(*(one(i) for i in range(count)))
    return [visitor for visitor in made if visitor]


def _spread(target: Target, visitors: list[Visitor]) -> dict:
    """How many visitors each API worker and each Rasa instance had (in the Target's order)."""
    return {"api_worker": [sum(v.api == url for v in visitors) for url in target.api_urls],
            "rasa_instance": [sum(v.rasa == url for v in visitors) for url in target.rasa_urls]}


async def _wait_for_bot(http, visitor: Visitor, after: int, started: float, run: Run) -> None:
    """After the busy reply: the bot's answer reaches the transcript later."""
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        await asyncio.sleep(POLL_SECONDS)
        try:
            response = await http.get(visitor.messages_url, params={"after": after}, headers=visitor.headers)
        except httpx.TransportError:
            continue
        if response.status_code == 200 and any(m["sender"] == "bot" for m in response.json()["messages"]):
            run.to_answer.append(time.perf_counter() - started)
            run.answered += 1
            return


async def _wait_on_socket(visitor: Visitor, after: int, started: float, run: Run) -> None:
    """After the busy reply, as the widget does: the visitor's live socket pushes the bot's answer."""
    url = visitor.api.replace("http", "ws", 1) + f"/api/v1/conversations/{visitor.id}/live"
    try:
        async with asyncio.timeout(120), connect(f"{url}?after={after}&token={visitor.token}") as socket:
            async for raw in socket:
                frame = json.loads(raw)
                if frame.get("type") == "message" and frame.get("sender") == "bot":
                    run.to_answer.append(time.perf_counter() - started)
                    run.answered += 1
                    return
    except (TimeoutError, OSError, WebSocketException) as error:
        run.failures[f"socket {type(error).__name__}"] += 1


async def api_message(http, visitor: Visitor, text: str, run: Run, wait_for_answer: bool = True) -> None:
    body = {"text": text, "client_message_id": uuid.uuid4().hex}
    started = time.perf_counter()
    response = await _timed_post(http, run, started, visitor.messages_url, json=body, headers=visitor.headers)
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
            waits = _wait_on_socket(visitor, after, started, run) if WAIT["how"] == "socket" else \
                _wait_for_bot(http, visitor, after, started, run)
            await waits
    else:
        run.kinds["safe" if messages else "empty"] += 1


def _error_code(response: httpx.Response) -> str:
    """The API's own error code ({"error": "database_busy", ...}), so that a run says what failed."""
    try:
        body = response.json()
    except ValueError:
        return "not json"
    if not isinstance(body, dict):
        return "?"
    return str(body.get("error") or body.get("detail") or "?")[:40]


async def _timed_post(http, run: "Run", started: float, url: str, **kwargs):
    """POST and count the outcome; the response of a 2xx answer (its latency recorded), else None."""
    try:
        response = await http.post(url, **kwargs)
    except httpx.TransportError:
        run.kinds["connection"] += 1
        return None
    elapsed = time.perf_counter() - started
    if response.status_code >= 400:
        run.kinds["5xx" if response.status_code >= 500 else "4xx"] += 1
        run.failures[f"{response.status_code} {_error_code(response)}"] += 1
        return None
    run.latencies.append(elapsed)
    return response


async def rasa_message(http, token: str, visitor: Visitor, text: str, run: Run) -> None:
    body = {"sender": visitor.id, "message": text, "metadata": {"entry_point": ENTRY_POINT}}
    started = time.perf_counter()
    response = await _timed_post(http, run, started, f"{visitor.rasa}/webhooks/rest/webhook", json=body,
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


def _client(connections: int = 200) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(timeout=180, limits=limits)


def _send(http, target: Target, visitor: Visitor, text: str, run: Run, side: str):
    if side == "api":
        return api_message(http, visitor, text, run)
    return rasa_message(http, target.rasa_token, visitor, text, run)


async def closed_loop(target: Target, visitors: int, messages: int, side: str) -> Run:
    """Each visitor sends its next message when the answer to the last one came."""
    run = Run()
    async with _client(visitors + 20) as http:
        started_visitors = await _visitors(http, target, visitors)
        run.spread = _spread(target, started_visitors)
        run.kinds["connection"] += visitors - len(started_visitors)  # could not even start

        async def visitor(index: int, who: Visitor) -> None:
            for turn in range(messages):
                await _send(http, target, who, TEXTS[(index + turn) % len(TEXTS)], run, side)

        started = time.perf_counter()
        await asyncio.gather(*(visitor(i, v) for i, v in enumerate(started_visitors)))
        run.wall = time.perf_counter() - started
    return run


async def open_loop(target: Target, visitors: int, interval: float, seconds: float, side: str) -> Run:
    """Each visitor sends one message every `interval` seconds, whatever the answers do."""
    run = Run()
    async with _client(visitors * 4 + 20) as http:
        started_visitors = await _visitors(http, target, visitors)
        run.spread = _spread(target, started_visitors)
        tasks = []
        started = time.perf_counter()
        rounds = int(seconds / interval)
        for turn in range(rounds):
            for index, who in enumerate(started_visitors):
                at = started + turn * interval + index * interval / visitors
                await asyncio.sleep(max(0.0, at - time.perf_counter()))
                text = TEXTS[(index + turn) % len(TEXTS)]
                tasks.append(asyncio.create_task(_send(http, target, who, text, run, side)))
        await asyncio.gather(*tasks)
        run.wall = time.perf_counter() - started
    return run


def _round_order(targets: list[Target], number: int, flip: bool) -> list[tuple[Target, str]]:
    """One round's runs: each side of every shape, in an order that alternates from round to
    round: the sides (A B, B A, ...; `flip` starts a level the other way) and the shapes (single
    scaled, then scaled single), the shapes mirrored within the round (1 2 2 1), so that each
    pair that is divided (API ÷ Rasa of a shape, scaled ÷ single of a side) ran next to itself
    or on both sides of the other shape."""
    sides = ("api", "rasa") if (number % 2 == 0) != flip else ("rasa", "api")
    shapes = targets if number % 2 == 0 else targets[::-1]
    return [(target, sides[0]) for target in shapes] + [(target, sides[1]) for target in shapes[::-1]]


async def level_rounds(targets: list[Target], visitors: int, messages: int, rounds: int, flip: bool) -> dict:
    """`rounds` short rounds of every shape at once (_round_order), so that the machine's noise
    falls on both sides and on every shape alike; per shape its level's figures and the relay's
    counters (the API rounds only touch the relay)."""
    runs = {target.name: {"api": [], "rasa": []} for target in targets}
    before = {target.name: await relay_counters(target) for target in targets}
    for number in range(rounds):
        for target, side in _round_order(targets, number, flip):
            run = await closed_loop(target, visitors, messages, side)
            runs[target.name][side].append(run)
            print(f"  {target.name} {visitors:>3} visitors round {number + 1}/{rounds} {side:4}: "
                  f"{run.summary()['answers_per_s']} answers/s, kinds {dict(run.kinds)}", flush=True)
    return {target.name: await _level_figures(target, visitors, messages, runs[target.name], before[target.name])
            for target in targets}


async def _level_figures(target: Target, visitors: int, messages: int, runs: dict, before: list[dict]) -> dict:
    counts = counts_delta(before, await relay_counters(target))
    drained = await relay_counters(target, last=max(counts.get("drained", 0), 1))
    greetings = counts.get("greeting", 0)  # both sides' conversations are made through the API
    after = await relay_counters(target, last=max(counts.get("answered", 0) + counts.get("failed", 0) - greetings, 1))
    greeted = await relay_counters(target, last=max(greetings, 1))
    ratios = [rounded(a.answered / a.wall / (r.answered / r.wall)) if a.wall and r.wall and r.answered else None
              for a, r in zip(runs["api"], runs["rasa"])]
    return {"visitors": visitors, "messages_each": messages, "rounds": len(runs["api"]),
            "api": pooled(runs["api"]), "rasa": pooled(runs["rasa"]),
            "ratios": ratios, "ratio_median": rounded(median(ratios)),
            "relay": {"counts": counts,
                      "waited_seconds": [view.get("waited_seconds") for view in drained],
                      "rasa_seconds": [view.get("rasa_seconds") for view in after],
                      "greeting_seconds": [view.get("greeting_seconds") for view in greeted],
                      "instances": [view.get("instances") for view in after]}}


async def bench_shapes(targets: list[Target], args) -> dict:
    """Every shape's closed-loop levels in paired rounds; then each shape's open loop and queue."""
    figures: dict = {target.name: {"closed": []} for target in targets}
    for index, visitors in enumerate(args.levels):
        messages = args.messages.get(visitors, 3)
        levels = await level_rounds(targets, visitors, messages, args.rounds, flip=index % 2 == 1)
        for name, level in levels.items():
            print(f"  {name} {visitors:>3} visitors: API {level['api']['answers_per_s']} / Rasa "
                  f"{level['rasa']['answers_per_s']} answers/s (medians), paired ratios {level['ratios']}; "
                  f"relay {json.dumps(level['relay']['counts'])}", flush=True)
            figures[name]["closed"].append(level)
    for target in targets:
        await _open_and_queue(target, args, figures[target.name])
    return figures


async def _open_and_queue(target: Target, args, figures: dict) -> None:
    if args.open_seconds > 0:
        figures["open"] = {"visitors": args.open_visitors, "interval": args.open_interval, "seconds": args.open_seconds}
        for side in ("api", "rasa"):
            run = await open_loop(target, args.open_visitors, args.open_interval, args.open_seconds, side)
            figures["open"][side] = run.summary()
            print(f"  {target.name} open loop {side:4}: {json.dumps(figures['open'][side])}", flush=True)
    if args.queue > 0 and target.create_counsellor and target.database_url:
        figures["queue"] = await queue_timing(target, args.queue)


def _levels_messages(text: str) -> dict[int, int]:
    return {int(k): int(v) for k, v in (pair.split(":") for pair in text.split(","))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default="single",
                        help="comma-separated: " + ", ".join(SHAPES) + " (scaled: TEST_DATABASE_URL, TEST_REDIS_URL)")
    parser.add_argument("--levels", default="1,20,50,100", help='visitors per closed-loop level ("": none)')
    parser.add_argument("--messages", default="1:8,20:3,50:2,100:2", help="visitors:messages each, per round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per level, API and Rasa in turn")
    parser.add_argument("--wait", choices=("poll", "socket"), default="poll",
                        help="after a busy reply: poll the transcript every 2 s, or wait on the live socket as the widget does")
    parser.add_argument("--open-visitors", type=int, default=20)
    parser.add_argument("--open-interval", type=float, default=5.0)
    parser.add_argument("--open-seconds", type=float, default=60.0)
    parser.add_argument("--queue", type=int, default=2000, help="queued conversations for the queue timing (0: skip)")
    parser.add_argument("--api-env", action="append", default=[], help="KEY=VALUE for the API (e.g. HANDOFF_RASA_MAX_IN_FLIGHT=16)")
    parser.add_argument("--out", default="reports/bench_load.json")
    args = parser.parse_args(argv)
    args.levels = [int(level) for level in args.levels.split(",") if level.strip()]
    WAIT["how"] = args.wait
    args.messages = _levels_messages(args.messages)
    api_env = BENCH_API_ENV | dict(pair.split("=", 1) for pair in args.api_env)
    shapes = args.shapes.split(",")
    unknown = [shape for shape in shapes if shape not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {', '.join(unknown)} (known: {', '.join(SHAPES)})")
    for shape in shapes:  # what a shape needs, before any stack spends minutes starting
        if SHAPES[shape].check:
            SHAPES[shape].check()

    report = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "api_env": api_env,
              "rounds": args.rounds, "wait_after_busy": args.wait,
              "levels": args.levels, "messages_each": args.messages, "shapes": {}}
    stop_on_signals()
    with ExitStack() as stacks:  # every shape up at once: their rounds alternate (paired)
        targets, works = [], []
        for shape in shapes:
            work = Path(stacks.enter_context(TemporaryDirectory(prefix=f"bench-{shape}-")))
            target = stacks.enter_context(SHAPES[shape].starter(work, api_env))
            print(f"{shape}: stack up (API {', '.join(target.api_urls)}; Rasa {', '.join(target.rasa_urls)})",
                  flush=True)
            targets.append(target)
            works.append(work)
        report["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
        report["shapes"] = asyncio.run(bench_shapes(targets, args))
        report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        report["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        for target, work in zip(targets, works):
            report["shapes"][target.name]["api_log"] = api_log_errors(work)
    report["comparison"] = compare_shapes(report)
    out = REPO / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print_report(report)
    shown = out.relative_to(REPO) if out.is_relative_to(REPO) else out
    print(f"\n(figures in {shown}; {args.rounds} rounds a level, every shape and side in turn in each: "
          "medians, and the medians of the rounds' own ratios; load average "
          f"{report['load_average_at_start']} at the start, {report['load_average_at_end']} at the end)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # the stacks are stopped and cleaned up by then
        print("bench-load: stopped before the end; no report written", file=sys.stderr)
        sys.exit(130)
