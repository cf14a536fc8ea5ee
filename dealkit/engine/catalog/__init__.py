"""The catalog: product families, products and price books (read by quotes, server and search)."""
