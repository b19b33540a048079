"""Runs uvicorn under cProfile from the end of its startup (imports and migrations left out),
in the event loop's thread and in the worker threads that run the relay's database work, and
writes the top functions when it stops (SIGTERM). For `bench_api_cost.py --profile`:
    python scripts/bench_profile.py OUT.txt APP --app-dir DIR --port PORT
"""

import cProfile
import io
import pstats
import signal
import sys
import threading

_profiles: list[cProfile.Profile] = []
_local = threading.local()
_on = threading.Event()


def _profiled(func):
    """`func` as a worker thread runs it, under that thread's own profiler once startup is over."""

    def run(*args):
        if not _on.is_set():
            return func(*args)
        profile = getattr(_local, "profile", None)
        if profile is None:
            profile = _local.profile = cProfile.Profile()
            _profiles.append(profile)
        profile.enable()
        try:
            return func(*args)
        finally:
            profile.disable()

    return run


def _install(main_profile: cProfile.Profile):
    import anyio.to_thread
    import uvicorn

    run_sync = anyio.to_thread.run_sync

    async def profiled_run_sync(func, *args, **kwargs):
        return await run_sync(_profiled(func), *args, **kwargs)

    anyio.to_thread.run_sync = profiled_run_sync  # starlette's run_in_threadpool looks it up per call

    class ProfiledServer(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            await super().startup(sockets)
            _on.set()
            main_profile.enable()

    return ProfiledServer


def main(argv: list[str]) -> int:
    out, app, *options = argv
    settings = dict(zip(options[::2], options[1::2]))
    import uvicorn

    main_profile = cProfile.Profile()
    server_class = _install(main_profile)
    # uvicorn stops on SIGTERM, puts this handler back and raises the signal again: with the
    # default handler the process would die before writing the report.
    signal.signal(signal.SIGTERM, lambda *_: None)
    sys.path.insert(0, settings.get("--app-dir", "."))  # what uvicorn's --app-dir does
    config = uvicorn.Config(app, host="127.0.0.1", port=int(settings["--port"]), access_log=False)
    server_class(config).run()
    main_profile.disable()
    text = io.StringIO()
    stats = pstats.Stats(main_profile, stream=text)
    for profile in _profiles:
        stats.add(profile)
    stats.sort_stats("tottime").print_stats(45)
    stats.sort_stats("cumulative").print_stats(70)
    stats.dump_stats(out + ".prof")  # for pstats' print_callers
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
