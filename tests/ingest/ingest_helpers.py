"""Helpers for the ingest tests: pages of our own writing, reading specs into articles/errors."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chronik.errors import ItemError
from chronik.ingest import read_inputs
from chronik.model import Article

PAGE = """<!DOCTYPE html><html lang="de"><head><title>{title} | Nordkurier</title>
<meta property="og:site_name" content="Nordkurier">
<link rel="canonical" href="https://example.org/news/{slug}">
{date_meta}
</head><body><nav><a href="/">Start</a> | <a href="/politik">Politik</a></nav>
<article><h1>{title}</h1>
<p>Der Machthaber ist mit seinem gepanzerten Zug nach Russland aufgebrochen. Das meldete
die staatliche Agentur am Dienstag, ohne Details zu nennen.</p>
<p>Beobachter erwarten ein Treffen mit dem Präsidenten im Osten des Landes. Es soll um
Waffenlieferungen gehen, heißt es aus Washington.</p>
<table><tr><th>Datum</th><th>Ort</th></tr><tr><td>12. September</td><td>Wladiwostok</td></tr>
</table>
<p>Der Kreml bestätigte den Besuch zunächst nicht, sprach aber von einem „umfassenden
Programm“ für die Gäste.</p>
</article><div class="comments"><h3>Kommentare</h3><p>Kommentar von Hans: Unglaublich!</p>
</div><footer>Impressum Datenschutz</footer></body></html>
"""
DATES = """<meta property="article:published_time" content="2023-09-12T08:00:00+02:00">
<meta property="article:modified_time" content="2023-09-14T10:00:00+02:00">"""


def page(title: str = "Kim reist nach Russland", slug: str = "kim", dated: bool = True) -> str:
    """A small news page of our own writing, with navigation, comments and a footer."""
    return PAGE.format(title=title, slug=slug, date_meta=DATES if dated else "")


def read(specs: Sequence[str | Path], **kw: int) -> tuple[list[Article], list[ItemError]]:
    items = list(read_inputs([str(s) for s in specs], **kw))
    arts = [x for x in items if isinstance(x, Article)]
    errs = [x for x in items if isinstance(x, ItemError)]
    assert len(arts) + len(errs) == len(items)
    return arts, errs
