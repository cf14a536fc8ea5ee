"""The Quote wizard: Customer → Configure → Price → Terms → Review → Proposal.

Every step reads and edits one ``QuoteDraft`` (``draft.py``); side panels (the live commission
estimate, the library suggestions) follow the same draft.
"""
