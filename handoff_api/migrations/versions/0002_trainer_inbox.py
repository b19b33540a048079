"""trainers' inbox: items, collected conversations, decisions

Revision ID: 0002_trainer_inbox
Revises: 0001
Create Date: 2026-11-23

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0002_trainer_inbox'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('trainer_inbox_items',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('conversation_id', sa.String(length=32), nullable=False),
    sa.Column('message_key', sa.String(length=64), nullable=False),
    sa.Column('helpline_id', sa.String(length=64), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('bot_intent', sa.String(length=64), nullable=True),
    sa.Column('bot_intent_confidence', sa.Float(), nullable=True),
    sa.Column('bot_labels', sa.JSON(), nullable=False),
    sa.Column('counsellor_labels', sa.JSON(), nullable=True),
    sa.Column('context_labels', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_id', 'message_key')
    )
    with op.batch_alter_table('trainer_inbox_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainer_inbox_items_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trainer_inbox_items_message_at'), ['message_at'], unique=False)

    op.create_table('trainer_inbox_collections',
    sa.Column('conversation_id', sa.String(length=32), nullable=False),
    sa.Column('collected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('registration_id', sa.String(length=32), nullable=True),
    sa.Column('seen_keys', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('conversation_id')
    )
    with op.batch_alter_table('trainer_inbox_collections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainer_inbox_collections_collected_at'), ['collected_at'], unique=False)

    op.create_table('trainer_inbox_decisions',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('intent', sa.String(length=64), nullable=True),
    sa.Column('labels', sa.JSON(), nullable=True),
    sa.Column('nlu_file', sa.String(length=128), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('trainer_id', sa.String(length=32), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('trainer_inbox_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainer_inbox_decisions_decided_at'), ['decided_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('trainer_inbox_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainer_inbox_decisions_decided_at'))
    op.drop_table('trainer_inbox_decisions')
    with op.batch_alter_table('trainer_inbox_collections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainer_inbox_collections_collected_at'))
    op.drop_table('trainer_inbox_collections')
    with op.batch_alter_table('trainer_inbox_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainer_inbox_items_message_at'))
        batch_op.drop_index(batch_op.f('ix_trainer_inbox_items_conversation_id'))
    op.drop_table('trainer_inbox_items')
