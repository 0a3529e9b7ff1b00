"""HTML and plain-text wire bodies split into paragraphs. No database."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest import bodies
from articles.ingest.bodies import html_paragraphs, text_paragraphs


@pytest.mark.parametrize(
    ("html", "paragraphs"),
    [
        ("<p>One</p><p>Two</p>", ["One", "Two"]),
        ("<p>One<p>Two", ["One", "Two"]),  # unclosed paragraphs
        ("One<br>still one<br/><br />Two", ["One still one", "Two"]),
        ("<div>Lead <b>bold</b>, <a href='x'>link</a></div>", ["Lead bold, link"]),
        ("<p>Fish &amp; chips &lt;3 &#8220;q&#8221;</p>", ["Fish & chips <3 “q”"]),
        ("<p>Text</p><script>alert('<p>x</p>')</script><style>p{}</style>", ["Text"]),
        ("<figure><img src=x><figcaption>Cap</figcaption></figure><p>Body</p>", ["Body"]),
        (
            "<html><head><title>T</title></head><body><h2>Sub</h2>Text</body></html>",
            ["Sub", "Text"],
        ),
        ("<ul><li>a</li><li>b</li></ul>", ["a", "b"]),
        ("  ", []),
    ],
)
def test_html_paragraphs(html: str, paragraphs: list[str]) -> None:
    assert html_paragraphs(html) == paragraphs


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One\nstill one\n\n\nTwo", ["One still one", "Two"]),
        ("One\nTwo\n", ["One", "Two"]),  # no blank lines: one paragraph per line
        ("\n\n", []),
    ],
)
def test_text_paragraphs(text: str, paragraphs: list[str]) -> None:
    assert text_paragraphs(text) == paragraphs


_FRAGMENTS = [
    *("<p>", "</p>", "<P class='lead'>", '<p class="a b">', "<br>", "<br/>", "<br />", "<BR>"),
    *("<b>", "</b>", "<div id=x>", "</div>", '<a href="http://x/">', "</a>", "<h2>", "<li>"),
    *('<a title="a>b">', "<script>", "</script>", "<style>", "<!-- c -->", "<p/>", "</p >"),
    *("<figure>", "</figure>", "<textarea>", "<!DOCTYPE html>", "<img src=x>", "<hr/>"),
    *("Word", "two words", " ", "\n", "\t", "&amp;", "&nbsp;", "&#8212;", "&", "&amp", "a < b"),
    *(">", '"', "'", "&#x41", "&lt;p&gt;", "Ӧзбекстан", "\u00a0", "=", "/"),
]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map("".join))
@settings(max_examples=400, deadline=None)
def test_plain_html_is_read_as_htmlparser_reads_it(html: str) -> None:
    # The fast reading of plain blocks must give exactly what HTMLParser's would.
    reference = bodies._ParagraphCollector()
    reference.feed(html)
    reference.close()

    assert html_paragraphs(html) == reference.paragraphs


def test_most_agency_html_takes_the_fast_reading() -> None:
    assert bodies._plain_block_events("<p>Fish &amp; chips</p><p class='x'>A <b>b</b><br/></p>")
    assert bodies._plain_block_events("<p>Text</p><script>x</script>") is None
