"""Document building blocks shared by every file Dealkit writes (proposals, statements, library).

``fonts`` registers the bundled Noto fonts with reportlab; ``script_runs`` turns mixed Thai and
Latin text into reportlab markup that sets each run in a font that has its glyphs; ``styles``
holds the paragraph styles; ``blocks`` is a small Markdown subset parsed into blocks that
``pdf_writer`` and ``docx_writer`` both render, so one source text yields a PDF and a DOCX that
say the same thing.
"""
