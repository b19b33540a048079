"""anonymous event counts, campaigns; a conversation's arrival status and queue time on its clock

Revision ID: 0003_stats
Revises: 0002_trainer_inbox
Create Date: 2026-12-01

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0003_stats"
down_revision: Union[str, Sequence[str], None] = "0002_trainer_inbox"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "stat_event_counts",
        sa.Column("hour", sa.DateTime(timezone=False), nullable=False),
        sa.Column("helpline_id", sa.String(length=64), nullable=False),
        sa.Column("entry_point", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("labels", sa.String(length=255), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hour", "helpline_id", "entry_point", "kind", "labels"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "stat_campaigns",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("helpline_id", sa.String(length=64), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stat_campaigns_helpline_id", "stat_campaigns", ["helpline_id"])
    with op.batch_alter_table("conversations") as batch_op:
        batch_op.add_column(sa.Column("arrival_status", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("queued_clock_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("offer_taken", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("claimed_clock_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch_op:
        batch_op.drop_column("claimed_clock_at")
        batch_op.drop_column("offer_taken")
        batch_op.drop_column("queued_clock_at")
        batch_op.drop_column("arrival_status")
    op.drop_index("ix_stat_campaigns_helpline_id", table_name="stat_campaigns")
    op.drop_table("stat_campaigns")
    op.drop_table("stat_event_counts")
