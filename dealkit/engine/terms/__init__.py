"""Terms and conditions: a clause library (standard, optional, alternative clauses by product,
region and language), a quote's selection of them, and non-standard terms shown as redlines."""

from dealkit.engine.terms.assemble import AssembledTerms, NonStandard, QuoteClause, assemble
from dealkit.engine.terms.library import Clause, ClauseKind, ClauseLibrary, load_library_file
from dealkit.engine.terms.redline import Segment, redline, render
from dealkit.engine.terms.selection import TermsSelection
from dealkit.engine.terms.standard_clauses import standard_library

__all__ = [
    "AssembledTerms",
    "Clause",
    "ClauseKind",
    "ClauseLibrary",
    "NonStandard",
    "QuoteClause",
    "Segment",
    "TermsSelection",
    "assemble",
    "load_library_file",
    "redline",
    "render",
    "standard_library",
]
