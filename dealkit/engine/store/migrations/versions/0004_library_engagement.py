"""library engagement (views, quizzes, refreshers) — filled in by the library work

Revision ID: 0004_library_engagement
Revises: 0003_commission_disputes
Create Date: 2026-11-27

"""
from typing import Sequence, Union

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

import dealkit.engine.store.types  # noqa: F401


# revision identifiers, used by Alembic.
revision: str = '0004_library_engagement'
down_revision: Union[str, Sequence[str], None] = '0003_commission_disputes'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
