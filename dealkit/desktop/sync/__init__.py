"""Sync in the window: the background SyncService, its status-bar text, and the library index
refresh after a pull (``library_refresh``, Qt-free)."""
