"""The async relay to the bot: a visitor never waits on a full Rasa.

A message is stored first (handoff_api/conversations/relay_store.py, short transactions in a
worker thread). It goes to Rasa at once when its instance has a free slot; otherwise, or when
Rasa has not answered within the deadline, the visitor at once gets the busy reply (the numbers,
the helpline's e-mail) and the message waits. The drain hands waiting messages to the bot as
room comes, oldest first, one at a time per conversation; the answer is stored and reaches the
visitor through the live socket or the next poll. No database session is open while Rasa works.
"""

import asyncio
import logging
import time
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.concurrency import run_in_threadpool

from handoff_api.conversations import relay_store
from handoff_api.conversations.rasa import RasaInstance, RasaPool, RasaUnavailable
from handoff_api.conversations.relay_counters import RelayCounters
from handoff_api.conversations.relay_store import Job, Turn, VisitorMessage
from handoff_api.db import new_id, utcnow
from handoff_api.errors import describe_exception

log = logging.getLogger(__name__)
STALE_MARGIN_SECONDS = 15.0  # after Rasa's own timeout: a `sent` message whose sender died
STORE_PAUSES = (0.2, 0.5, 1.0, 2.0, 4.0)  # between tries to store an answer while the database is busy


class Relay:
    def __init__(self, state) -> None:
        self._state = state  # the app's state: settings, catalog, session factory, rasa_pool
        self._wake = asyncio.Event()
        self._in_flight: dict[int, asyncio.Task] = {}
        self._draining: set[str] = set()
        self._tasks: set[asyncio.Task] = set()
        self.counters = RelayCounters()

    @property
    def pool(self) -> RasaPool:
        return self._state.rasa_pool

    async def new_conversation(self, entry_point: str, simulated_now: datetime | None) -> dict:
        conversation_id = new_id()  # known before it is stored, so that it can be pinned
        instance = self.pool.instance_for(conversation_id)
        slot = instance.bound.try_acquire()
        try:
            created, turn = await run_in_threadpool(
                relay_store.store_new_conversation, self._state.session_factory, self._state.settings,
                self._state.catalog, conversation_id, entry_point, simulated_now, slot,
            )
        except BaseException:
            if slot:
                instance.bound.release()
            raise
        return created | {"messages": await self._answer(instance, turn, slot)}

    async def visitor_message(
        self, conversation_id: str, token: str | None, message: VisitorMessage
    ) -> list[dict]:
        instance = self.pool.instance_for(conversation_id)
        slot = instance.bound.try_acquire()
        try:
            turn = await run_in_threadpool(
                relay_store.store_visitor_message, self._state.session_factory, self._state.settings,
                self._state.catalog, self._state.rate_limiter, conversation_id, token, message, slot,
                self._stale_before(),
            )
        except BaseException:
            if slot:
                instance.bound.release()
            raise
        return await self._answer(instance, turn, slot)

    def counters_view(self, last: int = 0) -> dict:
        return self.counters.view(self.pool.instances, last)

    async def _answer(self, instance: RasaInstance, turn: Turn, slot: bool) -> list[dict]:
        if slot and turn.job is None:
            instance.bound.release()
        if turn.queued:
            self.counters.count("busy_at_arrival")
            self._wake.set()
        if turn.in_flight is not None:
            task = self._in_flight.get(turn.in_flight.relay_id)
            if task is None:  # on its way from another worker
                return await self._busy(turn.in_flight)
            return await self._within_deadline(task, turn.in_flight)
        if turn.job is None:
            return turn.messages
        self.counters.count("at_once")
        return await self._within_deadline(self._start(instance, turn.job), turn.job)

    async def _within_deadline(self, task: asyncio.Task, job: Job) -> list[dict]:
        try:
            return await asyncio.wait_for(asyncio.shield(task), self._state.settings.rasa_deadline_seconds)
        except TimeoutError:
            self.counters.count("busy_at_deadline")
            return await self._busy(job)

    async def _busy(self, job: Job) -> list[dict]:
        return await run_in_threadpool(
            relay_store.busy_reply_for, self._state.session_factory, self._state.catalog, job
        )

    def _start(self, instance: RasaInstance, job: Job) -> asyncio.Task:
        """Sends `job` on a slot already taken; the task outlives the request that started it."""
        task = asyncio.create_task(self._send(instance, job))
        self._in_flight[job.relay_id] = task
        task.add_done_callback(lambda done: self._finished(job, done))
        return task

    def _finished(self, job: Job, task: asyncio.Task) -> None:
        self._in_flight.pop(job.relay_id, None)
        if not task.cancelled() and task.exception() is not None:
            log.warning("relay: the answer could not be stored: %s", describe_exception(task.exception()))

    async def _send(self, instance: RasaInstance, job: Job) -> list[dict]:
        started = time.monotonic()
        try:
            replies = await self.pool.send(job.conversation_id, job.bot_input, job.entry_point, held=instance)
            self.counters.count("answered")
        except RasaUnavailable as error:
            log.warning("Rasa unavailable: %s", error)
            self.counters.count("failed")
            replies = None
        finally:
            instance.bound.release()
            self.counters.rasa_call(time.monotonic() - started, greeting=job.bot_input == relay_store.GREETING)
        return await self._store_answer(job, replies)

    async def _store_answer(self, job: Job, replies) -> list[dict]:
        """Tried again while the database is busy: Rasa has this turn in its tracker now, so a
        lost answer would mean asking it the same message twice once the relay goes stale."""
        for pause in (*STORE_PAUSES, None):
            try:
                return await run_in_threadpool(
                    relay_store.store_answer, self._state.session_factory, self._state.catalog, job, replies
                )
            except (OperationalError, PoolTimeoutError) as error:
                if pause is None:
                    raise
                self.counters.count("store_retried")
                log.warning("relay: storing the answer again in %s s: %s", pause, describe_exception(error))
                await asyncio.sleep(pause)

    def _stale_before(self) -> datetime:
        seconds = self._state.settings.rasa_timeout_seconds + STALE_MARGIN_SECONDS
        return utcnow() - timedelta(seconds=seconds)

    # --- the drain ------------------------------------------------------------------------
    @asynccontextmanager
    async def running(self):
        drain = asyncio.create_task(self._drain_forever())
        try:
            yield
        finally:
            drain.cancel()
            pending = [drain, *self._tasks, *self._in_flight.values()]
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            await self.pool.aclose()

    async def _drain_forever(self) -> None:
        while True:
            try:
                await asyncio.wait_for(self._wake.wait(), self._state.settings.relay_drain_seconds)
            except TimeoutError:
                pass
            self._wake.clear()
            try:
                waiting = await run_in_threadpool(
                    relay_store.waiting_conversations, self._state.read_session_factory, self._stale_before()
                )
            except Exception as error:  # noqa: BLE001 (the database is busy or down: next round)
                log.warning("relay drain: %s", describe_exception(error))
                continue
            for conversation_id in waiting:
                if conversation_id not in self._draining:
                    self._draining.add(conversation_id)
                    task = asyncio.create_task(self._drain_conversation(conversation_id))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)

    async def _drain_conversation(self, conversation_id: str) -> None:
        """The conversation's waiting messages, one by one, each on a slot waited for."""
        try:
            while True:
                instance = self.pool.instance_for(conversation_id)
                await instance.bound.acquire()
                try:
                    job = await run_in_threadpool(
                        relay_store.claim_next, self._state.session_factory, conversation_id,
                        self._stale_before(),
                    )
                except BaseException:
                    instance.bound.release()
                    raise
                if job is None:
                    instance.bound.release()
                    return
                self.counters.count("drained")
                if job.kept_at is not None:
                    self.counters.waited.append((utcnow() - job.kept_at).total_seconds())
                await self._start(instance, job)
        except Exception as error:  # noqa: BLE001 (the next round tries again)
            log.warning("relay drain: %s", describe_exception(error))
        finally:
            self._draining.discard(conversation_id)
