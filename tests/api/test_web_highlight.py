"""Span highlighting: escaping, nesting, crossing and out-of-range spans."""

from __future__ import annotations

from chronik.web.highlight import Mark, highlight


def test_plain_text_is_escaped() -> None:
    out = highlight('<script>alert("x")</script> & co', [])
    assert out == "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co"


def test_marks_wrap_exact_offsets() -> None:
    text = "Kim traf Putin."
    out = highlight(text, [Mark(9, 14, "mention", "PER")])
    assert out == 'Kim traf <mark class="mention" title="PER">Putin</mark>.'


def test_nested_spans_nest_and_crossing_spans_are_dropped() -> None:
    text = "„Wir helfen“, sagte Putin heute."
    quote = Mark(0, 12, "quote", "q")
    inner = Mark(1, 4, "mention", "m")  # inside the quote
    crossing = Mark(8, 16, "timex", "t")  # starts inside the quote, ends after it
    out = highlight(text, [inner, crossing, quote])
    assert out == (
        '<mark class="quote" title="q">„<mark class="mention" title="m">Wir</mark>'
        " helfen“</mark>, sagte Putin heute."
    )


def test_same_start_puts_the_longer_span_outside() -> None:
    out = highlight("Wladimir Putin", [Mark(9, 14, "mention", "b"), Mark(0, 14, "mention", "a")])
    assert out.count("<mark") == 2 and out.index('title="a"') < out.index('title="b"')
    assert out.endswith("Putin</mark></mark>")


def test_bad_offsets_are_ignored_and_labels_escaped() -> None:
    text = "abc"
    marks = [
        Mark(2, 9, "timex"),
        Mark(-1, 2, "timex"),
        Mark(2, 2, "timex"),
        Mark(0, 1, "mention", '"><img src=x>'),
    ]
    out = highlight(text, marks)
    assert out == '<mark class="mention" title="&#34;&gt;&lt;img src=x&gt;">a</mark>bc'
