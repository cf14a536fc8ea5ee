"""Quotes: the quote document (JSON, docs/quote-json.md), its pricing, versions and diff,
status and expiry, and saving it to the store all or nothing."""

from dealkit.engine.quotes.document import (
    CustomerRef,
    GroupDoc,
    QuoteDocument,
    QuoteLineDoc,
    Status,
    Subscription,
)
from dealkit.engine.quotes.json_format import (
    dump_quote,
    load_quote_file,
    parse_quote,
    quote_from_data,
    quote_to_data,
)
from dealkit.engine.quotes.lifecycle import effective_status, is_expired, move_to
from dealkit.engine.quotes.pricing import (
    customer_facts,
    load_quote_catalog,
    price_document,
    priced_to_data,
)
from dealkit.engine.quotes.versions import Change, diff, revise

__all__ = [
    "Change",
    "CustomerRef",
    "GroupDoc",
    "QuoteDocument",
    "QuoteLineDoc",
    "Status",
    "Subscription",
    "customer_facts",
    "diff",
    "dump_quote",
    "effective_status",
    "is_expired",
    "load_quote_catalog",
    "load_quote_file",
    "move_to",
    "parse_quote",
    "price_document",
    "priced_to_data",
    "quote_from_data",
    "quote_to_data",
    "revise",
]
