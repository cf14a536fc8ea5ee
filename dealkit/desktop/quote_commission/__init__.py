"""The Quote page's Commission tab: what the selected quote pays its rep, with a discount what-if.

``deal_inputs`` reads a stored quote into the engine's estimator inputs (on a worker);
``panel`` is the tab itself.
"""
