"""sync: hybrid clock stamps and sync bookkeeping

Revision ID: 0006_sync
Revises: 0005_accounts
Create Date: 2026-11-24 21:26:50
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import firstbatch_desk.db.types

revision: str = "0006_sync"
down_revision: str | None = "0005_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SYNCED_TABLES = (
    "accounts",
    "attachments",
    "cases",
    "contacts",
    "departments",
    "divisions",
    "enterprises",
    "need_categories",
    "need_supports",
    "need_transitions",
    "needs",
    "officers",
    "products",
    "recognitions",
    "visit_attendees",
    "visit_cases",
    "visit_notes",
    "visit_officers",
    "visits",
    "zones",
)


def upgrade() -> None:

    op.create_table(
        "sync_base",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_base")),
    )
    op.create_table(
        "sync_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_sync_blobs")),
    )
    op.create_table(
        "sync_bundles",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("installation", sa.String(length=32), nullable=False),
        sa.Column(
            "imported_at", firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_sync_bundles")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("installation", sa.String(length=32), nullable=False),
        sa.Column("hub_rev", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("mine", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("winner", sa.String(length=10), nullable=False),
        sa.Column("mine_by", sa.String(length=100), nullable=False),
        sa.Column("theirs_by", sa.String(length=100), nullable=False),
        sa.Column(
            "detected_at", firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "resolved_at", firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("resolution", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_sync_conflicts_fingerprint")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_hub_rev"), ["hub_rev"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_installation"), ["installation"], unique=False
        )

    op.create_table(
        "sync_installations",
        sa.Column("installation", sa.String(length=32), nullable=False),
        sa.Column("officer", sa.String(length=100), nullable=False),
        sa.Column(
            "registered_at", firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "last_seen_at", firstbatch_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("pulled_rev", sa.BigInteger(), nullable=False),
        sa.Column("pushed_rev", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("installation", name=op.f("pk_sync_installations")),
    )
    # A plain ADD COLUMN with a default: instant even on a large database.
    for table in SYNCED_TABLES:
        op.add_column(
            table, sa.Column("hlc", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("hlc")
    for table in (
        "sync_installations",
        "sync_conflicts",
        "sync_bundles",
        "sync_blobs",
        "sync_base",
    ):
        op.drop_table(table)
