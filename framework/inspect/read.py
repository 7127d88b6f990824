"""Reading one page: every link with its anchor, rel, placement and sentence, the links to a target, and what the page says about itself.

>>> page = read_page(b'<title>Fietsblog</title><p>Wij lieten de accu nakijken bij '
...                  b'<a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a>.</p>',
...                  "https://blog.example.nl/accu", target="fietsenvandijk.nl")
>>> page.title, [(link.anchor, link.url) for link in page.found]
('Fietsblog', [('Fietsen van Dijk', 'https://www.fietsenvandijk.nl/')])
"""

# A pure function of the HTML: no network, no clock. The fetcher hands over the body as bytes;
# lexbor then reads the charset from a byte-order mark or <meta charset> itself. Every
# <a href> is read in document order (the same order as selectolax's css("a[href]"), which the
# placement labels in shared/data use), so a link's `index` is stable across runs and tools.

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from linkwijzer.i18n import normalise_language, text as ui_text
from linkwijzer.inspect._body import decode_html
from linkwijzer.inspect._placement import INLINE_TAGS, PLACEMENTS, Page
from linkwijzer.inspect._placement_model import placements
from linkwijzer.inspect._text import CONTEXT_CHARS, guess_language, sentence_around, terms, tidy
from linkwijzer.profile.importing.urls import normalise_url, registrable_domain, split_host

MAX_URL = 8192  # longer is no address a browser would follow; kept that long so nothing breaks
MAX_ANCHOR = 500
# Where two elements' texts meet: no space before closing punctuation or after "(" ("<b>Dijk</b>,
# Utrecht"); anywhere else a space ("<h3>Titel</h3><p>Tekst</p>"). The pattern starts with its
# literal, so the regex engine jumps from join to join: block texts can be a whole page long.
_JOINS = re.compile("\x00+(?=[,.;:!?%)\\]}”’])")
_URL_JUNK = str.maketrans("", "", "\t\n\r")  # browsers drop these inside an href
_IMAGES = "img, svg, picture"
_NO_REL: frozenset[str] = frozenset()
_TEXT = frozenset(("content", "content_list"))
# Blocks that hold a paragraph or less: their whole text is the link's neighbourhood. Any other
# container (div, td, section, body) may hold a page, so there only the run around the link is read.
_SMALL_BLOCKS = frozenset(("p", "li", "blockquote", "figcaption", "pre", "dd", "dt", "h1", "h2", "h3", "h4", "h5",
                           "h6", "th", "caption", "summary", "legend", "button", "address", "label", "option", "q"))


@dataclass(frozen=True)
class Robots:
    """What the page's meta robots (and googlebot) tags say."""

    noindex: bool = False
    nofollow: bool = False
    directives: tuple[str, ...] = ()
    """Every directive as written, lower case, in order (``noindex``, ``max-snippet:50`` ...)."""


@dataclass(slots=True)  # not frozen: a page has hundreds of links, and frozen init is slow
class LinkReading:
    """One ``<a href>`` of the page."""

    index: int
    """Position among the page's ``<a href>`` elements in document order, from 0."""
    href: str
    """The href as written (whitespace trimmed)."""
    url: str
    """The href resolved against ``<base href>`` and the page URL; "" when it cannot be resolved."""
    anchor: str
    """The link text, whitespace collapsed; for an image link the image's alt text."""
    rel: frozenset[str]
    """rel values in lower case: nofollow, sponsored, ugc, noopener ..."""
    placement: str
    """One of PLACEMENTS: content, content_list, navigation, header, footer, sidebar, comments, unknown."""
    context: str
    """The sentence around the link, about 300 characters at most."""
    is_image: bool
    """The link shows an image and no text."""

    def as_dict(self) -> dict:
        """The JSON shape of the CLI: rel as a sorted list."""
        return {"index": self.index, "href": self.href, "url": self.url, "anchor": self.anchor,
                "rel": sorted(self.rel), "placement": self.placement, "context": self.context,
                "is_image": self.is_image}


