"""the last message a conversation had while with the bot

Revision ID: 0007_handed_over_seq
Revises: 0006_requeued_at
Create Date: 2026-12-02

A visitor who refuses to pass on their story: counsellors see no message up to this sequence
number (see handoff_api/conversations/consent.py).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007_handed_over_seq'
down_revision: Union[str, Sequence[str], None] = '0006_requeued_at'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('conversations') as batch:
        batch.add_column(sa.Column('handed_over_seq', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('conversations') as batch:
        batch.drop_column('handed_over_seq')
