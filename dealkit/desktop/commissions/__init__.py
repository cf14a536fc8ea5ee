"""The Commissions page's parts: the statement tree, the question dialog, the disputes list, and
the background work behind them (raising a question, writing a statement PDF)."""
