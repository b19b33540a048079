"""async relay: messages waiting for the bot, the client's message id, the queue's index

Revision ID: 0009_async_relay
Revises: 0008_email_claims
Create Date: 2026-12-02

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0009_async_relay"
down_revision: Union[str, Sequence[str], None] = "0008_email_claims"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_message_id", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            "uq_messages_client_message_id", ["conversation_id", "client_message_id"]
        )
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.create_index("ix_conversations_queue", ["state", "helpline_id", "queued_at"], unique=False)
    op.create_table(
        "bot_relays",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("after_seq", sa.Integer(), nullable=False),
        sa.Column("bot_input", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("busy_reply_given", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("bot_relays", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bot_relays_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bot_relays_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bot_relays", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bot_relays_state"))
        batch_op.drop_index(batch_op.f("ix_bot_relays_conversation_id"))
    op.drop_table("bot_relays")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_index("ix_conversations_queue")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_constraint("uq_messages_client_message_id", type_="unique")
        batch_op.drop_column("client_message_id")
