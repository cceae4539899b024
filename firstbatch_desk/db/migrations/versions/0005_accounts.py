"""login accounts with roles and Argon2id password hashes

Revision ID: 0005_accounts
Revises: 0004_audit
Create Date: 2026-11-25 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import firstbatch_desk.db.types

revision: str = '0005_accounts'
down_revision: str | None = '0004_audit'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'accounts',
        sa.Column('username', sa.String(length=50), nullable=False),
        sa.Column('display_name', sa.String(length=50), nullable=False),
        sa.Column(
            'role',
            sa.Enum('OFFICER', 'SUPERVISOR', 'ADMIN', name='role', native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column('officer_id', sa.Uuid(), nullable=True),
        sa.Column('password_hash', sa.String(length=255), nullable=False),
        sa.Column('failed_attempts', sa.Integer(), nullable=False),
        sa.Column(
            'locked_until', firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column(
            'password_changed_at',
            firstbatch_desk.db.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column(
            'created_at', firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            'updated_at', firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column('updated_by', sa.String(length=100), nullable=False),
        sa.Column('origin', sa.String(length=32), nullable=False),
        sa.Column('rev', sa.Integer(), nullable=False),
        sa.Column(
            'deleted_at', firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ['officer_id'], ['officers.id'], name=op.f('fk_accounts_officer_id_officers')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
        sa.UniqueConstraint('username', name=op.f('uq_accounts_username')),
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_officer_id'), ['officer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_rev'), ['rev'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_rev'))
        batch_op.drop_index(batch_op.f('ix_accounts_officer_id'))
    op.drop_table('accounts')
