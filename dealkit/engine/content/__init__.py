"""Library content: text extraction from imported files, importing them, deal suggestions."""
