"""The domain: pure Python, no Qt, no HTTP server. Business rules live here and only here."""
