"""sync state (outbox, cursors, server auth) — filled in by the sync work

Revision ID: 0005_sync_state
Revises: 0004_library_engagement
Create Date: 2026-11-27

"""
from typing import Sequence, Union

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

import dealkit.engine.store.types  # noqa: F401


# revision identifiers, used by Alembic.
revision: str = '0005_sync_state'
down_revision: Union[str, Sequence[str], None] = '0004_library_engagement'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
