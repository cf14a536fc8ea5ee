"""approval decisions: the audit trail of managers' approve / reject on quote versions

Revision ID: 0007_approval_decisions
Revises: 0006_server_auth
Create Date: 2026-11-27

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import dealkit.engine.store.types


# revision identifiers, used by Alembic.
revision: str = '0007_approval_decisions'
down_revision: Union[str, Sequence[str], None] = '0006_server_auth'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """One synced row per decision (approve / reject, comment, who, when) on a quote version."""
    op.create_table('approval_decisions',
    sa.Column('quote_id', sa.String(length=36), nullable=False),
    sa.Column('quote_number', sa.String(length=30), nullable=False),
    sa.Column('quote_version', sa.Integer(), nullable=False),
    sa.Column('approver_id', sa.String(length=36), nullable=False),
    sa.Column('decision', sa.Enum('approve', 'reject', name='decisionkind', native_enum=False, length=20), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('decided_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['approver_id'], ['users.id'], name=op.f('fk_approval_decisions_approver_id_users')),
    sa.ForeignKeyConstraint(['quote_id'], ['quotes.id'], name=op.f('fk_approval_decisions_quote_id_quotes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval_decisions'))
    )
    with op.batch_alter_table('approval_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approval_decisions_approver_id'), ['approver_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approval_decisions_quote_id'), ['quote_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approval_decisions_quote_number'), ['quote_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_approval_decisions_server_seq'), ['server_seq'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('approval_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_decisions_server_seq'))
        batch_op.drop_index(batch_op.f('ix_approval_decisions_quote_number'))
        batch_op.drop_index(batch_op.f('ix_approval_decisions_quote_id'))
        batch_op.drop_index(batch_op.f('ix_approval_decisions_approver_id'))
    op.drop_table('approval_decisions')
