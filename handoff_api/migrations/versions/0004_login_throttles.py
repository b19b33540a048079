"""per-account login throttles

Revision ID: 0004_login_throttles
Revises: 0003_stats
Create Date: 2026-12-01

Codes move to an HMAC with the server's secret without a schema change (the same 64 hex
characters); rows from before keep their plain hash until they are used (then rehashed) or
purged, since a hash cannot be turned back into its code.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004_login_throttles'
down_revision: Union[str, Sequence[str], None] = '0003_stats'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('login_throttles',
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key_hash')
    )
    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_throttles_updated_at'), ['updated_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_throttles_updated_at'))
    op.drop_table('login_throttles')
