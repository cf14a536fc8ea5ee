"""Side panels of the Quote wizard: the live commission estimate and the library suggestions.

The wizard calls ``install_side_panels(wizard, context)`` once, after its draft exists; both
panels follow ``wizard.draft`` on their own. A suggestion the rep opens goes to the main
window's ``open_target`` (the Library page), found when it is opened: the wizard may be built
before it is placed in the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.global_search import SearchTarget
from dealkit.desktop.quote_wizard.panels.commission_panel import CommissionPanel
from dealkit.desktop.quote_wizard.panels.suggestions_panel import SuggestionsPanel

__all__ = ["CommissionPanel", "SuggestionsPanel", "install_side_panels", "open_in_window"]


def open_in_window(widget: QWidget, target: SearchTarget) -> bool:
    """Hand ``target`` to the window holding ``widget`` (the main window's ``open_target``)."""
    window: Any = widget.window()
    opener = getattr(window, "open_target", None)
    if opener is None:
        return False
    opener(target)
    return True


def install_side_panels(
    wizard: Any, context: DesktopContext
) -> tuple[CommissionPanel, SuggestionsPanel]:
    """Build both panels over ``wizard.draft`` and add them with ``wizard.add_side_panel``."""
    draft = wizard.draft
    commission = CommissionPanel(context, draft)
    suggestions = SuggestionsPanel(context, draft)
    suggestions.open_requested.connect(lambda target: open_in_window(wizard, target))

    # titles as functions: the wizard asks again after a language switch
    wizard.add_side_panel(
        commission, lambda: QCoreApplication.translate("QuoteWizardPanels", "Your commission")
    )
    wizard.add_side_panel(
        suggestions,
        lambda: QCoreApplication.translate("QuoteWizardPanels", "Suggested material"),
    )
    return commission, suggestions
