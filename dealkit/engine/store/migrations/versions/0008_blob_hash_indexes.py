"""blob hash indexes: who may download a blob is asked by hash on every (range) request

Revision ID: 0008_blob_hash_indexes
Revises: 0007_approval_decisions
Create Date: 2026-11-28

"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0008_blob_hash_indexes'
down_revision: Union[str, Sequence[str], None] = '0007_approval_decisions'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Index the two blob columns that had none (content_items.file_hash has one)."""
    op.create_index(
        op.f('ix_content_versions_file_hash'), 'content_versions', ['file_hash'], unique=False
    )
    op.create_index(
        op.f('ix_commission_dispute_messages_attachment_hash'),
        'commission_dispute_messages',
        ['attachment_hash'],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f('ix_commission_dispute_messages_attachment_hash'),
        table_name='commission_dispute_messages',
    )
    op.drop_index(op.f('ix_content_versions_file_hash'), table_name='content_versions')
