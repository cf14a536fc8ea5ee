"""Who may download a blob: whoever may read a live row that names it.

Blobs (library files, dispute attachments) are content-addressed, so a hash alone says nothing
about who should see the bytes. ``blob_readable`` asks the read policy instead: the blob is
readable when some live row of ``BLOB_COLUMNS`` names it and ``readable(user, model)`` lets the
user pull that row (one ``EXISTS`` per column, in one statement). A draft's file thus reaches
trainers and the draft's owner, a dispute attachment the participant, their manager and comp
admins. Admins read every blob. A blob no live row names is readable by nobody else: the
laptop that uploaded it before pushing its row already has the file.
"""

from __future__ import annotations

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from dealkit.engine.access.principal import AuthenticatedUser
from dealkit.engine.access.read import readable
from dealkit.engine.store.models import CommissionDisputeMessage, ContentItem, ContentVersion

# Every synced column that holds the sha256 of a blob (tests/engine/access/test_blobs.py checks
# this list against the columns the laptop downloads blobs for).
BLOB_COLUMNS: tuple[InstrumentedAttribute[str | None], ...] = (
    ContentItem.file_hash,
    ContentVersion.file_hash,
    CommissionDisputeMessage.attachment_hash,
)


def blob_readable(session: Session, user: AuthenticatedUser, sha256: str) -> bool:
    """True when ``user`` may download the blob ``sha256`` (whether or not it is stored)."""
    if user.is_admin:
        return True
    named = [
        exists().where(
            column == sha256,
            column.class_.deleted.is_(False),
            readable(user, column.class_),
        )
        for column in BLOB_COLUMNS
    ]
    return bool(session.scalar(select(or_(*named))))
