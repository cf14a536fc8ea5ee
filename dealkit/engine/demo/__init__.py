"""The demo workspace: Northwind Systems, a fictional vendor, loaded from text sources.

The sources live in ``dealkit/resources/demo/`` (YAML and Markdown); :func:`ensure_demo` loads
them into an empty workspace, :func:`reset_demo` restores the demo after a backup. See
docs/demo-data.md.
"""

from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.demo.loader import DemoCounts, ensure_demo, load_demo, reset_demo

__all__ = ["DemoCounts", "DemoDataError", "ensure_demo", "load_demo", "reset_demo"]