@dataclass
class PageReading:
    """Everything read from one page."""

    url: str
    title: str = ""
    lang: str = ""
    """Language of the page (two letters): from <html lang> or meta tags, else guessed from its text; "" unknown."""
    robots: Robots = field(default_factory=Robots)
    canonical: str = ""
    """The canonical URL the page names, resolved; "" when it names none."""
    links: list[LinkReading] = field(default_factory=list)
    found: list[LinkReading] = field(default_factory=list)
    """The links that point to the target (empty without a target)."""
    target: str = ""
    outbound_links: int = 0
    """Links to other sites (another registrable domain than the page's)."""
    outbound_domains: list[str] = field(default_factory=list)
    """Those sites' registrable domains, sorted."""
    text_terms: frozenset[str] = frozenset()
    """Key terms of the page's main text and title, stemmed (see _text.terms), for topical overlap."""
    notes: list[str] = field(default_factory=list)
    """Remarks about the reading itself (frameset, no text), in the interface language."""


def read_page(html: str | bytes, page_url: str, *, target: str | None = None, lang: str = "nl") -> PageReading:
    """Read a page's HTML (bytes as fetched, or text); never raises, whatever the input.

    ``target`` is the user's site (``example.nl``: any page on it) or page (a URL with a path:
    that page). ``lang`` is the interface language of the notes.
    """
    lang = normalise_language(lang)
    try:
        return _read(html, page_url, target, lang)
    except Exception:  # noqa: BLE001 — a page must never break the app; the fuzz tests keep this path unused
        return PageReading(url=str(page_url or ""), target=str(target or ""),
                           notes=[ui_text(lang, "evidence.reading.unreadable")])


# The parse budget: a parser's work per tag grows with the depth of open elements, so 200,000 nested
# <div>s (2 MB, under the size cap) take minutes. Real pages stay under ~300 levels (the 88 labelled
# pages: at most 293 by the estimate below); ten times that is refused before parsing.
MAX_NESTING = 3000
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# Tags that close themselves or have optional end tags: they would make the estimate grow without depth.
_NOT_NESTING = frozenset(b"p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp rtc html "
                         b"head body br img input meta link hr area base col embed param source track wbr keygen "
                         b"frame basefont bgsound image command menuitem".split())


def nesting(data: bytes) -> int:
    """An estimate of the deepest element nesting: open tags minus closed ones, at their peak.

    >>> nesting(b"<div><section><p>a<p>b</section><br></div>"), nesting(b"<div>" * 5000)
    (2, 5000)
    """
    depth = deepest = 0
    for match in _TAG.finditer(data):
        if match.group(2).lower() in _NOT_NESTING:
            continue
        if match.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _read(html: str | bytes, page_url: str, target: str | None, lang: str) -> PageReading:
    page_url = str(page_url or "").strip()
    if isinstance(html, str):
        data, detect = html.encode("utf-8", "replace"), False
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data, detect = bytes(html), True
    else:
        data, detect = b"", False
    depth = nesting(data)
    if depth > MAX_NESTING:
        return PageReading(url=page_url, target=str(target or ""),
                           notes=[ui_text(lang, "evidence.reading.too_complex", depth=depth)])
    # encoding=True: a BOM or <meta charset> in the bytes decides, UTF-8 otherwise (free for UTF-8)
    try:
        tree = LexborHTMLParser(data, encoding=detect)
    except (UnicodeError, LookupError):
        # a <meta charset> that cannot read these bytes (utf-32 without a BOM, a bytes codec):
        # decode as the fetcher does, declared charsets tried strictly, then guessed
        tree = LexborHTMLParser(decode_html(data, None)[0])
    # an address without a scheme ("example.nl/pagina", as exports write them) is read as http
    absolute = page_url if not page_url or "://" in page_url[:12] else f"http://{page_url.lstrip('/')}"
    base = _base_url(tree, absolute)
    page_host = _host(absolute)
    nodes = tree.css("a[href]")
    anchors, images = _anchors(nodes)
    page = Page(tree, page_host)
    kinds = placements(page, nodes, anchors)
    matcher = _Target(target) if target else None
    own_domain = registrable_domain(page_host) if page_host else ""
    blocks: dict[int, str] = {}
    links, found, outbound, domains = [], [], 0, set()
    sites: dict[str, tuple[str, str]] = {}  # netloc -> (host, registrable domain): links repeat their hosts
    for i, node in enumerate(nodes):
        attrs = node.attributes
        href = (attrs.get("href") or "").strip()[:MAX_URL]
        url = _resolve(base, href)
        rel = frozenset(attrs["rel"].lower().split()[:20]) if attrs.get("rel") else _NO_REL
        is_found = False
        if url.startswith(("http://", "https://")):
            netloc = url.split("/", 3)[2]
            known = sites.get(netloc)
            if known is None:
                host = _host(url)
                known = sites[netloc] = (host, registrable_domain(host) if host else "")
            host, domain = known
            if host:
                if domain != own_domain:
                    outbound += 1
                    domains.add(domain)
                is_found = matcher is not None and matcher.matches(host, url)
        # Running text and the links asked for get their sentence; a menu item or a footer line
        # has no sentence, so there the text around it is enough (and a page has hundreds of those).
        sentence = is_found or kinds[i] in _TEXT
        link = LinkReading(i, href, url, anchors[i], rel, kinds[i], _context(node, anchors[i], blocks, sentence),
                           images[i])
        links.append(link)
        if is_found:
            found.append(link)
    # script and style hold no elements (nothing held above is removed): their text is no page text
    tree.strip_tags(["script", "style"])
    main_text = " ".join(n.text(separator=" ") for n in page.main_nodes) if page.main_nodes else _body_text(tree)
    title = _title(tree)
    description = _meta(tree, "description")
    reading = PageReading(
        url=page_url, title=title, lang=_language(tree, main_text), robots=_robots(tree),
        canonical=_canonical(tree, base), links=links, found=found, target=str(target or ""),
        outbound_links=outbound, outbound_domains=sorted(domains),
        text_terms=terms(main_text, f"{title} {description}"))
    reading.notes = _notes(tree, base, reading, main_text, lang)
    return reading


