"""bench_load.py's timing of the counsellors' queue with many conversations queued (the issue's
bar: under 200 ms with 2,000 queued), read through each API worker in turn."""

import asyncio
import time
from collections import Counter

import httpx
from bench_measure import ms, quantile
from bench_shapes import Target

ENTRY_POINT = "nupraatikerover"


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
    async with httpx.AsyncClient(timeout=180) as http:
        login = await http.post(f"{target.api_for(0)}/api/v1/counsellor/login",
                                json={"username": "bench_queue", "password": password})
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        times, statuses, sizes = [], Counter(), set()
        for read in range(reads):  # spread over the workers as the visitors are
            started = time.perf_counter()
            response = await http.get(f"{target.api_for(read)}/api/v1/counsellor/queue", headers=headers)
            times.append(time.perf_counter() - started)
            statuses[response.status_code] += 1
            if response.status_code == 200:
                sizes.add((len(response.json()["entries"]), response.json()["total"]))
    return {"queued": count, "reads": reads, "p50_ms": ms(quantile(times, 0.5)),
            "p95_ms": ms(quantile(times, 0.95)), "times_ms": [ms(t) for t in times], "statuses": dict(statuses),
            "entries_and_total": sorted(sizes)}


