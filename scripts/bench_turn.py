"""`make bench-turn`: where a bot turn's time goes, and its CPU cost per message, per model.

Runs in .venv-rasa. Starts the real action server and the API (public and internal apps, a
temporary SQLite database), loads each model in this process with the SQL tracker store of
bot/endpoints.yml behind a REST webhook of its own (what bot/channels.py does, without the
token), and sends the same conversations to each along the relay path: the visitor's message to
the API, the API to Rasa, Rasa to the action server (which calls the internal app), the answer
back. Per graph node (NLU components, policies) and per call to the action server it sums wall
time; per message it measures the CPU of Rasa (this process, less the bench's own client
thread) and of the action server and API processes (from /proc), and fails when a service that
handled messages shows none. `--profile` also writes cProfile's top functions to
reports/bench_turn_<model>.txt.
"""

import argparse
import asyncio
import cProfile
import logging
import io
import os
import pstats
import secrets
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from bench_procs import check_measured, cpu_seconds, free_port
from bench_texts import TEXTS

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
API_BIN = REPO / ".venv" / "bin"
RASA_BIN = REPO / ".venv-rasa" / "bin"
CLOSED_HOUR = "2026-11-22T03:30:00+01:00"
ENTRY_POINT = "nupraatikerover"


def _wait(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer in {seconds}s")


class Services:
    """The action server and the API's two apps, on free loopback ports."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.api_port, self.internal_port, self.actions_port = free_port(), free_port(), free_port()
        self.webhook_port = free_port()  # this process's Rasa (RasaWebhook), which the API relays to
        token = secrets.token_urlsafe(16)
        base = {k: v for k, v in os.environ.items() if not k.startswith(("HANDOFF_", "RASA_URL", "DATABASE_URL"))}
        api_env = base | {
            "DATABASE_URL": f"sqlite:///{work / 'handoff.db'}", "HANDOFF_ENV": "test",
            "HANDOFF_ALLOW_SIMULATED_CLOCK": "1", "HANDOFF_INTERNAL_TOKEN": token,
            "HANDOFF_CODE_SECRET_FILE": str(work / "code.key"), "HANDOFF_SMTP_ENABLED": "false",
            "HANDOFF_RASA_URL": f"http://127.0.0.1:{self.webhook_port}", "HANDOFF_ADDRESS_RATE": "100000/minute",
            "HANDOFF_CONVERSATION_MESSAGE_RATE": "100000/minute", "HANDOFF_RASA_DEADLINE_SECONDS": "120",
            "HANDOFF_RASA_TIMEOUT_SECONDS": "120",
            "HANDOFF_TRACKER_STORE_URL": f"sqlite:///{work / 'tracker.db'}",
        }
        actions_env = base | {"HANDOFF_INTERNAL_URL": f"http://127.0.0.1:{self.internal_port}",
                              "HANDOFF_INTERNAL_TOKEN": token, "SANIC_HOST": "127.0.0.1"}
        log = open(work / "services.log", "w")  # noqa: SIM115 (lives as long as the processes)
        self.processes = {
            "api": subprocess.Popen([str(API_BIN / "uvicorn"), "handoff_api.main:app", "--port", str(self.api_port),
                                     "--no-access-log"], cwd=REPO, env=api_env, stdout=log, stderr=log),
            "internal": subprocess.Popen([str(API_BIN / "uvicorn"), "handoff_api.internal_main:app", "--port",
                                          str(self.internal_port), "--no-access-log"], cwd=REPO, env=api_env,
                                         stdout=log, stderr=log),
            "actions": subprocess.Popen([str(RASA_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions",
                                         "--port", str(self.actions_port)], cwd=REPO, env=actions_env,
                                        stdout=log, stderr=log),
        }
        _wait(f"http://127.0.0.1:{self.api_port}/healthz")
        _wait(f"http://127.0.0.1:{self.internal_port}/healthz")
        _wait(f"http://127.0.0.1:{self.actions_port}/health")

    def cpu(self) -> dict[str, float]:
        return {name: cpu_seconds(p.pid, children=True) for name, p in self.processes.items()}

    def stop(self) -> None:
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            process.wait(timeout=30)


class NodeTimes:
    """Wall time per graph node and per action-server call, summed over the timed messages."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.action_calls = 0
        self.enabled = False

    def install(self) -> None:
        from rasa.core.actions.action import RemoteAction
        from rasa.engine.graph import GraphNode

        times = self
        node_call, action_run = GraphNode.__call__, RemoteAction.run

        def timed_call(node, *inputs):
            started = time.perf_counter()
            try:
                return node_call(node, *inputs)
            finally:
                if times.enabled:
                    times.seconds[f"{node._component_class.__name__}.{node._fn_name}"] += time.perf_counter() - started

        async def timed_run(action, *args, **kwargs):
            started = time.perf_counter()
            try:
                return await action_run(action, *args, **kwargs)
            finally:
                if times.enabled:
                    times.seconds["action server call (RemoteAction.run)"] += time.perf_counter() - started
                    times.action_calls += 1

        GraphNode.__call__ = timed_call
        RemoteAction.run = timed_run


async def _load(model: Path, endpoints: Path):
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints

    return await load_agent(model_path=str(model), endpoints=AvailableEndpoints.read_endpoints(str(endpoints)))


class RasaWebhook:
    """Rasa's REST channel in this process (as bot/channels.py's, without the token): the API
    relays each visitor message here, so that the bench measures the path the visitor's takes."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.agent = None
        self.turns = 0
        self._runner = None

    async def start(self) -> None:
        from aiohttp import web

        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def _receive(self, request):
        from aiohttp import web
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        body = await request.json()
        collector = CollectingOutputChannel()
        await self.agent.handle_message(UserMessage(body["message"], collector, body["sender"], input_channel="rest",
                                                    metadata=body.get("metadata")))
        self.turns += 1
        return web.json_response(collector.messages)


class Visitor:
    """The bench's client of the API, in a thread of its own so that its CPU (time.thread_time)
    can be taken out of this process's, which is Rasa's."""

    def __init__(self, api_port: int) -> None:
        self.url = f"http://127.0.0.1:{api_port}/api/v1/conversations"
        self.http = requests.Session()
        self.cpu = 0.0
        self.kinds = {"bot": 0, "other": 0}  # the API's answers: with the bot's reply, or without

    def _post(self, url: str, body: dict, headers: dict | None = None) -> dict:
        started = time.thread_time()
        try:
            response = self.http.post(url, json=body, headers=headers, timeout=180)
            response.raise_for_status()
            answer = response.json()
            bot = any(m["sender"] == "bot" for m in answer.get("messages", []))
            self.kinds["bot" if bot else "other"] += 1
            return answer
        finally:
            self.cpu += time.thread_time() - started

    def conversation(self, texts: list[str]) -> None:
        """A new conversation (the API greets through Rasa: /greet), then `texts` one by one."""
        created = self._post(self.url, {"entry_point": ENTRY_POINT, "simulated_now": CLOSED_HOUR})
        headers = {"Authorization": f"Bearer {created['token']}"}
        for text in texts:
            self._post(f"{self.url}/{created['id']}/messages", {"text": text}, headers)


async def bench_model(model: Path, services: Services, webhook: RasaWebhook, times: NodeTimes,
                      conversations: int, profile: bool) -> dict:
    endpoints = services.work / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{services.actions_port}/webhook"\n'
                         "tracker_store:\n  type: bot.tracker_store.HelplineSQLTrackerStore\n")
    os.environ["RASA_TRACKER_STORE_URL"] = f"sqlite:///{services.work / ('tracker-' + model.stem + '.db')}"
    started = time.perf_counter()
    webhook.agent = await _load(model, endpoints)
    load_seconds = time.perf_counter() - started
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as client_thread:
        visitor = Visitor(services.api_port)
        # the first turns trace TensorFlow's graphs
        await loop.run_in_executor(client_thread, visitor.conversation, TEXTS[:3])
        times.seconds.clear()
        times.action_calls, webhook.turns, visitor.kinds = 0, 0, {"bot": 0, "other": 0}
        times.enabled = True
        profiler = cProfile.Profile() if profile else None
        cpu_before, own_before, client_before = services.cpu(), time.process_time(), visitor.cpu
        wall_before = time.perf_counter()
        if profiler:
            profiler.enable()
        for _ in range(conversations):
            await loop.run_in_executor(client_thread, visitor.conversation, TEXTS)
        if profiler:
            profiler.disable()
        wall = time.perf_counter() - wall_before
        own = time.process_time() - own_before - (visitor.cpu - client_before)
        cpu_after = services.cpu()
    times.enabled = False
    messages = sum(visitor.kinds.values())
    cpu = {"rasa": own} | {name: cpu_after[name] - cpu_before[name] for name in cpu_before}
    check_measured(cpu, {"api": messages, "rasa": webhook.turns, "actions": times.action_calls})
    result = {
        "model": model.name, "messages": messages, "answered_by_the_bot": visitor.kinds["bot"],
        "load_seconds": round(load_seconds, 1),
        "wall_ms_per_message": round(wall / messages * 1000, 1),
        "cpu_ms_per_message": {name: round(seconds / messages * 1000, 1) for name, seconds in cpu.items()},
        "nodes_ms_per_message": {name: round(seconds / messages * 1000, 2) for name, seconds in
                                 sorted(times.seconds.items(), key=lambda item: -item[1])},
    }
    result["cpu_ms_per_message"]["total"] = round(sum(result["cpu_ms_per_message"].values()), 1)
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        path = REPO / "reports" / f"bench_turn_{model.stem}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(out.getvalue())
        result["profile"] = str(path.relative_to(REPO))
    return result


async def bench_models(args, services: Services, times: NodeTimes) -> list[dict]:
    webhook = RasaWebhook(services.webhook_port)
    await webhook.start()
    try:
        results = []
        for model in args.model:
            result = await bench_model(Path(model), services, webhook, times, args.conversations, args.profile)
            print(result, flush=True)
            results.append(result)
        return results
    finally:
        await webhook.stop()


def print_table(results: list[dict]) -> None:
    names = [r["model"] for r in results]
    print("\n| per message | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    print("| messages (answered by the bot) | " + " | ".join(f"{r['messages']} ({r['answered_by_the_bot']})"
                                                          for r in results) + " |")
    print("| wall ms (one at a time) | " + " | ".join(str(r["wall_ms_per_message"]) for r in results) + " |")
    for part in ("rasa", "actions", "api", "internal", "total"):
        print(f"| CPU ms, {part} | " + " | ".join(str(r["cpu_ms_per_message"].get(part)) for r in results) + " |")
    nodes = []
    for r in results:
        nodes += [n for n in r["nodes_ms_per_message"] if n not in nodes]
    for node in nodes:
        print(f"| {node} ms | " + " | ".join(str(r["nodes_ms_per_message"].get(node, "-")) for r in results) + " |")
    print("| model load s | " + " | ".join(str(r["load_seconds"]) for r in results) + " |")


def _quiet_rasa() -> None:
    """Rasa's log levels as `rasa run` sets them (INFO): unset, its structlog debug lines of
    every turn cost this process CPU that a served Rasa does not spend."""
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.INFO)
    configure_structlog(logging.INFO)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", required=True, help="a trained model (repeat to compare)")
    parser.add_argument("--conversations", type=int, default=8, help="each: /greet and %d messages" % len(TEXTS))
    parser.add_argument("--profile", action="store_true", help="cProfile's top functions per model, to reports/")
    args = parser.parse_args(argv)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    times = NodeTimes()
    times.install()
    _quiet_rasa()
    with tempfile.TemporaryDirectory(prefix="bench-turn-") as work:
        services = Services(Path(work))
        try:
            results = asyncio.run(bench_models(args, services, times))
        finally:
            services.stop()
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
