"""Personal-data scrubber for Dutch helpline messages: ``Scrubber().scrub(text)``."""
from .scrubber import LABELS, PLACEHOLDERS, Scrubber, Span, default_scrubber, scrub

__all__ = ["LABELS", "PLACEHOLDERS", "Scrubber", "Span", "default_scrubber", "scrub"]
