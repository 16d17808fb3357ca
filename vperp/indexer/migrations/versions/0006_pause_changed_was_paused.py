"""PauseChanged carries the flag before the change: ev_pause_changed.was_paused

Rows indexed before this revision get was_paused = NOT paused (the event had only the new flag;
a pause that repeated a pause is then recorded as a change).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 17:05:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ev_pause_changed", schema=None) as batch_op:
        batch_op.add_column(sa.Column("was_paused", sa.Boolean(), nullable=True))
    table = sa.table(
        "ev_pause_changed", sa.column("was_paused", sa.Boolean()), sa.column("paused", sa.Boolean())
    )
    op.execute(table.update().values(was_paused=sa.not_(table.c.paused)))
    with op.batch_alter_table("ev_pause_changed", schema=None) as batch_op:
        batch_op.alter_column("was_paused", existing_type=sa.Boolean(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("ev_pause_changed", schema=None) as batch_op:
        batch_op.drop_column("was_paused")
