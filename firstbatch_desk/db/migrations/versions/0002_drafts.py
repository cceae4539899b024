"""form drafts

Revision ID: 0002_drafts
Revises: 0001_initial
Create Date: 2026-11-24 18:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import firstbatch_desk.db.types

revision: str = '0002_drafts'
down_revision: str | None = '0001_initial'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'drafts',
        sa.Column('key', sa.String(length=100), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('subject_id', sa.String(length=40), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column(
            'saved_at', firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_drafts')),
    )
    op.create_index('ix_drafts_kind_subject', 'drafts', ['kind', 'subject_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_drafts_kind_subject', table_name='drafts')
    op.drop_table('drafts')
