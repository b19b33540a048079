"""Every ORM model, imported in one place so Alembic sees the whole schema."""

from handoff_api.appointments.models import Appointment
from handoff_api.conversations.models import BotRelay, Conversation, Handoff, Message, Participant, Transfer
from handoff_api.counsellors.models import Counsellor, CounsellorSession, LoginThrottle, Registration
from handoff_api.db import Base
from handoff_api.email.models import EmailRequest
from handoff_api.helplines.models import HoursChange
from handoff_api.stats.models import Campaign, EventCount
from handoff_api.supervision.models import AccessLogEntry, StaffNote, StandardText, TakeoverRequest

__all__ = [
    "AccessLogEntry",
    "Appointment",
    "Base",
    "BotRelay",
    "Campaign",
    "Conversation",
    "Counsellor",
    "CounsellorSession",
    "EmailRequest",
    "EventCount",
    "Handoff",
    "HoursChange",
    "LoginThrottle",
    "Message",
    "Participant",
    "Registration",
    "StaffNote",
    "StandardText",
    "TakeoverRequest",
    "Transfer",
]
