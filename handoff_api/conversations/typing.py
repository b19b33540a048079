"""Who is typing in a conversation: the visitor or a counsellor. Kept in memory only (it says
nothing of what is typed and is worthless a few seconds later), per API process."""

import time

TYPING_SECONDS = 5.0  # a typing signal shows this long unless renewed


class TypingBoard:
    def __init__(self) -> None:
        self._marks: dict[tuple[str, str], tuple[float, str | None]] = {}

    def mark(self, conversation_id: str, side: str, name: str | None = None) -> None:
        """`side` is `visitor` or `counsellor`; `name` is the counsellor's display name."""
        self._marks[(conversation_id, side)] = (time.monotonic(), name)
        self._forget_old()

    def current(self, conversation_id: str, side: str) -> tuple[float, str | None] | None:
        mark = self._marks.get((conversation_id, side))
        if mark is None or time.monotonic() - mark[0] > TYPING_SECONDS:
            return None
        return mark

    def _forget_old(self) -> None:
        now = time.monotonic()
        for key, (stamp, _) in list(self._marks.items()):
            if now - stamp > TYPING_SECONDS:
                self._marks.pop(key, None)


def typing_frames(board: TypingBoard, conversation_id: str, side: str, last: list) -> list[dict]:
    """A `typing` frame when the other `side` typed again since the last one sent (`last`
    holds that stamp between calls)."""
    mark = board.current(conversation_id, side)
    if mark is None or mark[0] == last[0]:
        return []
    last[0] = mark[0]
    frame = {"type": "typing", "who": side}
    if mark[1]:
        frame["name"] = mark[1]
    return [frame]