def _anchors(nodes: list) -> tuple[list[str], list[bool]]:
    """Each link's text, or an image's alt where it shows only an image, and whether it does."""
    anchors, images = [], []
    for node in nodes:
        anchor = _node_text(node)[:MAX_ANCHOR]
        image = False
        if not anchor and (img := node.css_first(_IMAGES)) is not None:
            image = True
            alt = (img.attributes.get("alt") or img.attributes.get("title") or node.attributes.get("aria-label")
                   or node.attributes.get("title"))
            anchor = tidy(alt or "")[:MAX_ANCHOR]
        anchors.append(anchor)
        images.append(image)
    return anchors, images


def _node_text(node) -> str:
    """An element's text as a reader sees it: pieces joined by spaces, but none before punctuation."""
    raw = node.text(separator="\x00")  # \x00 marks where one element's text meets the next
    if "\x00" in raw:
        raw = _JOINS.sub("", raw).replace("(\x00", "(").replace("\x00", " ")
    return " ".join(raw.split())


def _context(node, anchor: str, blocks: dict[int, str], sentence: bool = True) -> str:
    """The sentence around the link: in its paragraph-like block (read once per block), or else in
    the run of text and inline elements beside it (a container can hold a whole page).

    Without ``sentence``, only the text of a small block (a menu item, a footer line) or the anchor.
    """
    run, block = node, node.parent
    while block is not None and block.tag in INLINE_TAGS:
        run, block = block, block.parent
    if block is None:
        return anchor
    if block.tag not in _SMALL_BLOCKS:
        return sentence_around(_text_run(run), anchor) if sentence else anchor[:CONTEXT_CHARS]
    key = block.mem_id
    text = blocks.get(key)
    if text is None:
        text = blocks[key] = _node_text(block)
    return sentence_around(text, anchor) if sentence else text[:CONTEXT_CHARS]


def _text_run(node) -> str:
    """The text of ``node`` with the bare text and inline elements before and after it, up to a block."""
    parts = [_node_text(node)]
    for step in ("prev", "next"):
        sibling, size, found = getattr(node, step), 0, []
        while sibling is not None and size < 2 * CONTEXT_CHARS:
            tag = sibling.tag
            if sibling.is_text_node:
                piece = sibling.text_content or ""
            elif tag in INLINE_TAGS or tag == "br":
                piece = _node_text(sibling) if tag != "br" else " "
            elif tag == "-comment":
                piece = ""
            else:
                break  # a block element ends the run
            found.append(piece)
            size += len(piece)
            sibling = getattr(sibling, step)
        parts = [*reversed(found), *parts] if step == "prev" else [*parts, *found]
    return " ".join(" ".join(parts).split())


def _base_url(tree, page_url: str) -> str:
    base = tree.css_first("base[href]")
    href = (base.attributes.get("href") or "").strip().translate(_URL_JUNK) if base is not None else ""
    return _resolve(page_url, href) or page_url if href else page_url


