"""Visitor API: reading the answer to an e-mail request with the pick-up code."""

from fastapi import APIRouter, Depends

from handoff_api.db import SessionDep
from handoff_api.dependencies import CodeHasherDep
from handoff_api.email import service
from handoff_api.email.schemas import PickedUp, PickUp
from handoff_api.ratelimit import limit_per_address

router = APIRouter(
    prefix="/api/v1/email-requests", tags=["visitor"], dependencies=[Depends(limit_per_address)]
)


@router.post("/pickup", response_model=PickedUp)
def pick_up(body: PickUp, session: SessionDep, codes: CodeHasherDep) -> dict:
    request = service.pick_up(session, codes, body.code)
    return {
        "status": "answered" if request.reply_text else "waiting",
        "question": request.message,
        "reply": request.reply_text,
        "replied_at": request.replied_at.isoformat(timespec="seconds") if request.replied_at else None,
    }
