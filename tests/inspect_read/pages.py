"""Hand-made pages for the reader's tests: the same article in three layouts, and small pieces."""

from __future__ import annotations

# Running text long enough to be an article: five paragraphs with commas, as a text block scorer expects.
SENTENCES = [
    "Wie een e-bike koopt, denkt zelden aan onderhoud, maar de accu, de ketting en de remmen slijten sneller dan bij een gewone fiets.",
    "Volgens de monteurs van {link} loont het om de accu elk jaar te laten testen, vooral als je vaak in de kou rijdt.",
    "Een ketting die te lang doorloopt, neemt de tandwielen mee, en dan wordt een kleine reparatie al snel een dure.",
    "Controleer daarom elke maand de bandenspanning, de remblokken en de verlichting, zeker in de herfst en de winter.",
    "Wie twijfelt, laat de fiets nakijken door een vakman, die in een half uur ziet wat er speelt en wat kan wachten.",
]
IN_TEXT = '<a href="https://www.fietsenvandijk.nl/onderhoud">Fietsen van Dijk</a>'


def paragraphs(link: str = IN_TEXT, tag: str = "p") -> str:
    return "".join(f"<{tag}>{s.format(link=link)}</{tag}>" for s in SENTENCES)


def html5(link: str = IN_TEXT, extra: str = "") -> str:
    """A semantic HTML5 page: header with nav, main with article (text, list, share bar, related), aside, comments, footer."""
    return f"""<!doctype html><html lang="nl"><head><title>Onderhoud van je e-bike</title></head><body>
<header><a href="/">Fietsblog</a><nav><ul><li><a href="/nieuws">Nieuws</a></li><li><a href="/tips">Tips</a></li>
<li><a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a></li></ul></nav></header>
<main><article><h1>Onderhoud van je e-bike</h1>{paragraphs(link)}
<ul><li>Tip: lees ook <a href="https://www.fietsersbond.nl/accu">de accugids van de Fietsersbond</a> over het laden.</li>
<li>En <a href="/tips/ketting">onze uitleg over kettingen</a>, met foto's van elke stap.</li></ul>
<div class="share-buttons"><a href="https://facebook.com/share">Deel</a><a href="https://twitter.com/intent">Tweet</a></div>
<section class="related-posts"><h2>Meer lezen</h2><ul><li><a href="/remmen">Remmen afstellen</a></li><li><a href="/banden">Banden plakken</a></li></ul></section>
</article>
<section id="comments" class="comments"><h2>Reacties</h2><div class="comment"><p>Goed stuk! Zie ook <a href="https://spam.example/pillen">mijn site over van alles</a>, daar staat nog meer.</p></div></section>
</main>
<aside><h2>Populair</h2><ul><li><a href="/populair-1">Tien tips voor de winter</a></li><li><a href="https://www.fietsenvandijk.nl/">Onze partner</a></li></ul></aside>
{extra}<footer><p>&copy; Fietsblog &middot; <a href="/privacy">Privacy</a> &middot; <a href="https://www.fietsenvandijk.nl">Fietsen van Dijk</a></p></footer>
</body></html>"""


def div_layout(link: str = IN_TEXT) -> str:
    """The same page in class-named divs, no semantic tags."""
    return f"""<html><head><title>Onderhoud</title></head><body><div id="page">
<div class="site-header"><div class="logo"><a href="/">Fietsblog</a></div>
<div class="main-menu"><a href="/nieuws">Nieuws</a> <a href="/tips">Tips</a></div></div>
<div class="container"><div class="col-md-8"><div class="post"><h1>Onderhoud</h1>
<div class="entry-content">{paragraphs(link)}</div>
<div class="post-tags"><a href="/tag/ebike">e-bike</a> <a href="/tag/accu">accu</a></div>
<div class="author-bio"><p>Anna schrijft over fietsen en woont in Utrecht, <a href="/anna">meer over Anna</a>.</p></div></div>
<div id="disqus_thread"><p>Leuk artikel, bekijk ook <a href="https://spam.example/">deze site met aanbiedingen</a>, echt waar.</p></div></div>
<div class="col-md-4 sidebar"><div class="widget"><h3>Partners</h3><a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a></div></div></div>
<div class="site-footer"><a href="/contact">Contact</a> <a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a></div>
</div></body></html>"""


def table_layout(link: str = IN_TEXT) -> str:
    """An old table layout: menu in a cell on the left, bare text with <br> in the main cell, a footer row."""
    text = "<br><br>".join(s.format(link=link) for s in SENTENCES)
    return f"""<html><head><title>Fietspagina</title></head><body><table width="100%"><tr>
<td width="150" valign="top"><a href="index.html">Home</a><br><a href="links.html">Links</a><br><a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a></td>
<td valign="top"><font face="Arial"><b>Onderhoud</b><br>{text}</font></td></tr>
<tr><td colspan="2"><small>Laatst bijgewerkt 2003 - <a href="mailto:piet@example.nl">mail Piet</a> - <a href="gastenboek.html">Gastenboek</a></small></td></tr></table></body></html>"""
