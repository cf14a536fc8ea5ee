"""server auth: password hashes, bearer tokens (hashed), login throttling

Revision ID: 0006_server_auth
Revises: 0005_sync_state
Create Date: 2026-11-27

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import dealkit.engine.store.types


# revision identifiers, used by Alembic.
revision: str = '0006_server_auth'
down_revision: Union[str, Sequence[str], None] = '0005_sync_state'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Server-side tables (they never sync): credentials, tokens, failed sign-ins."""
    op.create_table('user_credentials',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('changed_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_credentials_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_user_credentials'))
    )
    op.create_table('auth_tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('client', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_auth_tokens_user_id_users')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_auth_tokens'))
    )
    with op.batch_alter_table('auth_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auth_tokens_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_auth_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('login_throttle',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('locked_until', dealkit.engine.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_login_throttle'))
    )


def downgrade() -> None:
    op.drop_table('login_throttle')
    with op.batch_alter_table('auth_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auth_tokens_user_id'))
        batch_op.drop_index(batch_op.f('ix_auth_tokens_expires_at'))
    op.drop_table('auth_tokens')
    op.drop_table('user_credentials')
