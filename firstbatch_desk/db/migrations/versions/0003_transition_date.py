"""the day each need transition was done

Revision ID: 0003_transition_date
Revises: 0002_drafts
Create Date: 2026-11-24 19:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003_transition_date'
down_revision: str | None = '0002_drafts'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('need_transitions', sa.Column('done_on', sa.Date(), nullable=True))
    # Steps recorded before: the day they were recorded, in China (UTC+8).
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("UPDATE need_transitions SET done_on = date(at, '+8 hours')")
    else:
        op.execute(
            "UPDATE need_transitions SET done_on = (at AT TIME ZONE 'Asia/Shanghai')::date"
        )


def downgrade() -> None:
    with op.batch_alter_table('need_transitions') as batch:
        batch.drop_column('done_on')
