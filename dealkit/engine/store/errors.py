"""Errors a user can meet when opening a workspace; each message says what happened and the fix."""


class WorkspaceError(Exception):
    """The workspace cannot be opened. ``str(error)`` is written for the user."""


class WorkspaceCorruptError(WorkspaceError):
    pass


class WorkspaceTooNewError(WorkspaceError):
    pass
