"""PriceOracle's L2 sequencer rule: SequencerUptimeFeedSet, SequencerGracePeriodSet

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 18:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vperp.indexer.models import BigNum

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ev_sequencer_grace_period_set",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chain_id", sa.BigInteger(), nullable=False),
        sa.Column("block_number", sa.BigInteger(), nullable=False),
        sa.Column("block_hash", sa.String(length=66), nullable=False),
        sa.Column("log_index", sa.Integer(), nullable=False),
        sa.Column("tx_hash", sa.String(length=66), nullable=False),
        sa.Column("contract", sa.String(length=42), nullable=False),
        sa.Column("timestamp", sa.BigInteger(), nullable=False),
        sa.Column("old", BigNum(), nullable=False),
        sa.Column("grace_period", BigNum(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ev_sequencer_grace_period_set")),
        sa.UniqueConstraint(
            "chain_id", "block_hash", "log_index", name=op.f("uq_ev_sequencer_grace_period_set")
        ),
    )
    with op.batch_alter_table("ev_sequencer_grace_period_set", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ev_sequencer_grace_period_set_chain_block", ["chain_id", "block_number"], unique=False
        )

    op.create_table(
        "ev_sequencer_uptime_feed_set",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chain_id", sa.BigInteger(), nullable=False),
        sa.Column("block_number", sa.BigInteger(), nullable=False),
        sa.Column("block_hash", sa.String(length=66), nullable=False),
        sa.Column("log_index", sa.Integer(), nullable=False),
        sa.Column("tx_hash", sa.String(length=66), nullable=False),
        sa.Column("contract", sa.String(length=42), nullable=False),
        sa.Column("timestamp", sa.BigInteger(), nullable=False),
        sa.Column("old", sa.String(length=42), nullable=False),
        sa.Column("feed", sa.String(length=42), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ev_sequencer_uptime_feed_set")),
        sa.UniqueConstraint(
            "chain_id", "block_hash", "log_index", name=op.f("uq_ev_sequencer_uptime_feed_set")
        ),
    )
    with op.batch_alter_table("ev_sequencer_uptime_feed_set", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ev_sequencer_uptime_feed_set_chain_block", ["chain_id", "block_number"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("ev_sequencer_uptime_feed_set", schema=None) as batch_op:
        batch_op.drop_index("ix_ev_sequencer_uptime_feed_set_chain_block")

    op.drop_table("ev_sequencer_uptime_feed_set")

    with op.batch_alter_table("ev_sequencer_grace_period_set", schema=None) as batch_op:
        batch_op.drop_index("ix_ev_sequencer_grace_period_set_chain_block")

    op.drop_table("ev_sequencer_grace_period_set")
