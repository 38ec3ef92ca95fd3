"""The server-rendered pages on the hand-made store and on the analysed examples."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from chronik.api import create_app


def body_of(page: str) -> str:
    return page.split('<div class="text">', 1)[1].split("</div>", 1)[0]


def test_index_lists_stories_with_their_articles(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Gipfel &lt;i&gt;" in page.text
    assert "/ui/articles/made1" in page.text
    other = page.text.split("Other articles", 1)[1]  # made2 belongs to no story
    assert "/ui/articles/made2" in other and "/ui/articles/made1" not in other
    assert "Putin &lt;b&gt;empfängt&lt;/b&gt; Kim" in page.text
    assert 'name="q"' in page.text  # the search box


def test_article_view_escapes_hostile_text(client: TestClient) -> None:
    page = client.get("/ui/articles/made1").text
    assert "<script>" not in page and "<img src=x>" not in page and "<b>empf" not in page
    text = re.sub(r"</?mark[^>]*>", "", body_of(page))
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; mehr." in text
    assert "javascript:" not in page  # the non-http url is not linked
    # removed lines with their reasons, collapsed
    assert re.search(r"<details[^>]*>\s*<summary>1 removed lines", page)
    assert "boilerplate:cookie" in page and "Cookies akzeptieren &lt;img src=x&gt;" in page


def test_article_view_highlights_spans_at_their_offsets(client: TestClient) -> None:
    body = body_of(client.get("/ui/articles/made1").text)
    marked = re.findall(r'<mark class="(\w+)" title="([^"]*)">([^<]*)', body)
    assert ("mention", "PER", "Wladimir Putin") in marked
    assert ("mention", "PER = Wladimir Putin", "Putin") in marked
    assert ("timex", "DATE 2023-09-13", "13. September") in marked
    assert ("mention", "MISC", "&lt;script&gt;") in marked
    assert any(kind == "quote" and "speaker: Putin" in title for kind, title, _ in marked)
    assert body.count("<mark") == body.count("</mark>") == 7  # crossing + broken spans dropped
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", body)).startswith("Am Mittwoch traf")


def test_search_hit_is_marked(client: TestClient) -> None:
    body = body_of(client.get("/ui/articles/made1?hl=17-31").text)
    assert '<mark class="hit" title="search hit"><mark class="mention" title="PER">' in body


def test_unknown_article_page_is_html_404(client: TestClient) -> None:
    resp = client.get("/ui/articles/<nope>")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    assert "no article with id &#39;&lt;nope&gt;&#39;" in resp.text


def test_examples_pages_render(examples_db: str) -> None:
    client = TestClient(create_app(examples_db))
    index = client.get("/").text
    ids = re.findall(r'href="[^"]*/ui/articles/(\w+)"', index)
    assert len(set(ids)) == 13
    marks = 0
    for aid in ids:
        page = client.get(f"/ui/articles/{aid}")
        assert page.status_code == 200
        body = body_of(page.text)
        assert body.count("<mark") == body.count("</mark>")
        marks += body.count("<mark")
    assert marks > 200  # the examples hold ~400 mentions, ~100 timexes, ~70 quotes
    assert client.get("/static/style.css").status_code == 200
