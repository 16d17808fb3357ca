"""PositionMinted, PositionBurned: an index by trader (the dashboard's account page)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 16:30:00.000000

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("ev_position_minted", "ev_position_burned")


def upgrade() -> None:
    for t in TABLES:
        with op.batch_alter_table(t, schema=None) as batch_op:
            batch_op.create_index(f"ix_{t}_trader", ["trader", "block_number"], unique=False)


def downgrade() -> None:
    for t in TABLES:
        with op.batch_alter_table(t, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{t}_trader")
