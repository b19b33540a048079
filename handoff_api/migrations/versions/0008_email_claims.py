"""e-mail requests are claimed before they are sent

Revision ID: 0008_email_claims
Revises: 0007_handed_over_seq
Create Date: 2026-12-02

A worker claims a queued request (status `sending`, `claimed_at`) before it talks to the mail
server, so two workers, or a worker and `handoff-admin send-emails`, never send it twice.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0008_email_claims'
down_revision: Union[str, Sequence[str], None] = '0007_handed_over_seq'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('email_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_email_requests_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('email_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_email_requests_status'))
        batch_op.drop_column('claimed_at')
