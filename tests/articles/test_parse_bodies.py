"""HTML and plain-text wire bodies split into paragraphs. No database."""

from __future__ import annotations

import pytest

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
