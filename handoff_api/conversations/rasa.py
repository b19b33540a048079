"""The relay to Rasa's REST channel (see handoff_api/README.md)."""

from dataclasses import dataclass, field
from typing import Annotated

import httpx
from fastapi import Depends
from starlette.requests import HTTPConnection

from handoff_api.conversations.rasa_pinning import RasaPinning


class RasaUnavailable(Exception):
    """Rasa could not be reached, failed, or answered something unusable."""


@dataclass(frozen=True)
class BotReply:
    text: str
    buttons: list[dict] = field(default_factory=list)


# Nothing reached Rasa, or the instance went away mid-request (killed): the conversation may
# move to the next instance. A slow answer (ReadTimeout) is not retried: that instance may
# still be working on the message, and the visitor gets the safe reply instead.
_INSTANCE_GONE = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError, httpx.ReadError)


class RasaClient:
    def __init__(self, base_url: str | list[str], timeout_seconds: float, token: str = "") -> None:
        urls = base_url if isinstance(base_url, list) else base_url.split(",")
        self.pinning = RasaPinning(urls)
        self.timeout_seconds = timeout_seconds
        # Rasa's REST channel (bot/channels.py) refuses a relay without this token.
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http: httpx.Client | None = None  # one pooled client, made on first use

    def send(self, sender: str, message: str, entry_point: str) -> list[BotReply]:
        """To the conversation's pinned instance; to the next one when that one is down."""
        body = {"sender": sender, "message": message, "metadata": {"entry_point": entry_point}}
        error: Exception | None = None
        for base_url in self.pinning.candidates(sender):
            try:
                response = self._client().post(webhook_url(base_url), json=body, headers=self.headers)
            except _INSTANCE_GONE as gone:
                self.pinning.mark_down(base_url)
                error = gone
                continue
            except httpx.HTTPError as failed:
                raise RasaUnavailable(str(failed)) from failed
            self.pinning.mark_up(base_url)
            try:
                response.raise_for_status()
                return parse_replies(response.json())
            except (httpx.HTTPError, ValueError) as failed:
                raise RasaUnavailable(str(failed)) from failed
        raise RasaUnavailable(str(error)) from error

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(timeout=self.timeout_seconds)
        return self._http


def webhook_url(base_url: str) -> str:
    return base_url.rstrip("/") + "/webhooks/rest/webhook"


def parse_replies(payload: object) -> list[BotReply]:
    if not isinstance(payload, list):
        raise ValueError("Rasa answered something other than a list")
    replies = []
    for item in payload:
        if not isinstance(item, dict):
            continue
        text = item.get("text") or ""
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in item.get("buttons") or []
            if isinstance(b, dict)
        ]
        if text or buttons:
            replies.append(BotReply(text=text, buttons=buttons))
    return replies


def get_rasa_client(connection: HTTPConnection) -> RasaClient:
    return connection.app.state.rasa_client


RasaDep = Annotated[RasaClient, Depends(get_rasa_client)]