def _resolve(base: str, href: str) -> str:
    if "\t" in href or "\n" in href or "\r" in href:
        href = href.translate(_URL_JUNK)
    if href.startswith(("http://", "https://")):
        return href
    if not href or href.startswith("#") and not base:
        return ""
    # the common relative forms without urljoin's full parse: "/path" and "//host/path"
    if href[0] == "/" and "/." not in href and base.startswith(("http://", "https://")):
        scheme, _, rest = base.partition("://")
        if href.startswith("//"):
            return f"{scheme}:{href}"
        return f"{scheme}://{rest.split('/', 1)[0].split('?', 1)[0].split('#', 1)[0]}{href}"
    try:
        return urljoin(base, href)
    except ValueError:  # "http://[::1" and friends
        return ""


def _host(url: str) -> str:
    """Lower-case host of an http(s) URL, without port or user; "" for anything else."""
    if not url.startswith(("http://", "https://")):
        return ""
    netloc = url.split("/", 3)[2] if url.count("/") >= 2 else ""
    netloc = netloc.rsplit("@", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    host = netloc[1:].split("]", 1)[0] if netloc.startswith("[") else netloc.split(":", 1)[0]
    return host.lower().rstrip(".")


class _Target:
    """Which links point to the user's site or page: any scheme, www or not, trailing slash, default port."""

    def __init__(self, target: str) -> None:
        host, rest = split_host(str(target))
        self.host = host.split(":")[0].lower().removeprefix("www.")
        # a bare domain (no path, no query) means the whole site; anything more means that page
        self.whole_site = not rest.strip("/")
        self.page = normalise_url(str(target)) if not self.whole_site else ""

    def matches(self, host: str, url: str) -> bool:
        host = host.removeprefix("www.")
        if not self.host or not (host == self.host or host.endswith("." + self.host)):
            return False
        return self.whole_site or normalise_url(url) == self.page


def _title(tree) -> str:
    node = tree.css_first("title")
    title = tidy(node.text()) if node is not None else ""
    return (title or _meta(tree, "og:title") or _first_heading(tree))[:300]


def _first_heading(tree) -> str:
    node = tree.css_first("h1")
    return tidy(node.text()) if node is not None else ""


def _meta(tree, name: str) -> str:
    """The content of the first <meta name=...> or <meta property=...> with this name (any case)."""
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        if (attrs.get("name") or attrs.get("property") or "").strip().lower() == name:
            return tidy(attrs.get("content") or "")[:1000]
    return ""


def _robots(tree) -> Robots:
    directives: list[str] = []
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        if (attrs.get("name") or "").strip().lower() in ("robots", "googlebot"):
            directives += [d.strip() for d in (attrs.get("content") or "").lower().split(",") if d.strip()]
    unique = tuple(dict.fromkeys(directives))[:50]
    return Robots(noindex=bool({"noindex", "none"} & set(unique)), nofollow=bool({"nofollow", "none"} & set(unique)),
                  directives=unique)


def _canonical(tree, base: str) -> str:
    # anywhere in the document: a stray <img> in <noscript> ends <head> early and moves the rest
    for node in tree.css("link[rel][href]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split():
            return _resolve(base, (node.attributes.get("href") or "").strip()[:MAX_URL])
    return ""


def _language(tree, text: str) -> str:
    root = tree.css_first("html")
    declared = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "") if root is not None else ""
    declared = declared or _meta(tree, "og:locale") or _http_equiv(tree, "content-language")
    code = re.split(r"[-_,;\s]", declared.strip().lower(), maxsplit=1)[0] if declared.strip() else ""
    if re.fullmatch(r"[a-z]{2,3}", code):
        return code
    return guess_language(text)


def _http_equiv(tree, name: str) -> str:
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").strip().lower() == name:
            return node.attributes.get("content") or ""
    return ""


def _body_text(tree) -> str:
    body = tree.body
    return body.text(separator=" ") if body is not None else ""


def _notes(tree, base: str, reading: PageReading, text: str, lang: str) -> list[str]:
    notes = []
    frames = [_resolve(base, (f.attributes.get("src") or "").strip()) for f in tree.css("frame[src]")][:10]
    if frames:
        notes.append(ui_text(lang, "evidence.reading.frameset", frames=", ".join(f for f in frames if f)))
    elif not reading.links and not text.strip():
        notes.append(ui_text(lang, "evidence.reading.empty"))
    return notes


__all__ = ["LinkReading", "PLACEMENTS", "PageReading", "Robots", "read_page"]
