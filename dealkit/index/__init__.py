"""Search: the Tantivy index of the library, its English/Thai analysis, and the searcher.

``dealkit.index.library.LibraryIndex`` is the entry point; the other modules are its parts:
``thai`` (word segmentation), ``analysis`` (tokenizers), ``schema`` (fields and boosts),
``documents`` (store rows to index documents), ``query`` (the lenient user query language),
``state`` (what the index on disk was built from).
"""
