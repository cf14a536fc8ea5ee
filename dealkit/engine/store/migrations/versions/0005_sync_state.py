"""sync state: the server's change counter, applied client ids and blobs; the outbox and cursors

Revision ID: 0005_sync_state
Revises: 0004_library_engagement
Create Date: 2026-11-27

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import dealkit.engine.store.types


# revision identifiers, used by Alembic.
revision: str = '0005_sync_state'
down_revision: Union[str, Sequence[str], None] = '0004_library_engagement'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Sync bookkeeping (docs/sync-protocol.md); the counter starts at 0."""
    counter = op.create_table('sync_counter',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_counter'))
    )
    op.bulk_insert(counter, [{'name': 'changes', 'value': 0}])
    op.create_table('sync_applied',
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('applied_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('client_id', name=op.f('pk_sync_applied'))
    )
    with op.batch_alter_table('sync_applied', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_applied_user_id'), ['user_id'], unique=False)

    op.create_table('sync_blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_sync_blobs'))
    )
    op.create_table('sync_outbox',
    sa.Column('position', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('base_seq', sa.BigInteger(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('created_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('position', name=op.f('pk_sync_outbox')),
    sa.UniqueConstraint('client_id', name=op.f('uq_sync_outbox_client_id'))
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_outbox_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_outbox_state'), ['state'], unique=False)

    op.create_table('sync_cursors',
    sa.Column('server', sa.String(length=300), nullable=False),
    sa.Column('cursor', sa.BigInteger(), nullable=False),
    sa.Column('pulled_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('checked_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('server', name=op.f('pk_sync_cursors'))
    )


def downgrade() -> None:
    op.drop_table('sync_cursors')
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_outbox_state'))
        batch_op.drop_index(batch_op.f('ix_sync_outbox_row_id'))
    op.drop_table('sync_outbox')
    op.drop_table('sync_blobs')
    with op.batch_alter_table('sync_applied', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_applied_user_id'))
    op.drop_table('sync_applied')
    op.drop_table('sync_counter')
