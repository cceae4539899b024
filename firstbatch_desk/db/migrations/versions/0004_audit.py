"""audit trail: a hash-chained, append-only log of every change

Revision ID: 0004_audit
Revises: 0003_transition_date
Create Date: 2026-11-25 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import firstbatch_desk.db.types

revision: str = '0004_audit'
down_revision: str | None = '0003_transition_date'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'audit_entries',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('actor', sa.String(length=100), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('entity', sa.String(length=64), nullable=False),
        sa.Column('entity_id', sa.String(length=64), nullable=False),
        sa.Column('before', sa.Text(), nullable=True),
        sa.Column('after', sa.Text(), nullable=True),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entries')),
    )
    op.create_index('ix_audit_entries_entity', 'audit_entries', ['entity', 'entity_id'])
    op.create_index('ix_audit_entries_at', 'audit_entries', ['at'])


def downgrade() -> None:
    op.drop_index('ix_audit_entries_at', table_name='audit_entries')
    op.drop_index('ix_audit_entries_entity', table_name='audit_entries')
    op.drop_table('audit_entries')
