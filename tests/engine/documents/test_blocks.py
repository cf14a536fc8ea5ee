from dealkit.engine.documents.blocks import (
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    Table,
    parse_markdown,
    plain_text,
)

SOURCE = """# Title

First line
continues here with **bold** text.

- one
- two
  continued

1. first
2. second

| SKU | Price |
|---|---|
| SRV-R7 | $8,400 |

> "It just works."
> IT director
"""


def test_parses_each_block_kind():
    blocks = parse_markdown(SOURCE)
    assert [type(b) for b in blocks] == [Heading, Paragraph, ListBlock, ListBlock, Table, Quote]
    assert blocks[1] == Paragraph(
        [Span("First line continues here with "), Span("bold", True), Span(" text.")]
    )
    assert blocks[2].items[1] == [Span("two"), Span(" continued")]
    assert blocks[3].ordered and not blocks[2].ordered
    assert blocks[4].rows == [[[Span("SRV-R7")], [Span("$8,400")]]]
    assert blocks[5].lines == [[Span('"It just works."')], [Span("IT director")]]


def test_plain_text_keeps_every_word():
    text = plain_text(parse_markdown(SOURCE))
    for word in (
        "Title",
        "continues",
        "bold",
        "continued",
        "second",
        "SRV-R7 | $8,400",
        "It just works",
    ):
        assert word in text
    assert "**" not in text and "#" not in text and ">" not in text
