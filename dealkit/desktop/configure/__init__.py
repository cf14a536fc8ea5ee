"""The Configure step of the Quote wizard: option groups under the configurator's live answers."""

from dealkit.desktop.configure.dialog import ConfigureDialog

__all__ = ["ConfigureDialog"]
