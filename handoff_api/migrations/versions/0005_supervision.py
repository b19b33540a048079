"""supervision: private notes and whispers, the supervisors' access log, standard texts

Revision ID: 0005_supervision
Revises: 0004_login_throttles
Create Date: 2026-12-02

Supervisor accounts are rows of `counsellors` with role `supervisor` (no schema change).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005_supervision'
down_revision: Union[str, Sequence[str], None] = '0004_login_throttles'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('staff_notes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('conversation_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('author_id', sa.String(length=32), nullable=True),
    sa.Column('author_name', sa.String(length=128), nullable=False),
    sa.Column('recipient_id', sa.String(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['counsellors.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_id'], ['counsellors.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('staff_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_notes_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('access_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.String(length=32), nullable=True),
    sa.Column('username', sa.String(length=128), nullable=False),
    sa.Column('helpline_id', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('conversation_id', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['counsellors.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_log_helpline_id'), ['helpline_id'], unique=False)

    op.create_table('standard_texts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('helpline_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=80), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('standard_texts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standard_texts_helpline_id'), ['helpline_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('standard_texts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standard_texts_helpline_id'))
    op.drop_table('standard_texts')
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_log_helpline_id'))
        batch_op.drop_index(batch_op.f('ix_access_log_at'))
    op.drop_table('access_log')
    with op.batch_alter_table('staff_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_notes_conversation_id'))
    op.drop_table('staff_notes')
