"""No visitor text in Rasa's or the action server's logs (issue 11).

`install()` is called when Rasa loads the REST channel (bot/channels.py) and when the action
server loads `actions`. It puts one processor first in Rasa's structlog chain, and one log
record factory under the standard logging module:
- structlog: the values of the keys Rasa itself marks as text-bearing (`text`, `user_message`,
  `slot_values`, `rasa_event`, ..., rasa.utils.log_utils._anonymizer) are replaced, and an
  exception becomes its types and places: Rasa's JSON tracebacks would show every frame's local
  variables, the visitor's message among them;
- logging: every record's exception (traceback and message, which may quote a visitor's words or
  a failed SQL statement's values) becomes its types and places too;
- warnings: Rasa warns with the visitor's own line when it cannot parse a payload ("Failed to
  parse arguments in line '/inform{...'"): a warning shows its category and place only, except
  deprecation notices about library code (they never hold input).
(Rasa's anonymization plugin hook is not used: Rasa also runs it on every event.)
"""
from __future__ import annotations

import logging
import sys
import traceback
import warnings
from typing import Any

HIDDEN = "[verborgen]"
TEXT_KEYS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
    "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
    "json_message", "events", "tracker", "value", "slot_value",
})
_installed = False


def describe_exception(exc: BaseException | None) -> str:
    """Types and places only: `KeyError at processor.py:120 handle_message; caused by ...`."""
    parts, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        frames = traceback.extract_tb(exc.__traceback__)
        # where it failed, then the last places in our own code that led there
        ours = [f for f in frames[:-1] if any(part in f.filename for part in ("/bot/", "/actions/"))][-2:]
        shown = frames[-1:] + ours[::-1]
        where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in shown)
        parts.append(f"{type(exc).__module__}.{type(exc).__qualname__} at {where or '?'}")
        exc = exc.__cause__ or exc.__context__
    return "; caused by ".join(parts)


def _without_exception_text(record: logging.LogRecord) -> logging.LogRecord:
    if record.name == "py.warnings":  # warnings routed to logging (logging.captureWarnings)
        record.msg, record.args = f"{HIDDEN}: a warning (it may quote a visitor's message)", None
    if record.exc_info and record.exc_info[1] is not None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 (a broken format string: keep the template only)
            message = str(record.msg)
        record.msg = f"{message} [{describe_exception(record.exc_info[1])}]"
        record.args = None
        record.exc_info = None
        record.exc_text = None
    return record


_LIBRARY_NOTICES = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)


def visible_warning(message: Any, category: type) -> Any:
    if issubclass(category, _LIBRARY_NOTICES):
        return message
    return f"{category.__name__} ({HIDDEN}: a warning may quote a visitor's message)"


def _install_warning_filter() -> None:
    show = warnings.showwarning

    def showwarning(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001
        show(visible_warning(message, category), category, filename, lineno, file, line)

    warnings.showwarning = showwarning


def _hide_text_in_structlog(_logger: Any, _method: str, event_dict: dict) -> dict:
    for key in TEXT_KEYS.intersection(event_dict):
        event_dict[key] = HIDDEN
    exc_info = event_dict.pop("exc_info", None)
    if exc_info:
        if exc_info is True:
            exc_info = sys.exc_info()
        exc = exc_info if isinstance(exc_info, BaseException) else exc_info[1]
        if exc is not None:
            event_dict["error"] = describe_exception(exc)
    for key in ("exception", "stack", "stack_info"):
        event_dict.pop(key, None)
    return event_dict


def _install_structlog_processor() -> None:
    try:
        import structlog
    except ImportError:
        return
    processors = structlog.get_config()["processors"]  # the live list: cached loggers see it too
    if _hide_text_in_structlog not in processors:
        processors.insert(0, _hide_text_in_structlog)


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return _without_exception_text(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _install_warning_filter()
    _install_structlog_processor()
