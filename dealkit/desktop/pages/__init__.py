"""The window's pages: Quote, Library, Commissions and Approvals."""
