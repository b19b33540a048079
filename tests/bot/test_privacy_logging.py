"""bot/privacy_logging.py with Rasa's own structlog set-up: a failure while handling a message
logs no visitor text (Rasa's JSON tracebacks would show the frame locals), and neither do
standard log records with exceptions or Rasa's payload warnings. The whole-stack check is
tests/e2e/test_privacy_stack.py."""

import io
import logging
import sys
import warnings

import pytest
import structlog

from bot import privacy_logging

MARKER = "mrk-7f3a-vertrouwelijk"


@pytest.fixture
def rasa_structlog(monkeypatch):
    from rasa.utils.log_utils import configure_structlog

    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    saved = structlog.get_config()
    root = logging.getLogger()
    handlers = list(root.handlers)
    root.handlers = []
    configure_structlog(logging.INFO)  # as `rasa run` does: JSON lines on a non-terminal
    privacy_logging._installed = False
    privacy_logging.install()
    yield out
    root.handlers = handlers
    structlog.configure(**saved)


def _handle(text):
    raise RuntimeError(f"could not handle {text!r}")


def test_a_failure_while_handling_a_message_logs_no_text(rasa_structlog):
    structlogger = structlog.get_logger("rasa.core.channels.rest")
    text = f"mijn oom {MARKER} slaat mij"
    try:
        _handle(text)
    except RuntimeError:
        structlogger.exception("rest.message.received.failure", text=text)
    logged = rasa_structlog.getvalue()
    assert "rest.message.received.failure" in logged and "RuntimeError" in logged
    assert MARKER not in logged


def test_standard_log_records_lose_the_exception_message(rasa_structlog):
    try:
        _handle(MARKER)
    except RuntimeError:
        record = logging.getLogger("sanic.error").makeRecord(
            "sanic.error", logging.ERROR, __file__, 1, "Exception occurred while handling uri", (), sys.exc_info()
        )
    assert record.exc_info is None and MARKER not in record.getMessage()
    assert "builtins.RuntimeError at test_privacy_logging.py" in record.getMessage()


def test_rasas_payload_warnings_do_not_repeat_the_visitors_line():
    from rasa.shared.utils.io import raise_warning

    shown = io.StringIO()
    with warnings.catch_warnings():  # restores warnings.showwarning afterwards
        warnings.simplefilter("always")
        warnings.showwarning = lambda message, category, *args, **kwargs: shown.write(f"{category.__name__}: {message}\n")
        privacy_logging._install_warning_filter()
        raise_warning(f"Failed to parse arguments in line '/inform{{\"email\": \"{MARKER}@x.be\"'.")
        warnings.warn("this API is old", DeprecationWarning)
    assert MARKER not in shown.getvalue() and "UserWarning" in shown.getvalue()
    assert "this API is old" in shown.getvalue()  # library notices keep their text
