"""takeover requests: a counsellor asks a supervisor to take a conversation over

Revision ID: 0011_takeover_requests
Revises: 0010_presence_and_hours
Create Date: 2026-12-02
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0011_takeover_requests'
down_revision: Union[str, Sequence[str], None] = '0010_presence_and_hours'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('takeover_requests',
    sa.Column('conversation_id', sa.String(length=32), nullable=False),
    sa.Column('requested_by_id', sa.String(length=32), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['counsellors.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('conversation_id')
    )


def downgrade() -> None:
    op.drop_table('takeover_requests')
