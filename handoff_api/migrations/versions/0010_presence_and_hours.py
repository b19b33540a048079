"""counsellor presence and maximum chats, operators' hours changes, queue notices

Revision ID: 0010_presence_and_hours
Revises: 0009_async_relay
Create Date: 2026-12-02
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0010_presence_and_hours'
down_revision: Union[str, Sequence[str], None] = '0009_async_relay'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('counsellors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('presence', sa.String(length=16), nullable=False,
                                      server_default='offline'))
        batch_op.add_column(sa.Column('presence_seen_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('last_available_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('max_chats', sa.Integer(), nullable=False, server_default='1'))
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wait_notice', sa.String(length=16), nullable=True))
    op.create_table('hours_changes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('helpline_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('opens', sa.Time(), nullable=True),
    sa.Column('closes', sa.Time(), nullable=True),
    sa.Column('made_by', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('hours_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hours_changes_helpline_id'), ['helpline_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('hours_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hours_changes_helpline_id'))
    op.drop_table('hours_changes')
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('wait_notice')
    with op.batch_alter_table('counsellors', schema=None) as batch_op:
        batch_op.drop_column('max_chats')
        batch_op.drop_column('last_available_at')
        batch_op.drop_column('presence_seen_at')
        batch_op.drop_column('presence')
