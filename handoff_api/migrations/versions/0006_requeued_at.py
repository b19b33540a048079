"""conversations.requeued_at: back at the head of the queue after the counsellor had to leave

Revision ID: 0006_requeued_at
Revises: 0005_supervision
Create Date: 2026-12-02

Set when a deactivated counsellor's open chat goes back into its helpline's queue (it sorts
before every other chat of the same urgency), cleared when a counsellor claims it.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006_requeued_at'
down_revision: Union[str, Sequence[str], None] = '0005_supervision'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('requeued_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('requeued_at')
