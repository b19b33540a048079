"""E-mail requests: a helpline's e-mail queue, sent to its mailbox over SMTP."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, new_id, utcnow


class EmailRequest(Base):
    __tablename__ = "email_requests"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    helpline_id: Mapped[str] = mapped_column(String(64), index=True)
    message: Mapped[str] = mapped_column(Text)
    reply_to: Mapped[str | None] = mapped_column(String(320))
    pickup_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # queued, sending (claimed by one worker: handoff_api.email.jobs), sent, answered
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reply_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
