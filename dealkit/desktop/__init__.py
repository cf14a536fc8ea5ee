"""The desktop application: main window, pages, background tasks, settings and translations."""
