"""Who may see and change what: the server's authorization policy, as pure engine code.

- ``readable(user, model)``: the SQL ``WHERE`` clause of the rows a user may pull;
- ``check_write(user, table, old, new, session=...)``: None, or the reason a pushed change is
  refused;
- ``blob_readable(session, user, sha256)``: whether a user may download a blob (they may
  read a live row that names it; admins all);
- ``AuthenticatedUser``: the signed-in user (id, username, roles, team ids).

docs/dev/sync-auth.md describes the policy and how the sync code calls it.
"""

from dealkit.engine.access.blobs import BLOB_COLUMNS, blob_readable
from dealkit.engine.access.principal import AuthenticatedUser, load_principal
from dealkit.engine.access.read import READ_RULES, NoAccessRule, readable
from dealkit.engine.access.write import WRITE_RULES, check_write

__all__ = [
    "BLOB_COLUMNS",
    "READ_RULES",
    "WRITE_RULES",
    "AuthenticatedUser",
    "NoAccessRule",
    "blob_readable",
    "check_write",
    "load_principal",
    "readable",
]
