"""What the API side did inside, for bench_load.py: the relay's counters (GET /healthz/relay of
each API worker) and the error lines of the API processes' logs."""

from collections import Counter
from pathlib import Path

import httpx
from bench_shapes import Target


async def relay_counters(target: Target, last: int = 0) -> list[dict]:
    """Each API worker's relay counters (GET /healthz/relay); times over its `last` samples."""
    views = []
    async with httpx.AsyncClient(timeout=30) as http:
        for url in target.api_urls:
            try:
                response = await http.get(f"{url}/healthz/relay", params={"last": last} if last else None)
                views.append(response.json() if response.status_code == 200 else {"status": response.status_code})
            except httpx.TransportError as error:
                views.append({"error": type(error).__name__})
    return views


def counts_delta(before: list[dict], after: list[dict]) -> dict:
    delta: Counter = Counter()
    for old, new in zip(before, after):
        delta.update(new.get("counts", {}))
        delta.subtract(old.get("counts", {}))
    return {what: count for what, count in sorted(delta.items()) if count}


def api_log_errors(work: Path) -> dict:
    """The error lines of the API processes' logs (they hold no visitor text), counted, so that
    a 5xx has a cause in the report; the logs go with the stack's directory."""
    found: Counter = Counter()
    for log in sorted(work.glob("*.log")):
        if not log.name.startswith(("api", "internal")):
            continue
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if any(mark in line for mark in ("ERROR", "Traceback", "Error:", "Exception", "WARNING")):
                found[f"{log.stem}: {line.strip()[:240]}"] += 1
    return dict(found.most_common(40))
