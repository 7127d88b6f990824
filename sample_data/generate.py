#!/usr/bin/env python3
"""Deterministic generator of Linkwijzer's sample backlink profiles (Dutch market).

Run from the project root::

    .venv/bin/python sample_data/generate.py            # (re)writes sample_data/
    .venv/bin/python sample_data/generate.py --out DIR  # writes the same bytes into DIR

Every file is built from fixed seeds (``random.Random(seed)``) and a fixed reference
"today" (2026-11-01); nothing reads the clock, the environment or a set's iteration order,
and every file is written as bytes with its line endings spelled out, so two runs on any
machine give byte-identical files. Standard library only.

The byte shapes copy real vendor exports (see ``../shared/formats.md`` and the real files in
``../shared/data/exports/``):

- Ahrefs backlinks (37 columns, 2026): UTF-16 LE with BOM, TAB, every field double-quoted,
  LF line ends, datetimes ``YYYY-MM-DD HH:MM:SS``, booleans ``true``/``false``.
- Semrush backlinks (19 columns) and referring domains (7 columns): UTF-8 without BOM, comma,
  minimal quoting, CRLF (final CRLF too), dates ``YYYY-MM-DD``.
- Google Search Console link tables: UTF-8, comma, no final newline (latest links CRLF as in
  the 2020 real file, the two 2026-style tables LF as in the 2026 real file).
- Majestic backlinks download (20 columns): UTF-8 with BOM, CRLF; strings (header too) always
  double-quoted, numbers and dates bare, as in the real Majestic referring-domains export.
- Moz Link Explorer inbound links: UTF-8 with BOM, CRLF, nine preamble lines, then the
  17-column header; URLs without scheme, ``4%``/``--%`` spam scores, ``--`` for missing dates.
- A home-made spreadsheet: cp1252, ``;``, CRLF, Dutch headers, day-first dates.

The ground truth of what each profile was built to show is computed here from the generated
links and written to ``README.md`` and ``ground_truth.json`` next to the data.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

TODAY = date(2026, 11, 1)  # the fixed reference "today" of every export
SEED = 20261101
HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def weighted(rng: random.Random, pairs):
    """Pick from [(item, weight), ...] in list order (deterministic)."""
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def at_time(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day) + timedelta(seconds=rng.randrange(86400))


def day_between(rng: random.Random, start: date, end: date) -> date:
    span = (end - start).days
    return start + timedelta(days=rng.randint(0, max(span, 0)))


def growth_quantile(q: float, a: float, b: float) -> float:
    """x in [0, 1] with CDF(x) = q for a density proportional to a + b*x."""
    if b == 0:
        return q
    total = a + b / 2
    return (-a + math.sqrt(a * a + 2 * b * q * total)) / b


def spread_days(rng: random.Random, n: int, start: date, end: date, a=1.0, b=0.0, jitter=4):
    """n dates between start and end, stratified on a linearly growing density, shuffled.

    Stratification keeps the weekly counts close to the trend (no accidental bursts)."""
    span = (end - start).days
    out = []
    for i in range(n):
        x = growth_quantile((i + rng.random()) / n, a, b)
        d = start + timedelta(days=round(x * span) + rng.randint(-jitter, jitter))
        out.append(min(max(d, start), end))
    rng.shuffle(out)
    return out


def ymd(d) -> str:
    return d.strftime("%Y-%m-%d")


def ymdhms(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S")


def root_of(host: str) -> str:
    """Registrable domain for the hosts this generator invents (all one-label suffixes)."""
    parts = host.split(".")
    return ".".join(parts[-2:])


# --------------------------------------------------------------------------------------
# data model
# --------------------------------------------------------------------------------------


@dataclass
class Domain:
    host: str
    kind: str
    name: str
    relevant: bool
    lang: str = "nl"
    platform: str = ""
    dr: float = 0.0
    traffic: int = 0
    spam: bool = False
    ip: str = ""
    country: str = "nl"
    group: str = ""  # ground-truth tag: network-a, network-b, burst-1, burst-2, sitewide...
    first_day: date | None = None
    tf: int = 0
    cf: int = 0
    topic: str = ""
    da: int = 0
    spam_score: int | None = None
    ascore: int = 0

    @property
    def root(self) -> str:
        return root_of(self.host)


@dataclass
class Link:
    dom: Domain
    url: str
    title: str
    target: str
    anchor: str
    aclass: str
    first_seen: datetime
    last_seen: datetime
    lost: datetime | None = None
    lost_status: str = ""
    http: int = 200
    left: str = ""
    right: str = ""
    nofollow: bool = False
    ugc: bool = False
    sponsored: bool = False
    placement: str = "content"  # content, list, footer, sidebar, nav, comment, profile
    image: bool = False
    group_size: int = 1
    sitewide: bool = False
    author: str = ""
    page_type: str = ""
    page_category: str = ""
    ur: float = 0.0
    ext_links: int = 5
    int_links: int = 30
    redirect_urls: str = ""
    redirect_codes: str = ""
    discovered: str = "linkfound"
    rendered: bool = False
    page_refdomains: int = 0
    page_traffic: int = 0
    keywords: int = 0

    @property
    def content(self) -> bool:
        return self.placement in ("content", "list")


@dataclass
class Site:
    domain: str
    brand: str
    town: str
    town_people: str
    wijk: str
    street: str
    owner: str
    keywords: list  # money keywords, lower case: an anchor equal to one is "exact match"
    brand_anchors: list
    natural_anchors: list
    partial_anchors: list
    brandkw_anchors: list
    deep: dict  # path -> [(anchor, class), ...]
    shop: str = "fietsenwinkel"
    www: bool = True

    @property
    def home(self) -> str:
        return f"https://{'www.' if self.www else ''}{self.domain}/"

    @property
    def brand_terms(self) -> list:
        terms = [self.brand.lower(), self.domain.split(".")[0]]
        return terms


# --------------------------------------------------------------------------------------
# vocabulary (Dutch)
# --------------------------------------------------------------------------------------

TOWNS = ["Utrecht", "Zeist", "Houten", "Nieuwegein", "IJsselstein", "Maarssen", "Bunnik",
         "De Bilt", "Bilthoven", "Vianen", "Woerden", "Amersfoort", "Driebergen", "Soest",
         "Baarn", "Breukelen", "Odijk", "Culemborg", "Veenendaal", "Leusden", "Montfoort",
         "Lopik", "Doorn", "Wijk bij Duurstede", "Vleuten", "De Meern"]
WIJKEN = ["Lombok", "Wittevrouwen", "Oudwijk", "Overvecht", "Leidsche Rijn", "Zuilen",
          "Kanaleneiland", "Hoograven", "Tuindorp", "Lunetten", "Voordorp", "Oog in Al",
          "Tolsteeg", "Rivierenwijk", "Dichterswijk", "Majellapark", "Terwijde", "Parkwijk",
          "Vogelenbuurt", "Ondiep", "Pijlsweerd", "Transwijk", "Halve Maan", "Lauwerecht"]
FIRST = ["Anne", "Sanne", "Lotte", "Eva", "Femke", "Iris", "Joost", "Bram", "Thijs", "Ruben",
         "Daan", "Lucas", "Marieke", "Esther", "Kees", "Wim", "Henk", "Ingrid", "Noor", "Fleur",
         "Pieter", "Maarten", "Sophie", "Lisa", "Tim", "Koen", "Sander", "Linda", "Mirjam",
         "Jasper", "Roos", "Hanneke", "Gijs", "Merel", "Stijn", "Karin", "Niels", "Floor"]
LAST = ["de Vries", "Jansen", "de Jong", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
        "Brouwer", "de Wit", "Dijkstra", "Smits", "van den Berg", "Kok", "Verhoeven",
        "Willems", "van der Linden", "Prins", "Kuipers", "Schouten", "van Beek", "Post"]
MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]

GENERIC_ANCHORS = ["klik hier", "lees meer", "hier", "deze website", "website",
                   "bekijk de website", "meer informatie", "via deze link", "Bezoek website",
                   "hun website"]

NEWS_HEADLINES = [
    "{brand} opent vernieuwde werkplaats in {wijk}",
    "Steeds meer {people} kiezen voor de e-bike",
    "Nieuwe fietsenstalling bij station {town} bijna klaar",
    "Gratis fietscheck op het plein trekt honderden bezoekers",
    "Fietsenwinkels in {town} merken drukte rond de feestdagen",
    "Bakfietsen rukken op in {wijk}",
    "Fietsendiefstal in {town}: zo voorkom je het",
    "Ondernemers in {wijk} willen autoluwe winkelstraat",
    "Lokale fietsenmakers kampen met tekort aan monteurs",
    "Brandweer {town} geeft tips over e-bike-accu's",
    "Wachttijden bij fietsenmakers lopen op in het voorjaar",
    "Schoolkinderen in {wijk} krijgen gratis fietsles",
    "{brand} sponsort fietsdag voor basisscholen",
    "Zo ziet de nieuwe fietsroute door {wijk} eruit",
    "Prijzen van e-bikes dalen: goed moment om te kopen?",
    "Speed pedelec populair onder forenzen in de regio {town}",
    "Monteur van het jaar komt uit {town}",
    "Winkeliers in {wijk} tevreden over nieuwe fietsstraat",
    "Tweedehands fietsen steeds populairder in {town}",
    "Fietsverzekering: wanneer is het de moeite waard?",
    "Fietsenmaker {owner}: 'Mensen rijden langer door op hun e-bike'",
    "Drukte bij de fietsenmaker na zonnig weekend",
]
BLOG_POSTS = [
    "E-bike onderhoud: {n} tips voor de winter",
    "Review: mijn nieuwe stadsfiets na {km} kilometer",
    "Bakfiets kopen? Hierop moet je letten",
    "De mooiste fietsroutes rond {town}",
    "Waarom ik mijn e-bike laat onderhouden bij een lokale fietsenmaker",
    "Fietsverzekering afsluiten: mijn ervaring",
    "Met de bakfiets naar school in {wijk}",
    "Zo gaat de accu van je e-bike langer mee",
    "Hoe hard moet je je fietsbanden oppompen?",
    "Fietsvakantie op de Utrechtse Heuvelrug",
    "Woon-werkverkeer op de e-bike: een jaar later",
    "Kinderfiets kopen: welke maat past bij welke leeftijd?",
    "Een lekke band plakken in {n} stappen",
    "Leasefiets via de werkgever: zo werkt het",
    "Mijn {n} favoriete fietsenwinkels in {town}",
    "Fietsen met kinderen: tips voor de eerste tocht",
    "Speed pedelec of gewone e-bike?",
    "Onderhoudsbeurt voor je fiets: wat kost het?",
    "Winterklaar fietsen: verlichting, banden en ketting",
    "Tweedehands e-bike kopen zonder miskoop",
    "Duurzaam naar je werk: de fiets wint",
    "Fietstassen getest: welke houdt het droog?",
    "Onze eerste maand met een elektrische bakfiets",
    "Fietsen in de regen: zo blijf je droog",
]
MOBILITY_TITLES = [
    "Duurzaam pendelen in de regio {town}",
    "Minder auto, meer fiets: ervaringen uit {wijk}",
    "Wat levert een e-bike op voor het klimaat?",
    "Deelbakfietsen in de wijk: zo werkt het",
    "Fietsvriendelijke werkgevers in {town}",
    "Slimme mobiliteit: fiets en trein combineren",
    "Zo maak je je woon-werkverkeer duurzamer",
    "Subsidie voor een e-bike of bakfiets: de stand van zaken",
    "Bedrijven stappen over op vrachtfietsen",
    "Het fietsplan van je werkgever slim gebruiken",
    "Autovrije zondag in {wijk}: een terugblik",
    "Elektrisch fietsen en de CO2-besparing",
]
COMMUNITY_TITLES = [
    "Verkeersexamen groep 7: fietscontrole op school",
    "Sponsors en partners",
    "Fietsles voor nieuwkomers in {wijk}",
    "Nieuwsbrief {month} {year}",
    "Verslag van de buurtfietsdag",
    "Fietscontrole: bedankt aan onze vrijwilligers",
    "Schoolreis op de fiets: zo hebben we het geregeld",
    "Wijkagenda {wijk}",
    "Activiteiten in het buurthuis",
    "Veilig naar school: de resultaten van de fietsactie",
    "Fietsen voor statushouders: inzamelactie geslaagd",
    "Jaarverslag {year}",
]
FORUM_TITLES = [
    "Goede fietsenmaker in {town} gezocht?",
    "Ervaringen met e-bike onderhoud in {town}",
    "Bakfiets huren of kopen?",
    "Accu van mijn e-bike houdt ermee op, waar laten repareren?",
    "Welke e-bike voor woon-werk van 25 km?",
    "Fiets gestolen, welke verzekering vergoedt het?",
    "Kinderzitje op e-bike: wie kan het monteren?",
    "Tips voor een betrouwbare fietsenwinkel in de regio",
    "Naafmotor of middenmotor?",
    "Tweedehands bakfiets laten nakijken",
    "Remmen piepen na onderhoudsbeurt",
    "Speed pedelec kopen in {town}?",
    "Waar koop je een e-bike met goede service?",
    "Ervaringen met winkels in {town} en omgeving",
]
DIRECTORY_TITLES = [
    "{brand} in {town} - Openingstijden & contact",
    "Fietsenmakers in {town} ({n})",
    "{brand}, {town} | Fietsenwinkel",
    "Bedrijfsprofiel: {brand}",
    "Fietsenwinkels {town} – pagina {p}",
    "{brand} – {street}, {town}",
    "Fietsspeciaalzaken in de provincie Utrecht",
    "{brand} {town}: reviews, adres en telefoonnummer",
    "E-bike winkels in {town} en omgeving",
    "Fietsreparatie {town} - alle adressen",
    "Tweewielerbedrijven in {wijk}",
    "{brand} | Fietsen en e-bikes | {town}",
    "Bedrijven in de categorie Fietsen ({town})",
    "Winkelen in {wijk}: alle winkels op een rij",
]
REVIEW_TITLES = [
    "{brand} ervaringen en reviews ({score}/5)",
    "Reviews van {brand} in {town}",
    "Beoordelingen {brand} – {n} klantreviews",
    "Klantervaringen: {brand}",
    "Is {brand} betrouwbaar? Lees {n} reviews",
    "{brand}: {n} beoordelingen van klanten",
]
PARTNER_TITLES = [
    "Dealer zoeken - {name}",
    "Dealers in {town} | {name}",
    "Verkooppunten – {name}",
    "Onze partners | {name}",
    "Servicepunten in Nederland - {name}",
    "Waar kan ik een proefrit maken? | {name}",
    "Erkende dealers provincie Utrecht - {name}",
]
LOCAL_TITLES = [
    "Tips in de buurt | {name}",
    "Onze favoriete adresjes in {wijk}",
    "Fiets huren in {town}? Onze tips voor gasten",
    "Bereikbaarheid en parkeren - {name}",
    "Samenwerkingen - {name}",
    "Lokale ondernemers waar wij fan van zijn",
    "Over ons | {name}",
    "Route & contact - {name}",
    "Wonen in {wijk}: alle voorzieningen op een rij",
    "Ontdek {wijk} op de fiets",
]
PRESS_TITLES = [
    "{brand} breidt uit met tweede werkplaats",
    "Interview: {owner} over de toekomst van de fietsenmaker",
    "Zelfstandige fietsenmakers winnen terrein",
    "Werkplaats van het jaar: de genomineerden",
    "Zo pakt {brand} het personeelstekort aan",
    "Omzet e-bikes stijgt verder bij speciaalzaken",
]
BE_TITLES = [
    "Fietsen in Nederland: wat kunnen we leren van {town}?",
    "Onze fietsreis naar {town}",
    "E-bike onderhoud: zo pakken ze het aan in Nederland",
    "Fietsstad {town}: een dagje rondtrappen",
    "Bakfietsen in Nederland en Vlaanderen vergeleken",
]
EN_TITLES = [
    "Best bike shops in {town}, Netherlands",
    "Cycling in {town}: a visitor's guide",
    "Where to rent or repair a bike in {town}",
    "E-bike dealers in the Netherlands",
    "A weekend of cycling around {town}",
]
OLD_TITLES = [
    "{domain} - Website waarde en statistieken",
    "{domain} website worth, traffic and SEO analysis",
    "Free Web Directory - Shopping > Bicycles",
    "{domain} | Site info",
    "Linkdirectory - Recreatie - Fietsen",
    "Whois {domain} - domain information",
]
ASSOC_PAGES = ["Leden", "Nieuws", "Agenda", "Contact", "Lid worden", "Bestuur",
               "Winkelen in {wijk}", "Parkeren", "Evenementen", "Koopzondagen",
               "Kerstmarkt {wijk}", "Nieuwe leden", "Over de vereniging", "Privacyverklaring"]
CLUB_PAGES = ["Uitslagen", "Agenda", "Tourtochten", "Lid worden", "Contact", "Nieuws",
              "Clubkleding", "Jeugd", "Routes", "Verslag {tocht}", "Sponsors", "Over de club"]

TOPIC_CATEGORY = {
    "nieuws": "/News/Local News;/Autos & Vehicles/Bicycles & Accessories",
    "blog": "/Autos & Vehicles/Bicycles & Accessories;/Hobbies & Leisure/Outdoors",
    "mobiliteit": "/Autos & Vehicles/Bicycles & Accessories;/Science/Ecology & Environment",
    "gemeenschap": "/People & Society/Family & Relationships;/Jobs & Education/Education",
    "forum": "/Online Communities/Forum & Chat Providers;/Autos & Vehicles/Bicycles & Accessories",
    "gids": "/Business & Industrial/Business Services;/Reference/Directories & Listings",
    "review": "/Shopping/Consumer Resources",
    "partner": "/Autos & Vehicles/Bicycles & Accessories;/Shopping",
    "lokaal": "/Food & Drink/Restaurants;/Travel/Hotels & Accommodations",
    "pers": "/Business & Industrial/Retail Trade",
    "buitenland": "/Travel/Tourist Destinations;/Autos & Vehicles/Bicycles & Accessories",
    "oud": "/Internet & Telecom/Web Services",
    "vereniging": "/Business & Industrial/Business Operations;/News/Local News",
    "sportclub": "/Sports/Cycling",
}
MAJESTIC_TOPIC = {
    "nieuws": "News/Newspapers", "blog": "Recreation/Cycling", "mobiliteit": "Science/Environment",
    "gemeenschap": "Regional/Europe", "forum": "Recreation/Cycling", "gids": "Business/Directories",
    "review": "Shopping/Consumer Electronics", "partner": "Shopping/Vehicles",
    "lokaal": "Regional/Europe", "pers": "Business/Retail Trade", "buitenland": "Recreation/Travel",
    "oud": "Computers/Internet", "vereniging": "Business/Small Business",
    "sportclub": "Sports/Cycling",
}

# left/right context around an in-content link (Ahrefs "Left context" / "Right context")
CTX = {
    "brand": [("Mijn fiets ging voor een grote beurt naar", "en stond binnen een dag weer klaar."),
              ("Wij kochten onze bakfiets bij", ", een zaak met een eigen werkplaats."),
              ("Een tip van een lezer:", "in {town}, daar denken ze echt met je mee."),
              ("De fietsen voor de tocht werden beschikbaar gesteld door", "."),
              ("Volgens", "is het voorjaar altijd de drukste tijd in de werkplaats."),
              ("Twijfel je over een e-bike? Maak een proefrit bij", "in {wijk}."),
              ("Met dank aan", "voor de gratis fietscheck."),
              ("Mijn e-bike laat ik al jaren onderhouden bij", "en ik ben er heel tevreden over."),
              ("Ook", "doet mee aan de actie."),
              ("Sponsor van deze editie is", ", de fietsenmaker bij ons om de hoek.")],
    "url": [("Meer informatie vind je op", "."),
            ("Website:", ""),
            ("Kijk voor openingstijden op", "of bel even langs."),
            ("Aanmelden voor de proefrit kan via", "."),
            ("Bron:", "")],
    "generic": [("Wil je weten wat een onderhoudsbeurt kost? Kijk dan", "voor de actuele prijzen."),
                ("Voor de route en openingstijden klik je", "."),
                ("Wie meer wil weten over e-bikes kan", "terecht."),
                ("Het hele verhaal van de fietsenmaker lees je", "."),
                ("De werkplaats heeft een eigen pagina,", ", met alle tarieven.")],
    "natural": [("Mijn fiets ging naar", "en ik was dezelfde dag weer op weg."),
                ("Gelukkig hielp", "me snel met een nieuwe accu."),
                ("We lieten de bakfiets nakijken door", "in {town}."),
                ("Voor de fietsles zorgde", "voor reservefietsen en helmen."),
                ("Aanrader:", ", al jaren onze vaste stek.")],
    "deep": [("Meer weten? Lees", "op de site van de winkel."),
             ("Handig: ze hebben een aparte pagina over", "."),
             ("Zie ook", "bij de fietsenmaker zelf."),
             ("Wij kregen goed advies; kijk maar eens naar", "."),
             ("Tip:", ", daar staat het helder uitgelegd.")],
    "partial": [("Zoek je", "? Dan zit je daar goed."),
                ("Ik vond een goede plek voor", "bij ons in de buurt."),
                ("Meer over", "lees je bij de fietsenmaker zelf."),
                ("Handig als je op zoek bent naar", "."),
                ("Ze schreven een helder stuk over", ".")],
}


# --------------------------------------------------------------------------------------
# the sites whose profiles are generated
# --------------------------------------------------------------------------------------


def site_fietsenvandijk() -> Site:
    return Site(
        domain="fietsenvandijk.nl", brand="Fietsen van Dijk", town="Utrecht",
        town_people="Utrechters", wijk="Lombok", street="Vleutenseweg 212",
        owner="Jeroen van Dijk",
        keywords=["fietsenmaker utrecht", "e-bike kopen", "e-bike kopen utrecht",
                  "bakfiets kopen", "fietsenwinkel utrecht", "e-bike onderhoud",
                  "fiets kopen utrecht", "fietsverzekering"],
        brand_anchors=["Fietsen van Dijk", "Fietsen van Dijk", "Fietsen van Dijk",
                       "Fietsen van Dijk Utrecht", "fietsen van dijk", "Van Dijk Fietsen",
                       "FIETSEN VAN DIJK"],
        natural_anchors=["deze fietsenmaker in Utrecht", "onze vaste fietsenmaker",
                         "de fietsenwinkel om de hoek", "een lokale fietsenmaker",
                         "de werkplaats in Lombok", "de mannen van de werkplaats",
                         "een fietsenmaker met verstand van e-bikes", "deze zaak"],
        partial_anchors=["e-bike onderhoud Utrecht", "e-bikes in Utrecht",
                         "fietsenmaker in Lombok", "onderhoud van je e-bike",
                         "een goede fietsenmaker", "fietsreparatie in Utrecht",
                         "bakfietsen proefrijden"],
        brandkw_anchors=["Fietsen van Dijk e-bikes", "e-bikes bij Fietsen van Dijk",
                         "werkplaats van Fietsen van Dijk", "Fietsen van Dijk bakfietsen"],
        deep={
            "e-bikes/": [("e-bikes", "other"), ("ruim aanbod e-bikes", "partial"),
                         ("e-bikes bij Fietsen van Dijk", "brand_keyword")],
            "e-bikes/speed-pedelecs/": [("speed pedelecs", "other"),
                                        ("speed pedelec proefrijden", "partial")],
            "werkplaats/": [("de werkplaats", "other"), ("hun werkplaats", "other")],
            "werkplaats/onderhoud/": [("e-bike onderhoud Utrecht", "partial"),
                                      ("onderhoudsbeurt", "other"),
                                      ("onderhoud van je e-bike", "partial")],
            "werkplaats/e-bike-accu-service/": [("accu-service", "other"),
                                                ("accu laten testen", "other")],
            "bakfietsen/": [("bakfietsen", "other"), ("bakfietsen proefrijden", "partial")],
            "fietsverzekering/": [("fiets verzekeren", "other"),
                                  ("verzekering via de winkel", "other")],
            "fietsen/kinderfietsen/": [("kinderfietsen", "other")],
            "occasions/": [("tweedehands fietsen", "other"), ("occasions", "other")],
            "lease/": [("fiets leasen via je werkgever", "other")],
            "over-ons/": [("Fietsen van Dijk", "branded")],
            "blog/e-bike-winterklaar-maken/": [("e-bike winterklaar maken", "other"),
                                               ("deze tips voor de winter", "other")],
            "blog/bakfiets-kiezen-tips/": [("tips voor het kiezen van een bakfiets", "other")],
        },
        shop="fietsenmaker",
    )


def site_snelle() -> Site:
    return Site(
        domain="snelle-ebikes.nl", brand="Snelle E-bikes", town="Amersfoort",
        town_people="Amersfoorters", wijk="Vathorst", street="Databankweg 40",
        owner="Ruud Kramer",
        keywords=["e-bike kopen", "goedkope e-bike", "beste e-bike 2026",
                  "elektrische fiets kopen", "e-bike aanbieding", "speed pedelec kopen",
                  "e-bike kopen online", "goedkope elektrische fiets", "beste e-bike",
                  "e-bike"],
        brand_anchors=["Snelle E-bikes", "Snelle E-bikes", "snelle-ebikes", "Snelle Ebikes",
                       "SnelleEbikes"],
        natural_anchors=["deze webshop", "een online e-bikewinkel", "de webwinkel",
                         "een Nederlandse webshop", "deze aanbieder"],
        partial_anchors=["e-bikes met korting", "e-bikes online", "e-bike webshop",
                         "e-bikes vergelijken", "speed pedelecs online"],
        brandkw_anchors=["Snelle E-bikes aanbiedingen", "e-bikes van Snelle E-bikes"],
        deep={
            "e-bikes/goedkope-e-bikes/": [("goedkope e-bikes", "partial")],
            "e-bike-kopen/": [("e-bikes online", "partial")],
            "aanbiedingen/": [("aanbiedingen", "other")],
            "speed-pedelecs/": [("speed pedelecs online", "partial")],
            "blog/beste-e-bike-2026/": [("de vergelijking", "other")],
        },
        shop="webshop", www=False,
    )


def site_fietsplein() -> Site:
    return Site(
        domain="fietsplein.nl", brand="Fietsplein", town="Nieuwegein",
        town_people="Nieuwegeiners", wijk="Batau-Noord", street="Raadstede 18",
        owner="Marloes Hoekstra",
        keywords=["fiets kopen", "e-bike kopen", "fietsenwinkel nieuwegein",
                  "bakfiets kopen", "fietsenwinkel", "fietsenmaker nieuwegein",
                  "e-bike kopen nieuwegein"],
        brand_anchors=["Fietsplein", "Fietsplein", "Fietsplein Nieuwegein", "FietsPlein",
                       "fietsplein"],
        natural_anchors=["deze fietsenwinkel in Nieuwegein", "de winkel in de Cityplaza",
                         "een grote fietsenwinkel", "de fietsenzaak", "deze winkel"],
        partial_anchors=["fietsen in Nieuwegein", "e-bikes in Nieuwegein",
                         "fietsenwinkel met werkplaats", "proefrit op een e-bike"],
        brandkw_anchors=["Fietsplein e-bikes", "e-bikes bij Fietsplein"],
        deep={
            "e-bikes/": [("e-bikes", "other"), ("e-bikes bij Fietsplein", "brand_keyword")],
            "werkplaats/": [("de werkplaats", "other")],
            "bakfietsen/": [("bakfietsen", "other")],
            "kinderfietsen/": [("kinderfietsen", "other")],
            "nieuws/fietsplein-viert-25-jaar/": [("het jubileum", "other")],
        },
    )


def site_ebikecentrum() -> Site:
    return Site(
        domain="ebikecentrum.nl", brand="E-bike Centrum", town="Utrecht",
        town_people="Utrechters", wijk="Kanaleneiland", street="Europalaan 90",
        owner="Dennis Vermeer",
        keywords=["e-bike kopen", "e-bike kopen utrecht", "e-bike winkel",
                  "e-bike winkel utrecht", "goedkope e-bike", "elektrische fiets kopen",
                  "e-bike utrecht"],
        brand_anchors=["E-bike Centrum", "E-bike Centrum", "eBikeCentrum",
                       "E-bike Centrum Utrecht", "ebikecentrum"],
        natural_anchors=["deze e-bikespecialist", "een e-bikewinkel in Utrecht",
                         "de specialist in Kanaleneiland", "deze winkel"],
        partial_anchors=["e-bikes in Utrecht", "e-bike specialist Utrecht",
                         "e-bike proefrit", "e-bike accu vervangen"],
        brandkw_anchors=["E-bike Centrum Utrecht e-bikes"],
        deep={
            "e-bikes/": [("e-bikes", "other")],
            "speed-pedelecs/": [("speed pedelecs", "other")],
            "onderhoud/": [("onderhoud", "other"), ("e-bike accu vervangen", "partial")],
            "proefrit/": [("proefrit plannen", "other")],
        },
    )


# --------------------------------------------------------------------------------------
# domain names
# --------------------------------------------------------------------------------------


class Names:
    """Unique, plausible referring-domain hosts; one instance per profile."""

    def __init__(self, rng: random.Random, reserved=()):
        self.rng = rng
        self.taken: dict[str, bool] = {r: True for r in reserved}

    def take(self, make, tries=400):
        for _ in range(tries):
            host = make(self.rng)
            label = "name:" + site_name(host).lower()
            if root_of(host) not in self.taken and label not in self.taken:
                self.taken[root_of(host)] = True
                self.taken[label] = True
                return host
        raise RuntimeError("ran out of names")


def s(text: str) -> str:
    return slugify(text).replace("-", "")


def name_news(r):
    town = r.choice(TOWNS + WIJKEN[:8])
    suf = r.choice(["nieuws", "actueel", "courant", "journaal", "dichtbij", "vandaag",
                    "centraal", "post", "stadsblad", "wijkkrant", "nu"])
    sep = r.choice(["", "", "-"])
    return f"www.{s(town)}{sep}{suf}.nl"


def name_blog(r):
    p = r.random()
    if p < 0.3:
        return f"{s(r.choice(FIRST))}{r.choice(['fietst', 'opdefiets', 'optweewielen', 'trapt', 'rijdt'])}.nl"
    if p < 0.75:
        adj = r.choice(["groene", "stadse", "snelle", "rustige", "lekker", "gewoon", "mijn",
                        "de", "vrolijke", "duurzame", "elke-dag", "zondagse", "blije", "echte"])
        noun = r.choice(["fietser", "fietsblog", "trapper", "pedaal", "fietsroute", "tweewieler",
                         "fietsdagboek", "fietsliefde", "wielerpraat", "fietstas", "bakfietsmoeder",
                         "bakfietsvader", "forens", "fietsmama", "fietspapa"])
        return f"{'www.' if r.random() < 0.4 else ''}{adj}{'-' if r.random() < 0.3 else ''}{noun}.nl"
    noun = r.choice(["fietsroutes", "fietstips", "fietsen", "e-bikeblog", "fietsverhalen",
                     "tweewielers", "fietsweetjes"])
    return f"{noun}-{s(r.choice(TOWNS))}.nl"


def name_mobility(r):
    a = r.choice(["duurzaam", "slim", "groen", "schoon", "bewust", "anders", "zuinig", "fris"])
    b = r.choice(["reizen", "vervoer", "mobiel", "pendelen", "onderweg", "woonwerk", "op-weg",
                  "verplaatsen", "stadsvervoer"])
    tail = r.choice(["", "", f"-{s(r.choice(TOWNS[:12]))}", "-nederland", "010", "nu"])
    return f"www.{a}{b}{tail}.nl"


def name_community(r):
    p = r.random()
    w = slugify(r.choice(WIJKEN))
    if p < 0.25:
        return f"www.{r.choice(['wijkraad', 'buurthuis', 'wijkplatform', 'bewonersvereniging', 'buurtinitiatief'])}-{w}.nl"
    if p < 0.5:
        tree = r.choice(["de-linde", "de-eik", "de-wilg", "de-kastanje", "de-regenboog",
                         "de-wereldwijzer", "de-zonnebloem", "de-vlinder", "de-kameleon",
                         "het-klaverblad", "de-notenkraker", "de-boomgaard", "de-ark"])
        return f"www.{r.choice(['obs', 'cbs', 'kbs', 'basisschool'])}-{tree}.nl"
    if p < 0.7:
        t = slugify(r.choice(TOWNS))
        return f"www.{r.choice(['bibliotheek', 'scouting', 'vvn', 'speeltuin', 'ijsclub', 'kinderboerderij'])}-{t}.nl"
    t = s(r.choice(TOWNS))
    return f"www.{t}{r.choice(['college', 'lyceum', 'mavo', 'fietsstad', 'fietsplan'])}.nl"


def name_forum(r):
    base = r.choice(["fietsforum", "ebikeforum", "tweewielerforum", "bakfietsforum",
                     "ouderforum", "stadsforum", "mtbforum", "wielerforum", "pedelecforum",
                     "fietsvragen", "fietspraat", "ebikepraat", "forensenforum", "velopraat"])
    pre = r.choice(["", "het", "nl", "ons", ""])
    tail = r.choice(["", "", "-utrecht", "-nl", "online"])
    return f"{'forum.' if r.random() < 0.15 else 'www.'}{pre}{base}{tail}.nl"


def name_directory(r):
    p = r.random()
    t = slugify(r.choice(TOWNS))
    if p < 0.45:
        return f"www.{r.choice(['bedrijvengids', 'winkelgids', 'ondernemersgids', 'bedrijfinfo', 'openingstijden', 'stadsgids', 'adresboek'])}-{t}.nl"
    if p < 0.65:
        return f"www.{t}-{r.choice(['bedrijven', 'winkels', 'ondernemers', 'adressen'])}.nl"
    return "www." + r.choice(["fietsenmakers", "detweewieler", "lokalebedrijven", "bedrijfvinden",
                              "vakmanzoeker", "fietsspeciaalzaken", "winkelvinder", "mkbgids",
                              "bedrijvenplein", "hetbedrijvenregister", "fietswinkels",
                              "ondernemersplein", "detelefoongids", "goudengids", "zakengids",
                              "bedrijvenzoeker", "allewinkels", "vindeenfietsenmaker"]) + r.choice(["", "-nl", "nederland", "online", "24"]) + ".nl"


def name_review(r):
    return "www." + r.choice(["klantbeoordelingen", "reviewsopeenrij", "ervaringenbank",
                              "fietsreviews", "sterrenscore", "klantwaardering",
                              "tevredenheidscheck", "winkelreviews", "beoordeel",
                              "kiesjewinkel", "reviewplein", "ervaringendelen"]) + r.choice(["", "-nl", "online", ""]) + ".nl"


def name_partner(r):
    brand = r.choice(["veloriq", "stadsrijder", "kompaan", "bergwind", "lamaro", "trekveld",
                      "accupro", "vrachtvelo", "dijkwind", "polderbike", "urbanrijder",
                      "fietsgarant", "leasefietsdirect", "fietsverzekeren", "slotvast",
                      "zadelwerk", "remtec", "bandenhuys", "velosolid", "tandemtrap"])
    tld = r.choice([".nl", ".nl", ".com", ".de", ".be", ".eu"])
    suf = r.choice(["", "-bikes", "-fietsen", "-cycles", ""]) if tld != ".nl" else r.choice(["", "-fietsen", ""])
    return f"www.{brand}{suf}{tld}"


def name_local(r):
    kind = r.choice(["koffiebar", "bakkerij", "kapsalon", "bloemist", "restaurant", "fysio",
                     "makelaardij", "hotel", "bnb", "yogastudio", "boekhandel", "fietskoerier",
                     "slagerij", "wijnbar", "lunchroom", "kinderopvang", "huisartsen",
                     "architecten", "schilder", "loodgieter", "verhuisbedrijf", "fotograaf"])
    pool = WIJKEN + LAST + TOWNS + (FIRST if kind in ("kapsalon", "yogastudio", "fotograaf", "bloemist", "lunchroom") else [])
    who = slugify(r.choice(pool))
    sep = r.choice(["-", ""])
    return f"www.{kind}{sep}{who if sep else who.replace('-', '')}.nl"


def name_be(r):
    return "www." + r.choice(["fietsen-in-vlaanderen", "wielerblog", "groenfietsen", "trappersplein",
                              "fietsmoeder", "velogids", "tweewielerpraat"]) + ".be"


def name_en(r):
    return "www." + r.choice(["ebike-reviews-europe", "cycling-cities", "bikeshop-finder",
                              "dutch-cycling-guide", "cycle-travel-notes"]) + ".com"


def name_press(r):
    return "www." + r.choice(["fietsvakblad", "tweewielervak", "mkb-utrecht-nieuws",
                              "retailnieuws-nl", "vakbladfiets", "ondernemen-utrecht"]) + ".nl"


def name_old(r):
    word = r.choice(["websitewaarde", "siteinfo", "free-link-directory", "seo-analyse",
                     "domainstats", "pagerank-checker", "webrank-info", "linkz-catalog",
                     "site-worth", "hostinfo-lookup", "sitevalue", "whois-data", "statsite",
                     "web-directory", "traffic-estimate"])
    return f"www.{word}{r.choice(['', '', '-online', '24', 's'])}.{r.choice(['com', 'net', 'info', 'xyz', 'top', 'org', 'ru', 'biz'])}"


NAMERS = {"nieuws": name_news, "blog": name_blog, "mobiliteit": name_mobility,
          "gemeenschap": name_community, "forum": name_forum, "gids": name_directory,
          "review": name_review, "partner": name_partner, "lokaal": name_local,
          "buitenland": lambda r: name_be(r) if r.random() < 0.6 else name_en(r),
          "pers": name_press, "oud": name_old,
          # the two explainable sitewide partners of fietsenvandijk.nl have fixed names
          "vereniging": lambda r: "www.ondernemersvereniging-lombok.nl",
          "sportclub": lambda r: "www.wtc-de-domrenners.nl"}


NAME_WORDS = {w: True for w in """
    nieuws actueel courant journaal dichtbij vandaag centraal post stadsblad wijkkrant nu
    fietst opdefiets optweewielen trapt rijdt groene stadse snelle rustige lekker gewoon mijn
    de het vrolijke duurzame elke dag zondagse blije echte fietser fietsblog trapper pedaal
    fietsroute tweewieler fietsdagboek fietsliefde wielerpraat fietstas bakfietsmoeder
    bakfietsvader forens fietsmama fietspapa fietsroutes fietstips fietsen e bikeblog ebikeblog
    fietsverhalen tweewielers fietsweetjes duurzaam slim groen schoon bewust anders zuinig
    fris reizen vervoer mobiel pendelen onderweg woonwerk op weg verplaatsen stadsvervoer
    nederland wijkraad buurthuis wijkplatform bewonersvereniging buurtinitiatief obs cbs kbs
    basisschool linde eik wilg kastanje regenboog wereldwijzer zonnebloem vlinder kameleon
    klaverblad notenkraker boomgaard ark bibliotheek scouting vvn speeltuin ijsclub
    kinderboerderij college lyceum mavo fietsstad fietsplan fietsforum ebikeforum
    tweewielerforum bakfietsforum ouderforum stadsforum mtbforum wielerforum pedelecforum
    fietsvragen fietspraat ebikepraat forensenforum velopraat ons nl online bedrijvengids
    winkelgids ondernemersgids bedrijfinfo openingstijden stadsgids adresboek bedrijven
    winkels ondernemers adressen fietsenmakers detweewieler lokalebedrijven bedrijfvinden
    vakmanzoeker fietsspeciaalzaken winkelvinder mkbgids bedrijvenplein hetbedrijvenregister
    fietswinkels ondernemersplein detelefoongids goudengids zakengids bedrijvenzoeker
    allewinkels vindeenfietsenmaker klantbeoordelingen reviewsopeenrij ervaringenbank
    fietsreviews sterrenscore klantwaardering tevredenheidscheck winkelreviews beoordeel
    kiesjewinkel reviewplein ervaringendelen veloriq stadsrijder kompaan bergwind lamaro
    trekveld accupro vrachtvelo dijkwind polderbike urbanrijder fietsgarant leasefietsdirect
    fietsverzekeren slotvast zadelwerk remtec bandenhuys velosolid tandemtrap bikes cycles
    koffiebar bakkerij kapsalon bloemist restaurant fysio makelaardij hotel bnb yogastudio
    boekhandel fietskoerier slagerij wijnbar lunchroom kinderopvang huisartsen architecten
    schilder loodgieter verhuisbedrijf fotograaf in vlaanderen wielerblog groenfietsen
    trappersplein fietsmoeder velogids tweewielerpraat ebike reviews europe cycling cities
    bikeshop finder dutch guide cycle travel notes fietsvakblad tweewielervak mkb utrecht
    retailnieuws vakbladfiets ondernemen efiets stads wiel route velo blog tips wijzer gids
    plaza info weetjes magazine expert review vergelijker elektrisch klusbedrijf recepten
    reisblog tuinhuis autoschade schilderwerk dakdekker hondentrimsalon webdesign zonwering
    kozijnen verhuurservice stukadoor bruidsmode feestartikelen aquarium massagesalon
    rijschool dagelijkse handige slimme leuke beste goede mooie alle nieuwe gratis top
    ideeen artikelen nieuwtjes wonenenleven lifestyle gezinsblog huisentuin vrouwenblog
    mannenblog consumentenblog geldtips ebikes linkpagina startlinks goedelinks mijnlinks
    linkbelt allelinks webgids startkabel linkhoek startpunt linkverzameling linkspot
    beginhier pagina casino gokken spins jackpot bonus slots winnaar top10 hq crypto bitcoin
    coin blockchain altcoin btc koers kopen signalen wallet trader insider ondernemersvereniging
    wtc domrenners s
""".split()}
for _w in TOWNS + WIJKEN + FIRST + LAST:
    for _p in slugify(_w).split("-"):
        NAME_WORDS[_p] = True
    NAME_WORDS[slugify(_w).replace("-", "")] = True
SMALL_WORDS = ("de", "het", "van", "in", "op", "en", "der", "den", "bij")
DISPLAY = {slugify(w).replace("-", ""): w for w in TOWNS + WIJKEN}


def segment(label: str):
    """Split a concatenated domain label into known words (fewest pieces), or None."""
    n = len(label)
    best: list = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, n + 1):
            w = label[i:j]
            if w in NAME_WORDS or w.isdigit():
                cand = best[i] + [w]
                if best[j] is None or len(cand) < len(best[j]):
                    best[j] = cand
    return best[n]


def site_name(host: str) -> str:
    words = []
    for part in root_of(host).split(".")[0].split("-"):
        words.extend(segment(part) or [part])
    out = []
    for k, w in enumerate(words):
        if w in DISPLAY:
            out.append(DISPLAY[w])
        elif w in ("nl", "hq", "wtc", "obs", "cbs", "kbs", "vvn", "mkb", "bnb", "btc"):
            out.append(w.upper())
        elif k > 0 and w in SMALL_WORDS:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


# --------------------------------------------------------------------------------------
# natural (editorial) link profiles: used for all four sites
# --------------------------------------------------------------------------------------

# kind: relevant, platforms, DR range, domain traffic range, p(nofollow), p(ugc), language
KIND = {
    "nieuws": (True, ["cms", "wordpress", ""], (28, 68), (900, 240000), 0.20, 0.0, "nl"),
    "blog": (True, ["wordpress", "wordpress", "cms", ""], (2, 34), (0, 4200), 0.12, 0.0, "nl"),
    "mobiliteit": (True, ["wordpress", "cms", ""], (8, 40), (20, 9000), 0.15, 0.0, "nl"),
    "gemeenschap": (True, ["cms", "wordpress", ""], (6, 42), (10, 6000), 0.10, 0.0, "nl"),
    "forum": (True, ["message-boards"], (15, 52), (200, 60000), 0.75, 0.65, "nl"),
    "gids": (True, ["cms", ""], (10, 48), (40, 30000), 0.45, 0.0, "nl"),
    "review": (True, ["cms", ""], (12, 45), (100, 25000), 0.60, 0.0, "nl"),
    "partner": (True, ["ecommerce, wordpress", "cms", ""], (22, 62), (500, 90000), 0.10, 0.0, "nl, en"),
    "lokaal": (True, ["wordpress", "cms", ""], (1, 22), (0, 2500), 0.12, 0.0, "nl"),
    "pers": (True, ["cms", "wordpress"], (30, 58), (2000, 70000), 0.15, 0.0, "nl"),
    "buitenland": (True, ["wordpress", ""], (5, 38), (30, 15000), 0.25, 0.0, "nl"),
    "oud": (False, [""], (0, 12), (0, 60), 0.35, 0.0, "en"),
    "vereniging": (True, ["wordpress"], (18, 30), (300, 3000), 0.0, 0.0, "nl"),
    "sportclub": (True, ["wordpress"], (12, 24), (100, 1500), 0.0, 0.0, "nl"),
}

ANCHOR_MIX = {
    "default": [("brand", 36), ("url", 22), ("generic", 12), ("natural", 16), ("partial", 8),
                ("brandkw", 4), ("image", 2)],
    "gids": [("brand", 55), ("url", 33), ("generic", 10), ("image", 2)],
    "review": [("brand", 50), ("url", 38), ("generic", 12)],
    "partner": [("brand", 62), ("url", 28), ("image", 10)],
    "forum": [("brand", 28), ("url", 36), ("natural", 20), ("partial", 10), ("generic", 6)],
    "oud": [("url", 85), ("brand", 15)],
    "buitenland": [("brand", 50), ("url", 30), ("natural", 10), ("generic", 10)],
}
DEEP_P = {"blog": 0.35, "forum": 0.30, "nieuws": 0.22, "mobiliteit": 0.25, "gids": 0.05,
          "partner": 0.12, "lokaal": 0.15, "review": 0.05, "gemeenschap": 0.12, "pers": 0.2,
          "buitenland": 0.1, "oud": 0.0}
LOST_P = {"oud": 0.55, "forum": 0.03, "gids": 0.06, "lokaal": 0.05}


def fill(template: str, r: random.Random, site: Site, dom: Domain | None = None) -> str:
    return template.format(
        brand=site.brand, town=site.town, people=site.town_people,
        wijk=r.choice([site.wijk] * 3 + WIJKEN[:10]), owner=site.owner, street=site.street,
        n=r.choice([3, 5, 7, 8, 10, 12]), km=r.choice([500, 1000, 2000, 5000]),
        p=r.randint(2, 6), score=r.choice(["4,2", "4,5", "4,6", "4,7", "4,8", "4,9"]),
        month=r.choice(MONTHS_NL), year=r.choice([2023, 2024, 2025, 2026]),
        name=dom.name if dom else "", domain=site.domain, tocht=r.choice(["Heuveltocht", "Polderrit", "Lentetocht"]))


def make_page(r: random.Random, site: Site, dom: Domain, i: int, day: date) -> dict:
    """URL, title and placement of the i-th linking page of a natural referring domain."""
    k, host, pid = dom.kind, dom.host, r.randint(10000, 999999)
    page = {"placement": "content", "author": "", "page_type": "article", "sponsored": False,
            "group": 1}
    if k == "nieuws":
        head = fill(r.choice(NEWS_HEADLINES), r, site, dom)
        if i > 0 and r.random() < 0.2:
            tag = r.choice(["fietsen", "e-bikes", "ondernemers", "verkeer", slugify(site.wijk)])
            page.update(url=f"https://{host}/tag/{tag}/" + (f"page/{r.randint(2, 9)}/" if r.random() < 0.5 else ""),
                        title=f"{tag.replace('-', ' ').capitalize()} | {dom.name}", placement="list",
                        page_type="category")
        else:
            url = (f"https://{host}/nieuws/{day.year}/{day.month:02d}/{slugify(head)}"
                   if r.random() < 0.6 else f"https://{host}/{slugify(site.town)}/{slugify(head)}-{pid}")
            page.update(url=url, title=f"{head} | {dom.name}",
                        author=f"{r.choice(FIRST)} {r.choice(LAST)}")
            if r.random() < 0.1:  # a local-business widget next to the article
                page.update(placement="sidebar", group=r.randint(5, 40))
    elif k in ("blog", "mobiliteit", "buitenland", "pers"):
        pool = {"blog": BLOG_POSTS, "mobiliteit": MOBILITY_TITLES, "pers": PRESS_TITLES,
                "buitenland": BE_TITLES if dom.host.endswith(".be") else EN_TITLES}[k]
        head = fill(r.choice(pool), r, site, dom)
        if k == "blog" and i > 0 and r.random() < 0.2:
            page.update(url=f"https://{host}/" + (f"page/{i}/" if i > 1 else ""),
                        title=f"{dom.name} – fietsen, routes en tips",
                        placement="sidebar", page_type="homepage", group=r.randint(20, 90))
        elif k == "blog" and i > 0 and r.random() < 0.12:
            page.update(url=f"https://{host}/{day.year}/{day.month:02d}/{slugify(head)}/#comment-{pid}",
                        title=f"{head} - {dom.name}", placement="comment",
                        author=f"{r.choice(FIRST)}")
        else:
            style = r.random()
            if style < 0.5:
                url = f"https://{host}/{day.year}/{day.month:02d}/{slugify(head)}/"
            elif style < 0.8:
                url = f"https://{host}/blog/{slugify(head)}/"
            else:
                url = f"https://{host}/{slugify(head)}"
            sep = r.choice([" - ", " | ", " – "])
            page.update(url=url, title=f"{head}{sep}{dom.name}",
                        author=f"{r.choice(FIRST)} {r.choice(LAST)}" if r.random() < 0.6 else "")
    elif k == "gemeenschap":
        head = fill(r.choice(COMMUNITY_TITLES), r, site, dom)
        placement = "list" if head in ("Sponsors en partners",) else "content"
        page.update(url=f"https://{host}/{r.choice(['nieuws', 'actueel', 'over-ons', 'agenda'])}/{slugify(head)}",
                    title=f"{head} - {dom.name}", placement=placement)
    elif k == "forum":
        head = fill(r.choice(FORUM_TITLES), r, site, dom)
        style = r.random()
        if style < 0.4:
            url = f"https://{host}/topic/{pid}-{slugify(head)}/"
        elif style < 0.7:
            url = f"https://{host}/viewtopic.php?t={pid}"
        else:
            url = f"https://{host}/forum/threads/{slugify(head)}.{pid}/"
        if r.random() < 0.25:
            url += ("&start=" if "?" in url else "?page=") + str(r.randint(2, 6) * (15 if "?" in url else 1))
        page.update(url=url, title=f"{head} - {dom.name}", page_type="forum",
                    author=r.choice(FIRST).lower() + str(r.randint(1, 99)))
        if r.random() < 0.12:  # a regular's forum signature: below the post, not in it
            page.update(placement="signature", group=r.randint(3, 30))
    elif k == "gids":
        head = fill(r.choice(DIRECTORY_TITLES), r, site, dom)
        if "{brand}" in head or site.brand in head:
            url = f"https://{host}/bedrijf/{slugify(site.brand)}-{slugify(site.town)}-{pid}"
            ptype = "profile"
        else:
            url = f"https://{host}/{slugify(site.town)}/{r.choice(['fietsenwinkels', 'fietsenmakers', 'fietsen'])}/" + (f"?page={r.randint(2, 5)}" if r.random() < 0.3 else "")
            ptype = "listing"
        page.update(url=url, title=f"{head} | {dom.name}", page_type=ptype,
                    placement="list" if r.random() < 0.7 else "sidebar",  # "uitgelicht" block
                    sponsored=r.random() < 0.08)
    elif k == "review":
        head = fill(r.choice(REVIEW_TITLES), r, site, dom)
        page.update(url=f"https://{host}/reviews/{slugify(site.brand)}" + (f"?pagina={i + 1}" if i else ""),
                    title=f"{head} | {dom.name}", page_type="review")
    elif k == "partner":
        head = fill(r.choice(PARTNER_TITLES), r, site, dom)
        lang = r.choice(["nl", "nl", "be", "de"]) if not host.endswith(".nl") else "nl"
        langs = ["nl", "nl-be", "de", "en", "fr"]
        page.update(url=f"https://{host}/{langs[i]}/dealers/{slugify(site.town)}/{slugify(site.brand)}" if i < len(langs)
                    else f"https://{host}/{lang}/{r.choice(['dealers', 'verkooppunten', 'partners'])}/?provincie=utrecht&p={i}",
                    title=head, page_type="listing", placement="list")
    elif k == "lokaal":
        head = fill(r.choice(LOCAL_TITLES), r, site, dom)
        page.update(url=f"https://{host}/{slugify(head)}/", title=head if dom.name in head else f"{head} | {dom.name}",
                    page_type="other")
        if r.random() < 0.25:
            page.update(placement="footer", group=r.randint(8, 40), page_type="other")
    elif k == "oud":
        head = fill(r.choice(OLD_TITLES), r, site, dom)
        page.update(url=f"https://{host}/{r.choice(['site', 'info', 'www', 'domain'])}/{site.domain}",
                    title=head, page_type="other", placement="list")
    elif k == "vereniging":
        pg = fill(ASSOC_PAGES[i % len(ASSOC_PAGES)], r, site, dom)
        if i < 2:
            head = "Nieuw lid: " + site.brand if i == 0 else f"Ondernemer van de maand: {site.owner}"
            page.update(url=f"https://{host}/nieuws/{slugify(head)}/", title=f"{head} - {dom.name}")
        else:
            page.update(url=f"https://{host}/{slugify(pg)}/" + (f"page/{i}/" if i >= len(ASSOC_PAGES) else ""),
                        title=f"{pg} - {dom.name}", placement="footer", page_type="other",
                        group=r.randint(280, 460))
    elif k == "sportclub":
        pg = fill(CLUB_PAGES[i % len(CLUB_PAGES)], r, site, dom)
        page.update(url=f"https://{host}/{slugify(pg)}/" if i else f"https://{host}/",
                    title=f"{pg} | {dom.name}", placement="sidebar", page_type="other",
                    group=r.randint(140, 260))
    else:  # pragma: no cover
        raise ValueError(k)
    return page


def anchor_for(r: random.Random, site: Site, dom: Domain, placement: str, exact: bool,
               deep_path: str | None) -> tuple[str, str, bool]:
    """(anchor, class, image) for one natural link."""
    if exact:
        return r.choice(site.keywords), "exact", False
    if deep_path is not None:
        text, cls = r.choice(site.deep[deep_path])
        return text, cls, False
    if placement in ("footer", "sidebar") and dom.kind in ("vereniging", "sportclub", "lokaal", "blog"):
        if dom.kind == "sportclub":
            return ("", "image", True) if r.random() < 0.5 else (f"logo {site.brand}", "branded", True)
        return site.brand, "branded", False
    kind = weighted(r, ANCHOR_MIX.get(dom.kind, ANCHOR_MIX["default"]))
    d = site.domain
    if kind == "brand":
        return r.choice(site.brand_anchors), "branded", False
    if kind == "url":
        return r.choice([d, d, f"www.{d}", f"https://www.{d}/", f"https://www.{d}", f"http://{d}",
                         f"https://{d}/"] if site.www else [d, d, f"www.{d}", f"https://{d}/", f"https://{d}"]), "naked_url", False
    if kind == "generic":
        return r.choice(GENERIC_ANCHORS), "generic", False
    if kind == "natural":
        return r.choice(site.natural_anchors), "other", False
    if kind == "partial":
        return r.choice(site.partial_anchors), "partial", False
    if kind == "brandkw":
        return r.choice(site.brandkw_anchors), "brand_keyword", False
    return ("", "image", True) if r.random() < 0.6 else (site.brand, "branded", True)


def context_for(r: random.Random, site: Site, aclass: str, placement: str, deep: bool = False) -> tuple[str, str]:
    if placement not in ("content", "comment") or r.random() < 0.12:
        return "", ""
    key = {"branded": "brand", "naked_url": "url", "generic": "generic", "other": "natural",
           "partial": "partial", "exact": "partial", "brand_keyword": "brand"}.get(aclass)
    if deep:
        key = "deep"
    if key is None:
        return "", ""
    left, right = r.choice(CTX[key])
    return left.format(town=site.town, wijk=site.wijk), right.format(town=site.town, wijk=site.wijk)


def make_domain(r: random.Random, names: Names, kind: str) -> Domain:
    host = names.take(NAMERS[kind])
    rel, plats, drr, trr, _, _, lang = KIND[kind]
    if kind == "buitenland" and host.endswith(".com"):
        lang = "en"
    dr = r.uniform(*drr)
    dom = Domain(host=host, kind=kind, name=site_name(host), relevant=rel, lang=lang,
                 platform=r.choice(plats), dr=round(dr) if dr >= 1 else round(dr, 1),
                 traffic=int(trr[0] + (trr[1] - trr[0]) * r.random() ** 3),
                 spam=kind == "oud" and r.random() < 0.6)
    return dom


def build_natural(r: random.Random, site: Site, plan, start: date, end: date, exact_frac: float,
                  names: Names, old_window=None, growth=(0.8, 0.4), lost_scale=1.0):
    """Referring domains and links of an editorial-looking profile.

    plan: [(kind, n_domains, median_links, max_links), ...]. Returns (domains, links)."""
    domains: list[Domain] = []
    counts: list[int] = []
    for kind, n, median, cap in plan:
        for _ in range(n):
            dom = make_domain(r, names, kind)
            domains.append(dom)
            c = int(round(math.exp(math.log(median) + 0.85 * r.gauss(0, 1))))
            counts.append(median if kind in ("vereniging", "sportclub") else max(1, min(cap, c)))
    # first-seen days: stratified over the whole period, old irrelevant ones early
    normal = [d for d in domains if d.kind != "oud"]
    days = spread_days(r, len(normal), start, end - timedelta(days=3), *growth)
    for dom, day in zip(normal, days):
        dom.first_day = day
    old = [d for d in domains if d.kind == "oud"]
    for dom, day in zip(old, spread_days(r, len(old), *(old_window or (start, start + timedelta(days=200))))):
        dom.first_day = day
    # which domains carry exact-match anchors (a few directories, blogs and forums)
    eligible = [i for i, d in enumerate(domains) if d.kind in ("gids", "blog", "forum", "lokaal", "mobiliteit", "nieuws")]
    r.shuffle(eligible)
    exact_doms = set(eligible[: round(exact_frac * len(domains))])
    links: list[Link] = []
    seen_urls: dict[tuple, bool] = {}
    for idx, (dom, count) in enumerate(zip(domains, counts)):
        rel, plats, drr, trr, p_nf, p_ugc, lang = KIND[dom.kind]
        # later links of the same domain: stratified over the domain's active life, which
        # the export date cuts off (young domains have fewer links so far; no end-of-period pile-up)
        life = r.randint(300, 900)
        if dom.kind == "oud":
            life = 240
        exact_left = (1 + (count > 6)) if idx in exact_doms else 0
        for i in range(count):
            day = dom.first_day
            if i > 0:
                day += timedelta(days=int(life * (i - 1 + r.random()) / max(count - 1, 1)))
                if day > end:
                    continue
            page = make_page(r, site, dom, i, day)
            placement = page["placement"]
            deep = None
            if placement == "content" and r.random() < DEEP_P.get(dom.kind, 0.0):
                deep = r.choice(list(site.deep))
            exact = exact_left > 0 and placement in ("content", "list")
            if exact:
                exact_left -= 1
                deep = None
            anchor, aclass, image = anchor_for(r, site, dom, placement, exact, deep)
            target = site.home + (deep or "")
            if exact and r.random() < 0.6:
                target = site.home + r.choice(list(site.deep))
            if page["url"] in seen_urls and (r.random() < 0.85 or (page["url"], target) in seen_urls):
                continue  # now and then a second link on the same page, to another target
            seen_urls[page["url"]] = True
            seen_urls[(page["url"], target)] = True
            first = at_time(r, day)
            link = Link(dom=dom, url=page["url"], title=page["title"], target=target,
                        anchor=anchor, aclass=aclass, first_seen=first, last_seen=first,
                        placement=placement, image=image, author=page["author"],
                        page_type=page["page_type"], group_size=page["group"],
                        sitewide=page["group"] >= 50 or dom.kind in ("vereniging", "sportclub") and placement != "content",
                        sponsored=page["sponsored"])
            link.page_category = TOPIC_CATEGORY[dom.kind] if r.random() < 0.9 else ""
            nofollow_p = p_nf if placement != "comment" else 1.0
            link.nofollow = r.random() < nofollow_p
            link.ugc = placement == "comment" or (dom.kind == "forum" and r.random() < p_ugc)
            if link.ugc and r.random() < 0.9:
                link.nofollow = True
            link.left, link.right = context_for(r, site, aclass, placement, deep is not None)
            finish_link(r, link, lost_p=LOST_P.get(dom.kind, 0.025) * lost_scale)
            links.append(link)
    return domains, links


def finish_link(r: random.Random, link: Link, lost_p: float, today: date = TODAY):
    """Last seen / lost, HTTP code, page metrics, redirects."""
    dom = link.dom
    first_day = link.first_seen.date()
    if r.random() < lost_p and (today - first_day).days > 40:
        lost_day = day_between(r, first_day + timedelta(days=20), today - timedelta(days=3))
        link.lost = at_time(r, lost_day)
        link.last_seen = at_time(r, max(first_day, lost_day - timedelta(days=r.randint(1, 12))))
        if link.last_seen > link.lost:
            link.last_seen = link.lost
        link.lost_status = weighted(r, [("removedfromhtml", 45), ("notfound", 25), ("pageerror", 12),
                                        ("noindex", 6), ("pageredirected", 8), ("notcanonical", 4)])
        link.http = {"notfound": 404, "pageerror": r.choice([0, 500, 503, 429]),
                     "pageredirected": 301}.get(link.lost_status, 200)
    else:
        recent = max(first_day, today - timedelta(days=r.randint(2, 40)))
        link.last_seen = at_time(r, min(recent, today - timedelta(days=1)))
        if link.last_seen < link.first_seen:
            link.last_seen = link.first_seen
    link.discovered = weighted(r, [("linkfound", 62), ("pagefound", 30), ("linkrestored", 8)])
    link.rendered = r.random() < 0.04
    link.ur = round(r.uniform(0, 8) ** 1.3 * 0.6, 1) if r.random() < 0.7 else 0.0
    base_ext = {"gids": 60, "oud": 120, "forum": 25, "review": 12}.get(dom.kind, 10)
    link.ext_links = max(1, int(r.expovariate(1 / base_ext)) + 1)
    link.int_links = r.randint(12, 160)
    link.page_refdomains = 0 if r.random() < 0.85 else r.randint(1, 12)
    link.page_traffic = 0 if r.random() < 0.9 else r.randint(1, 400)
    link.keywords = 0 if link.page_traffic == 0 else r.randint(1, 40)


# --------------------------------------------------------------------------------------
# 1. fietsenvandijk.nl — healthy, Ahrefs
# --------------------------------------------------------------------------------------

AHREFS_HEADER = [
    "Referring page title", "Referring page URL", "Language", "Platform",
    "Referring page HTTP code", "Domain rating", "UR", "Domain traffic", "Referring domains",
    "Linked domains", "External links", "Page traffic", "Keywords", "Target URL",
    "Left context", "Anchor", "Right context", "Redirect Chain URLs",
    "Redirect Chain status codes", "Type", "Is spam", "Content", "Nofollow", "UGC",
    "Sponsored", "Rendered", "Raw", "Lost status", "Drop reason", "Discovered status",
    "First seen", "Last seen", "Lost", "Author", "Page type", "Page category",
    "Links in group"]

HEALTHY_PLAN = [
    # kind, domains, median links per domain, max
    ("nieuws", 32, 8, 60), ("blog", 94, 8, 80), ("mobiliteit", 26, 7, 30),
    ("gemeenschap", 36, 6, 30), ("forum", 18, 30, 160), ("gids", 55, 8, 40),
    ("review", 11, 10, 40), ("partner", 20, 13, 60), ("lokaal", 80, 6, 30),
    ("pers", 6, 4, 10), ("buitenland", 10, 3, 10), ("oud", 9, 2, 5),
    ("vereniging", 1, 16, 16), ("sportclub", 1, 10, 10),
]


def b(v: bool) -> str:
    return "true" if v else "false"


def build_healthy():
    r = random.Random(SEED + 1)
    site = site_fietsenvandijk()
    names = Names(r, reserved=[site.domain])
    domains, links = build_natural(
        r, site, HEALTHY_PLAN, date(2023, 1, 9), date(2026, 10, 29), exact_frac=0.035,
        names=names, old_window=(date(2023, 1, 9), date(2023, 7, 31)))
    for dom in domains:
        if dom.kind in ("vereniging", "sportclub"):
            dom.group = "sitewide-partner"
            dom.name = {"vereniging": "Ondernemersvereniging Lombok", "sportclub": "WTC De Domrenners"}[dom.kind]
    # old links to the bare domain / http go through redirects
    for link in links:
        if link.first_seen.year == 2023 and r.random() < 0.25:
            variant = r.choice([f"http://{site.domain}/", f"https://{site.domain}/", f"http://www.{site.domain}/"])
            path = link.target[len(site.home):]
            link.target = variant + path
            if variant.startswith("http://") and "www." not in variant:
                link.redirect_urls = f"https://{site.domain}/{path}, {site.home}{path}"
                link.redirect_codes = "301, 301"
            else:
                link.redirect_urls = site.home + path
                link.redirect_codes = "301"
    links.sort(key=lambda l: (-float(l.dom.dr), l.dom.host, l.url, l.target, l.anchor))
    return site, domains, links


def ahrefs_rows(links):
    rows = []
    for l in links:
        d = l.dom
        rows.append([
            l.title, l.url, d.lang, d.platform, str(l.http), fmt_num(d.dr), fmt_num(l.ur),
            str(d.traffic), str(l.page_refdomains), str(max(1, l.ext_links - l.ext_links // 4)),
            str(l.ext_links), str(l.page_traffic), str(l.keywords), l.target, l.left, l.anchor,
            l.right, l.redirect_urls, l.redirect_codes, "image" if l.image else "text",
            b(d.spam), b(l.content), b(l.nofollow), b(l.ugc), b(l.sponsored), b(l.rendered),
            b(not l.rendered or l.dom.kind != "partner"), l.lost_status,
            "tooold" if l.lost and l.dom.kind == "oud" and l.lost_status in ("pageerror", "notfound") else "",
            l.discovered, ymdhms(l.first_seen), ymdhms(l.last_seen),
            ymdhms(l.lost) if l.lost else "", l.author, l.page_type, l.page_category,
            str(l.group_size)])
    return rows


def fmt_num(x) -> str:
    if isinstance(x, float) and not x.is_integer():
        return f"{x:.1f}"
    return str(int(x))


def ahrefs_bytes(rows) -> bytes:
    def line(fields):
        return "\t".join('"' + f.replace('"', '""') + '"' for f in fields) + "\n"
    text = line(AHREFS_HEADER) + "".join(line(r) for r in rows)
    return b"\xff\xfe" + text.encode("utf-16-le")


# --------------------------------------------------------------------------------------
# 2. snelle-ebikes.nl — over-optimised, Semrush
# --------------------------------------------------------------------------------------

SEMRUSH_HEADER = ["Page ascore", "Source title", "Source url", "Target url", "Anchor",
                  "External links", "Internal links", "Nofollow", "Sponsored", "Ugc", "Text",
                  "Frame", "Form", "Image", "Sitewide", "First seen", "Last seen", "New link",
                  "Lost link"]
SEMRUSH_RD_HEADER = ["Domain ascore", "Domain", "Backlinks", "IP Address", "Country",
                     "First seen", "Last seen"]

BURSTS = {
    "burst-1": (date(2025, 3, 10), date(2025, 3, 28)),
    "burst-2": (date(2026, 5, 25), date(2026, 6, 12)),
}
NETWORK_SUBNETS = {"network-a": "185.107.56", "network-b": "194.71.126"}
NETWORK_TITLES = [
    "Beste e-bike 2026: de complete koopgids",
    "Goedkope e-bike kopen? Let hier op!",
    "E-bike kopen: 7 tips van experts",
    "Elektrische fiets kopen in 2026 – waar moet je op letten?",
    "De voordelen van een e-bike op een rij",
    "E-bike aanbieding: nu tijdelijk extra korting",
    "Speed pedelec kopen: alles wat je moet weten",
    "Waarom iedereen een e-bike wil",
]
NETWORK_FILLER = ["Categorie: Mobiliteit", "Over ons", "Contact", "Privacybeleid",
                  "5 tips voor een opgeruimde schuur", "Zo kies je een goede fietshelm",
                  "Fietsen in de winter: 6 tips", "De leukste fietsroutes van Nederland",
                  "Wat kost een fietsenstalling?", "Categorie: Tips", "Archief",
                  "Duurzaam leven: waar begin je?", "Fietsslot kopen: de beste sloten",
                  "Nieuws", "Reviews", "Tag: e-bike", "Tag: fietsen"]
# article-spinning: each title is spun from synonyms, so the titles vary but stay unrelated
SPUN_TITLES = [
    "{Hoe kies je|Zo kies je|Tips voor het kiezen van} {de juiste|een goede|de beste} matras",
    "{5|6|7|10} {tips|ideeën|manieren} voor een {groene|mooie|onderhoudsvrije} tuin",
    "De {beste|populairste|fijnste} koffiemachines van {dit jaar|2026|het moment}",
    "{Zo bespaar je|Besparen|Minder betalen} op je energierekening{| in de winter|: de tips}",
    "Thuiswerken: {8|10|12} tips voor {meer focus|een fijne werkplek|meer rust}",
    "{Wat te doen bij|Hulp bij|Zo los je op:} een lekkage{| in huis|?}",
    "{Verhuizen|Je verhuizing regelen|Verhuizen met kinderen} zonder stress",
    "{Beste|Goedkope|Draadloze} stofzuigers {getest|vergeleken|op een rij}",
    "{Hoe start je|Beginnen met|Zo begin je} een moestuin{|?| op je balkon}",
    "{Tips voor|Zo boek je|Op zoek naar} een goedkope vakantie{|?| in Europa}",
    "Je huis verkopen: {waar moet je op letten|de valkuilen|zo pak je het aan}",
    "Gezond ontbijten: {5|7|9} {ideeën|recepten|tips}",
    "{Hoe onderhoud je|Onderhoud van|Zo verzorg je} een houten vloer",
    "Auto {leasen of kopen|kopen of leasen|delen of bezitten}{?|: de afweging}",
    "{Alles over|Zo werken|De voordelen van} zonnepanelen",
    "De {leukste|goedkoopste|mooiste} uitjes met kinderen{| in Nederland| dit najaar}",
    "{Zo maak je|Maak} je {badkamer|tuin|huis} klaar voor de winter",
    "{Waarom|Daarom is|Zo blijkt} een e-bike kopen slim{| is|}",
    "{Hoe kies je|Zo vind je|Tips voor} een goede hypotheekadviseur",
    "Trouwen in 2026: {trends en tips|wat kost het|de checklist}",
]


def spin(r: random.Random, text: str) -> str:
    """Expand {a|b|c} spintax, as article spinners do."""
    return re.sub(r"\{([^{}]*)\}", lambda m: r.choice(m.group(1).split("|")), text).strip()
CASINO_TITLES = ["Beste online casino's in Nederland 2026", "Gratis spins zonder storting",
                 "Online gokken: de top 10 casino's", "Casino bonus vergelijken",
                 "Live casino spelen met iDEAL", "Nieuwe online casino's van deze maand"]
CRYPTO_TITLES = ["Bitcoin koers vandaag", "Crypto kopen voor beginners",
                 "De beste altcoins van 2026", "Ethereum staking uitgelegd",
                 "Crypto wallet kiezen: zo doe je dat", "Is het nu tijd om bitcoin te kopen?"]
DIR_TITLES = ["E-bikes - {name} linkpagina", "Fietsen startpagina | alle links over fietsen",
              "Links - categorie Vervoer", "Webgids: Fietsen & E-bikes", "Startpagina e-bikes",
              "Linkpartners - {name}", "Alle links over mobiliteit"]
FOREIGN_TITLES = ["Best Links Directory | Free Submission", "Domain Authority Checker - Free SEO Tool",
                  "Web Directory - Sports > Cycling", "Free Backlinks Generator",
                  "Top Sites List - Netherlands", "SEO Links Catalog page {n}"]
FOOTER_SITE_TITLES = ["Recept: pompoensoep met gember", "Badkamer renoveren: kosten en tips",
                      "Onze diensten", "Contact", "Over ons", "Portfolio", "Blog",
                      "Veelgestelde vragen", "Werkwijze", "Tarieven", "Projecten",
                      "Nieuws", "Vacatures", "Reviews", "Algemene voorwaarden", "Home"]


def spam_names(kind: str):
    def name(r):
        if kind == "network":
            a = r.choice(["ebike", "fiets", "efiets", "trap", "stads", "wiel", "route", "velo",
                          "pedaal", "mobiel", "elektrisch-fietsen", "e-fiets"])
            z = r.choice(["blog", "tips", "nieuws", "wijzer", "gids", "plaza", "info", "weetjes",
                          "magazine", "journaal", "expert", "review", "vergelijker"])
            return f"{a}{r.choice(['', '-'])}{z}{r.choice(['', '', '24', '-nl', 'online'])}.nl"
        if kind == "footer":
            a = r.choice(["klusbedrijf", "recepten", "reisblog", "tuinhuis", "autoschade",
                          "schilderwerk", "dakdekker", "hondentrimsalon", "webdesign",
                          "zonwering", "kozijnen", "verhuurservice", "stukadoor", "bruidsmode",
                          "feestartikelen", "aquarium", "massagesalon", "rijschool"])
            return f"www.{a}{r.choice(['-', ''])}{slugify(r.choice(LAST + TOWNS)).replace('-', '')}.nl"
        if kind == "spun":
            a = r.choice(["dagelijkse", "handige", "slimme", "leuke", "snelle", "beste", "goede",
                          "mooie", "alle", "nieuwe", "gratis", "top"])
            z = r.choice(["tips", "weetjes", "ideeen", "blog", "artikelen", "nieuwtjes",
                          "wonenenleven", "lifestyle", "gezinsblog", "huisentuin", "vrouwenblog",
                          "mannenblog", "consumentenblog", "geldtips"])
            return f"{a}-{z}{r.choice(['', '', '-nl', '24', 'online', '-blog'])}.{r.choice(['nl', 'nl', 'com', 'net'])}"
        if kind == "linkdir":
            a = r.choice(["fietsen", "e-bikes", "vervoer", "mobiliteit", "ebike", "tweewielers"])
            z = r.choice(["linkpagina", "startlinks", "goedelinks", "mijnlinks", "linkbelt",
                          "allelinks", "webgids", "startkabel", "linkhoek", "startpunt",
                          "linkverzameling", "linkspot", "beginhier"])
            return f"{a}.{z}{r.choice(['', '-nl', 'pagina', '24', 'plaza', ''])}.nl"
        if kind == "casino":
            return f"{r.choice(['casino', 'gokken', 'spins', 'jackpot', 'bonus', 'slots'])}{r.choice(['-', ''])}{r.choice(['bonus', 'nl', 'online', 'vergelijker', 'gids', 'winnaar', 'top10', 'review'])}{r.choice(['', '24', '-2026', 'hq'])}.{r.choice(['com', 'net', 'nl', 'info'])}"
        if kind == "crypto":
            return f"{r.choice(['crypto', 'bitcoin', 'coin', 'blockchain', 'altcoin', 'btc'])}{r.choice(['-', ''])}{r.choice(['nieuws', 'koers', 'kopen', 'signalen', 'wallet', 'trader', 'insider'])}{r.choice(['', '24', '-nl', 'hq'])}.{r.choice(['com', 'net', 'io', 'nl'])}"
        if kind == "foreign":
            return f"{r.choice(['seo-links', 'webcatalog', 'freelinks', 'sitelist', 'topsites', 'dir', 'backlinks', 'linkfarm', 'bookmarks'])}{r.randint(1, 999)}.{r.choice(['xyz', 'top', 'site', 'online', 'click', 'info', 'pw'])}"
        raise ValueError(kind)
    return name


def random_ip(r: random.Random, used24: dict) -> str:
    for _ in range(1000):
        a = r.choice([31, 37, 45, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 87, 88, 89, 91, 92,
                      93, 94, 95, 109, 141, 145, 146, 149, 151, 159, 176, 178, 185, 188, 193,
                      194, 195, 212, 213, 217])
        net = f"{a}.{r.randint(1, 254)}.{r.randint(0, 255)}"
        if net not in used24:
            used24[net] = True
            return f"{net}.{r.randint(2, 250)}"
    raise RuntimeError("no free /24")


def build_overoptimised():
    r = random.Random(SEED + 2)
    site = site_snelle()
    names = Names(r, reserved=[site.domain])
    start, end = date(2024, 3, 4), date(2026, 10, 29)
    # the natural part of the profile: real reviews, forums, directories, a few blogs
    plan = [("blog", 64, 7, 40), ("forum", 25, 14, 80), ("gids", 45, 7, 30),
            ("review", 14, 10, 40), ("nieuws", 10, 4, 12), ("mobiliteit", 14, 4, 16),
            ("partner", 8, 8, 30), ("lokaal", 30, 4, 16), ("buitenland", 6, 3, 8)]
    domains, links = build_natural(r, site, plan, start, end, exact_frac=0.07, names=names,
                                   growth=(0.9, 0.2), lost_scale=2.0)
    for dom in domains:
        dom.group = "natural"

    def new(kind, group, first_day, relevant=False, lang="nl"):
        host = names.take(spam_names(kind))
        dom = Domain(host=host, kind=kind, name=site_name(host), relevant=relevant, lang=lang,
                     group=group, first_day=first_day, spam=kind in ("casino", "crypto", "foreign", "linkdir"))
        domains.append(dom)
        return dom

    def add(dom, url, title, anchor, aclass, day, placement="content", sitewide=False,
            nofollow=False, image=False, lost_p=0.08):
        target = site.home + weighted(r, [("", 40), ("e-bikes/goedkope-e-bikes/", 25),
                                          ("e-bike-kopen/", 20), ("aanbiedingen/", 10),
                                          ("speed-pedelecs/", 5)])
        first = at_time(r, day)
        link = Link(dom=dom, url=url, title=title, target=target, anchor=anchor, aclass=aclass,
                    first_seen=first, last_seen=first, placement=placement, sitewide=sitewide,
                    nofollow=nofollow, image=image, group_size=1)
        finish_link(r, link, lost_p=lost_p)
        link.ext_links = r.randint(8, 140) if not sitewide else r.randint(3, 30)
        links.append(link)

    exact = site.keywords[:8]

    # -- the network: 25 blogs, two /24 subnets, identical article titles, sitewide blogroll
    net_days = spread_days(r, 25, date(2024, 9, 2), date(2026, 8, 28), jitter=6)
    for j in range(25):
        group = "network-a" if j < 13 else "network-b"
        dom = new("network", group, net_days[j], relevant=True)
        dom.platform = "wordpress"
        blogroll = exact[j % 3]  # "e-bike kopen" / "goedkope e-bike" / "beste e-bike 2026"
        for t, title in enumerate(NETWORK_TITLES):
            if r.random() < 0.12:
                continue
            day = dom.first_day + timedelta(days=t * r.randint(5, 20))
            if day >= TODAY - timedelta(days=2):
                day = TODAY - timedelta(days=r.randint(3, 20))
            add(dom, f"https://{dom.host}/{slugify(title)}/", title, exact[(t + j) % len(exact)],
                "exact", day)
        pages = r.randint(40, 60)
        for p in range(pages):
            day = dom.first_day + timedelta(days=r.randint(0, max(5, (TODAY - dom.first_day).days - 3)))
            filler = NETWORK_FILLER[p % len(NETWORK_FILLER)]
            url = f"https://{dom.host}/{slugify(filler)}/" + (f"page/{p // len(NETWORK_FILLER) + 1}/" if p >= len(NETWORK_FILLER) else "")
            add(dom, url, f"{filler} - {dom.name}", blogroll, "exact", day, placement="sidebar",
                sitewide=True)

    # -- paid footer links on unrelated small-business sites, repeated on every page
    foot_days = spread_days(r, 30, date(2024, 5, 6), date(2026, 9, 30), jitter=5)
    for j in range(30):
        dom = new("footer", "footer", foot_days[j])
        dom.platform = r.choice(["wordpress", "cms", ""])
        anchor = r.choice(["goedkope e-bike", "e-bike kopen", "e-bike aanbieding", "goedkope elektrische fiets"])
        pages = r.randint(24, 58)
        for p in range(pages):
            day = dom.first_day + timedelta(days=r.randint(0, min(200, max(5, (TODAY - dom.first_day).days - 3))))
            pg = FOOTER_SITE_TITLES[p % len(FOOTER_SITE_TITLES)]
            url = f"https://{dom.host}/" + ("" if pg == "Home" else f"{slugify(pg)}/") + (f"?p={p}" if p >= len(FOOTER_SITE_TITLES) else "")
            add(dom, url, f"{pg} | {dom.name}", anchor, "exact", day, placement="footer",
                sitewide=True, lost_p=0.10)

    # -- a steady trickle of spun articles outside the bursts
    spun_days = spread_days(r, 80, date(2024, 6, 3), date(2026, 10, 20), jitter=5)
    for j in range(80):
        dom = new("spun", "spun", spun_days[j])
        for t in range(r.randint(1, 5)):
            title = spin(r, r.choice(SPUN_TITLES))
            day = min(dom.first_day + timedelta(days=t * r.randint(10, 60)), TODAY - timedelta(days=3))
            add(dom, f"https://{dom.host}/{slugify(title)}-{r.randint(100, 9999)}/", title,
                r.choice(exact), "exact", day, lost_p=0.15)

    # -- casino/crypto sidebar links outside the bursts (a few)
    for kind, titles, n in (("casino", CASINO_TITLES, 6), ("crypto", CRYPTO_TITLES, 6)):
        for day in spread_days(r, n, date(2024, 8, 5), date(2026, 9, 15), jitter=10):
            dom = new(kind, kind, day)
            for t in range(r.randint(2, 8)):
                title = r.choice(titles)
                dday = min(day + timedelta(days=t * r.randint(3, 40)), TODAY - timedelta(days=3))
                add(dom, f"https://{dom.host}/{slugify(title)}/" + (f"?p={t}" if t else ""), title,
                    r.choice(exact), "exact", dday, placement="sidebar", sitewide=True, lost_p=0.2)

    # -- burst 1: link directories and spun blogs, 2025-03-10 .. 2025-03-28
    b1s, b1e = BURSTS["burst-1"]
    for j in range(132):
        kind = "linkdir" if j < 62 else "spun"
        dom = new(kind, "burst-1", day_between(r, b1s, b1e))
        n = r.randint(3, 8) if kind == "linkdir" else r.randint(2, 6)
        for t in range(n):
            day = day_between(r, dom.first_day, b1e) if r.random() < 0.92 else day_between(r, b1e, b1e + timedelta(days=60))
            if kind == "linkdir":
                title = fill(r.choice(DIR_TITLES), r, site, dom)
                url = f"https://{dom.host}/" + ("" if t == 0 else f"{r.choice(['categorie', 'rubriek', 'pagina'])}/{slugify(r.choice(['e-bikes', 'fietsen', 'vervoer', 'winkels', 'mobiliteit']))}-{t}/")
                add(dom, url, title, r.choice(exact), "exact", day, placement="list",
                    nofollow=r.random() < 0.15, lost_p=0.25)
            else:
                title = spin(r, r.choice(SPUN_TITLES))
                add(dom, f"https://{dom.host}/{slugify(title)}-{r.randint(100, 9999)}/", title,
                    r.choice(exact), "exact", day, lost_p=0.2)

    # -- burst 2: casino, crypto, spun blogs and foreign spam, 2026-05-25 .. 2026-06-12
    b2s, b2e = BURSTS["burst-2"]
    for j in range(156):
        kind = ["casino"] * 26 + ["crypto"] * 26 + ["spun"] * 62 + ["foreign"] * 42
        kind = kind[j]
        dom = new(kind, "burst-2", day_between(r, b2s, b2e), lang="en" if kind == "foreign" else "nl")
        n = r.randint(2, 8)
        titles = {"casino": CASINO_TITLES, "crypto": CRYPTO_TITLES,
                  "spun": [spin(r, t) for t in SPUN_TITLES], "foreign": FOREIGN_TITLES}[kind]
        sw = kind in ("casino", "crypto") and r.random() < 0.5
        anchor_fixed = r.choice(exact)
        for t in range(n):
            day = day_between(r, dom.first_day, b2e) if r.random() < 0.92 else day_between(r, b2e, b2e + timedelta(days=60))
            title = fill(r.choice(titles), r, site, dom)
            url = f"https://{dom.host}/{slugify(title)}" + (f"-{r.randint(10, 999)}/" if kind == "spun" else f"/?p={t}" if t else "/")
            add(dom, url, title, anchor_fixed if sw else r.choice(exact), "exact", day,
                placement="sidebar" if sw else "content", sitewide=sw,
                nofollow=kind == "foreign" and r.random() < 0.3, lost_p=0.12)

    # IPs: the network on two shared /24s, every other domain on its own /24
    used24 = {net: True for net in NETWORK_SUBNETS.values()}
    hosts_in_net: dict[str, int] = {}
    for dom in domains:
        if dom.group in NETWORK_SUBNETS:
            net = NETWORK_SUBNETS[dom.group]
            n = hosts_in_net.get(net, 0)
            hosts_in_net[net] = n + 1
            dom.ip = f"{net}.{11 + 7 * n + r.randint(0, 5)}"
            dom.country = "nl" if dom.group == "network-a" else "de"
        else:
            dom.ip = random_ip(r, used24)
            dom.country = {"casino": r.choice(["mt", "cy", "cw"]), "crypto": r.choice(["us", "sg", "ee"]),
                           "foreign": r.choice(["us", "ru", "ua", "in", "vn"])}.get(
                dom.kind, "be" if dom.host.endswith(".be") else r.choice(["nl", "nl", "nl", "de", "us"]))
        dom.ascore = {"network": r.randint(4, 14), "footer": r.randint(3, 18), "spun": r.randint(1, 12),
                      "linkdir": r.randint(0, 8), "casino": r.randint(5, 30), "crypto": r.randint(4, 28),
                      "foreign": r.randint(0, 6)}.get(dom.kind, int(min(70, float(dom.dr) * 0.8 + r.randint(0, 8))))
    return site, domains, links


def semrush_backlink_rows(links):
    rows = []
    for l in links:
        page_ascore = max(0, min(100, l.dom.ascore - r_int(l, 0, 8)))
        rows.append([
            str(page_ascore), l.title, l.url, l.target, l.anchor, str(l.ext_links),
            str(l.int_links), b(l.nofollow), b(l.sponsored), b(l.ugc), b(not l.image), "false",
            "false", b(l.image), b(l.sitewide), ymd(l.first_seen), ymd(l.last_seen),
            b((TODAY - l.first_seen.date()).days <= 30 and not l.lost), b(l.lost is not None)])
    return rows


def r_int(link: Link, lo: int, hi: int) -> int:
    """A small per-link number that depends only on the link's own fields (stable)."""
    h = 0
    for ch in link.url + link.anchor:
        h = (h * 131 + ord(ch)) % 1_000_003
    return lo + h % (hi - lo + 1)


def csv_bytes(rows, delimiter=",", eol="\r\n", final_eol=True, encoding="utf-8", bom=b"") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    text = buf.getvalue()
    if not final_eol and text.endswith(eol):
        text = text[: -len(eol)]
    return bom + text.encode(encoding)


def semrush_refdomain_rows(domains, links):
    per: dict[str, list] = {}
    for l in links:
        per.setdefault(l.dom.root, []).append(l)
    by_root = {}
    for d in domains:
        by_root.setdefault(d.root, d)
    rows = []
    for root, ls in per.items():
        d = by_root[root]
        rows.append((d.ascore, root, len(ls), d.ip, d.country,
                     ymd(min(l.first_seen for l in ls)), ymd(max(l.last_seen for l in ls))))
    rows.sort(key=lambda x: (-x[0], -x[2], x[1]))
    return [[str(a), root, str(n), ip, c, f, la] for a, root, n, ip, c, f, la in rows]


# --------------------------------------------------------------------------------------
# 3. Google Search Console tables for fietsenvandijk.nl (consistent with profile 1)
# --------------------------------------------------------------------------------------


def gsc_tables(r: random.Random, links):
    live = [l for l in links if l.lost is None]
    # latest links: unique linking pages, most recently crawled first, at most 1,000
    pages: dict[str, date] = {}
    for l in live:
        crawl = l.last_seen.date() - timedelta(days=r.randint(0, 9))
        crawl = max(crawl, l.first_seen.date())
        if l.url not in pages or pages[l.url] < crawl:
            pages[l.url] = crawl
    latest = sorted(pages.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)[:1000]
    latest_rows = [["Linking page", "Last crawled"]] + [[u, ymd(d)] for u, d in latest]
    # top linking sites: registrable domain, linking pages, target pages
    sites: dict[str, dict] = {}
    for l in live:
        s_ = sites.setdefault(l.dom.root, {"pages": {}, "targets": {}, "extra": 0})
        s_["pages"][l.url] = True
        s_["targets"][l.target.replace("http://", "https://").replace("://fietsenvandijk", "://www.fietsenvandijk")] = True
        if l.group_size >= 100:  # GSC counts every page of a sitewide footer/sidebar
            s_["extra"] = max(s_["extra"], l.group_size)
    site_rows = []
    for root, s_ in sites.items():
        n_pages = max(len(s_["pages"]), s_["extra"])
        site_rows.append((n_pages, len(s_["targets"]), root))
    site_rows.sort(key=lambda x: (-x[0], -x[1], x[2]))
    site_rows = [["Site", "Linking pages", "Target pages"]] + [[root, str(p), str(t)] for p, t, root in site_rows[:1000]]
    # top linking text: lower-cased, punctuation stripped, ranked by links
    texts: dict[str, int] = {}
    for l in live:
        t = gsc_text(l.anchor)
        if t:
            texts[t] = texts.get(t, 0) + max(1, min(l.group_size, 500))
    ranked = sorted(texts.items(), key=lambda kv: (-kv[1], kv[0]))[:1000]
    text_rows = [["Rank", "Link text"]] + [[str(i + 1), t] for i, (t, _) in enumerate(ranked)]
    return latest_rows, site_rows, text_rows


def gsc_text(anchor: str) -> str:
    text = re.sub(r"[^\w]+", " ", anchor.lower()).replace("_", " ")
    return " ".join(text.split())


# --------------------------------------------------------------------------------------
# 4a. fietsplein.nl — competitor, Majestic
# --------------------------------------------------------------------------------------

MAJESTIC_HEADER = ["Target URL", "Source URL", "Anchor Text", "Source Crawl Date",
                   "Source First Found Date", "FlagNoFollow", "FlagImageLink", "FlagRedirect",
                   "FlagFrame", "FlagOldCrawl", "FlagAltText", "FlagMention",
                   "SourceCitationFlow", "SourceTrustFlow", "TargetCitationFlow",
                   "TargetTrustFlow", "SourceTopicalTrustFlow_Topic_0",
                   "SourceTopicalTrustFlow_Value_0", "RefDomainTopicalTrustFlow_Topic_0",
                   "RefDomainTopicalTrustFlow_Value_0"]


def build_fietsplein():
    r = random.Random(SEED + 4)
    site = site_fietsplein()
    names = Names(r, reserved=[site.domain, "fietsenvandijk.nl"])
    plan = [("nieuws", 62, 11, 70), ("blog", 95, 8, 60), ("mobiliteit", 28, 7, 30),
            ("gemeenschap", 24, 5, 20), ("forum", 14, 17, 90), ("gids", 34, 6, 30),
            ("review", 8, 8, 30), ("partner", 18, 10, 45), ("lokaal", 40, 5, 20),
            ("pers", 6, 5, 14), ("buitenland", 8, 3, 8), ("oud", 12, 2, 5)]
    domains, links = build_natural(r, site, plan, date(2022, 11, 7), date(2026, 10, 26),
                                   exact_frac=0.075, names=names,
                                   old_window=(date(2022, 11, 7), date(2023, 6, 30)))
    for dom in domains:
        dom.tf = max(0, min(62, int(float(dom.dr) * 0.7 + r.randint(-6, 8)) if dom.relevant else r.randint(0, 6)))
        dom.cf = max(dom.tf, min(70, dom.tf + r.randint(2, 18)))
        dom.topic = MAJESTIC_TOPIC[dom.kind]
    links.sort(key=lambda l: (-l.dom.tf, -l.dom.cf, l.dom.host, l.url, l.anchor))
    return site, domains, links


def majestic_rows(r: random.Random, site: Site, links):
    target_flow: dict[str, tuple] = {}
    rows = []
    for l in links:
        if l.target not in target_flow:
            home = l.target == site.home
            target_flow[l.target] = (r.randint(30, 36), r.randint(24, 30)) if home else (r.randint(8, 24), r.randint(4, 18))
        tcf, ttf = target_flow[l.target]
        old_crawl = l.lost is not None
        crawl = l.lost.date() - timedelta(days=r.randint(0, 20)) if old_crawl else l.last_seen.date()
        crawl = max(crawl, l.first_seen.date())
        stf = max(0, l.dom.tf - r.randint(0, 12))
        scf = max(stf, l.dom.cf - r.randint(0, 10))
        rows.append([
            ("s", l.target), ("s", l.url), ("s", l.anchor), ("d", ymd(crawl)),
            ("d", ymd(l.first_seen)), ("s", "+" if l.nofollow else ""),
            ("s", "+" if l.image else ""), ("s", ""), ("s", ""),
            ("s", "+" if old_crawl else ""), ("s", "+" if l.image and l.anchor else ""), ("s", ""),
            ("n", str(scf)), ("n", str(stf)), ("n", str(tcf)), ("n", str(ttf)),
            ("s", l.dom.topic), ("n", str(max(0, stf - r.randint(0, 6)))),
            ("s", l.dom.topic if r.random() < 0.7 else "Regional/Europe"),
            ("n", str(max(0, l.dom.tf - r.randint(0, 8))))])
    return rows


def majestic_bytes(rows) -> bytes:
    def q(x):
        return '"' + x.replace('"', '""') + '"'
    lines = [",".join(q(h) for h in MAJESTIC_HEADER)]
    for row in rows:
        lines.append(",".join(q(v) if t == "s" else v for t, v in row))
    return b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8")


# --------------------------------------------------------------------------------------
# 4b. ebikecentrum.nl — competitor, Moz
# --------------------------------------------------------------------------------------

MOZ_HEADER = ["URL", "Title", "Anchor Text", "Spam Score", "PA", "DA", "Linking Domains to Page",
              "Target URL", "Link Type", "Link State", "Date First Seen", "Date Last Seen",
              "Date Lost", "HTTP Status Code", "Links to Page", "Outbound Domains from Page",
              "Outbound Links from Page"]


def build_ebikecentrum():
    r = random.Random(SEED + 5)
    site = site_ebikecentrum()
    names = Names(r, reserved=[site.domain, "fietsenvandijk.nl", "fietsplein.nl"])
    plan = [("gids", 95, 8, 45), ("forum", 46, 13, 70), ("blog", 52, 6, 40), ("nieuws", 12, 5, 12),
            ("review", 18, 8, 35), ("partner", 10, 8, 30), ("lokaal", 22, 5, 12),
            ("mobiliteit", 8, 5, 10), ("oud", 24, 2, 6)]
    domains, links = build_natural(r, site, plan, date(2023, 6, 5), date(2026, 10, 27),
                                   exact_frac=0.20, names=names,
                                   old_window=(date(2023, 6, 5), date(2026, 6, 30)))
    for dom in domains:
        dom.da = max(1, min(70, int(float(dom.dr) * 0.9 + r.randint(-4, 6))))
        if dom.kind == "oud":
            dom.spam_score = r.randint(35, 81)
        elif r.random() < 0.07:
            dom.spam_score = None  # Moz writes --%
        else:
            dom.spam_score = r.choice([0, 1, 1, 2, 3, 4, 5, 7, 9, 12, 18])
    links.sort(key=lambda l: (-moz_pa(l), l.url, l.anchor))
    return site, domains, links


def moz_pa(l: Link) -> int:
    return max(1, min(70, int(l.dom.da * 0.6 + l.ur * 3)))


def moz_rows(r: random.Random, links):
    rows = []
    for l in links:
        strip = lambda u: re.sub(r"^https?://", "", u)
        first = "--" if r.random() < 0.025 else ymd(l.first_seen)
        rows.append([
            strip(l.url), l.title, l.anchor,
            "--%" if l.dom.spam_score is None else f"{l.dom.spam_score}%",
            str(moz_pa(l)), str(l.dom.da), str(l.page_refdomains + (1 if r.random() < 0.3 else 0)),
            strip(l.target), "nofollow" if l.nofollow else "follow",
            "lost" if l.lost else "active", first, ymd(l.last_seen),
            ymd(l.lost) if l.lost else "--",
            "" if r.random() < 0.06 else str(l.http if l.lost else 200),
            str(1 + (l.group_size if l.group_size > 1 else 0)),
            str(max(1, l.ext_links - l.ext_links // 4)), str(l.ext_links)])
    return rows


def moz_bytes(site: Site, rows) -> bytes:
    pre = [["-" * 36], ["Inbound Links for", f"www.{site.domain}"], ["Scope", "fqdn"],
           ["Sorted by", "Page Authority"], ["Filters:", "all links"], ["Anchor text", "all"],
           ["Source PLD", "all"], ["-" * 36], []]
    return csv_bytes(pre + [MOZ_HEADER] + rows, bom=b"\xef\xbb\xbf")


# --------------------------------------------------------------------------------------
# 5. a home-made spreadsheet (generic CSV), cp1252
# --------------------------------------------------------------------------------------

HAND_HEADER = ["Bron URL", "Ankertekst", "Doel URL", "Eerst gezien", "Opmerking"]
HAND_NOTES = {
    "nieuws": ["Artikel over de heropening – mooi stuk!", "Vermeld in lokaal nieuws",
               "Interview met Jeroen, café-gesprek", "Gevonden via Google Alerts"],
    "blog": ["Blogger heeft e-bike gekocht, tevreden klant", "Review geschreven na onderhoudsbeurt",
             "Vriendin van Sanne, linkt uit zichzelf", "Geen idee hoe ze ons vonden",
             "Blog over ideeën voor fietsvakanties"],
    "gids": ["Gratis vermelding", "Vermelding € 25 per jaar", "Betaalde vermelding (€ 49 p/j) – opzeggen?",
             "Bedrijfsgegevens gecontroleerd", "Oud adres, nog aanpassen!"],
    "forum": ["Klant noemt ons in forumtopic", "Forum, nofollow", "Vraag over accu's beantwoord"],
    "review": ["Reviews van klanten (gemiddeld 4,7)", "Vragen om meer beoordelingen", "Reviewsite"],
    "partner": ["Dealerpagina merk", "Erkend dealer sinds 2023", "Dealerlocator, geüpdatet"],
    "lokaal": ["Buurtondernemer, kennen we goed", "Ruilen links met de buren", "Lokale tip",
               "Leuk contact uit de wijk – café-overleg"],
    "gemeenschap": ["Sponsoring schoolfietsdag", "Fietscontrole op school, geregeld door Anouk",
                    "Vrijwilligers bedankt – sponsor", "Buurthuis, ideeënavond"],
    "mobiliteit": ["Artikel over duurzaam pendelen", "Ze citeren onze monteur", "Gastblog"],
    "vereniging": ["Lid ondernemersvereniging – link in footer op álle pagina's",
                   "Ondernemersvereniging, sitewide"],
    "sportclub": ["Sponsor WTC (€ 250 p/j), logo in zijbalk", "Clubsponsor, zijbalk"],
    "pers": ["Vakblad, interview", "Persbericht opgepikt"],
    "buitenland": ["Belgische blogger", "Engelstalige gids"],
    "oud": ["Rare site, negeren?", "Spam? Niet zelf aangevraagd"],
}


def hand_rows(r: random.Random, site: Site, links):
    by_dom: dict[str, list] = {}
    for l in links:
        by_dom.setdefault(l.dom.root, []).append(l)
    roots = list(by_dom)
    r.shuffle(roots)
    chosen = []
    for root in roots:
        ls = by_dom[root]
        ls = sorted(ls, key=lambda l: l.first_seen)[: (2 if ls[0].dom.kind in ("vereniging", "sportclub") else 1)]
        chosen.extend(ls)
        if len(chosen) >= 142:
            break
    rows = []
    for l in chosen:
        note = r.choice(HAND_NOTES[l.dom.kind]) if r.random() < 0.8 else ""
        rows.append([l.url, l.anchor, l.target, l.first_seen.strftime("%d-%m-%Y"), note, l.first_seen])
    # links the owner knows about that no tool found (newsletters, printed guides)
    extra = [
        ("https://www.wijkkrant-lombok.nl/editie-maart-2025.pdf", "Fietsen van Dijk", "Wijkkrant (pdf), pagina 4"),
        ("https://mailchi.mp/fietsdag-utrecht/nieuwsbrief-juni", "fietsenvandijk.nl", "Nieuwsbrief Fietsdag"),
        ("https://www.instagram.com/fietsenvandijk/", "link in bio", "Eigen Instagram – telt niet"),
        ("https://www.facebook.com/fietsenvandijkutrecht", "www.fietsenvandijk.nl", "Eigen Facebook-pagina"),
        ("https://www.linkedin.com/company/fietsen-van-dijk/", "Website", "LinkedIn bedrijfspagina"),
        ("https://www.google.com/maps/place/Fietsen+van+Dijk", "Website", "Google Bedrijfsprofiel"),
        ("https://www.marktplaats.nl/u/fietsen-van-dijk/12345678/", "fietsenvandijk.nl", "Occasions op Marktplaats, € 0"),
        ("https://www.ondernemersvereniging-lombok.nl/ledenlijst/", "Fietsen van Dijk", "Ledenlijst, zie ook footer"),
    ]
    for url, anchor, note in extra:
        day = day_between(r, date(2024, 1, 8), date(2026, 10, 15))
        rows.append([url, anchor, site.home, day.strftime("%d-%m-%Y"), note, at_time(r, day)])
    rows.sort(key=lambda x: (x[5], x[0]))
    rows = [x[:5] for x in rows]
    # what people type: a few rows without a date or with words instead of a date
    rows[17][3] = ""
    rows[60][3] = "onbekend"
    rows[111][3] = "voorjaar 2024"
    # a typed URL without scheme, as people do
    rows[33][0] = re.sub(r"^https?://", "", rows[33][0])
    return [HAND_HEADER] + rows


# --------------------------------------------------------------------------------------
# ground truth
# --------------------------------------------------------------------------------------


def norm_anchor(a: str) -> str:
    return " ".join(a.lower().split())


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekly_stats(links, start: date, end: date):
    """New links and new referring domains per ISO week (Monday start), with median/MAD."""
    first_dom: dict[str, date] = {}
    for l in links:
        d = l.first_seen.date()
        if l.dom.root not in first_dom or d < first_dom[l.dom.root]:
            first_dom[l.dom.root] = d
    weeks = []
    w = week_start(start)
    while w <= week_start(end):
        weeks.append(w)
        w += timedelta(days=7)
    nl = {w: 0 for w in weeks}
    nd = {w: 0 for w in weeks}
    for l in links:
        ws = week_start(l.first_seen.date())
        if ws in nl:
            nl[ws] += 1
    for d in first_dom.values():
        ws = week_start(d)
        if ws in nd:
            nd[ws] += 1

    def robust(series):
        vals = sorted(series.values())
        med = median(vals)
        mad = median(sorted(abs(v - med) for v in vals))
        return med, mad
    ml, madl = robust(nl)
    md, madd = robust(nd)
    return nl, nd, (ml, madl), (md, madd)


def median(vals):
    n = len(vals)
    if n == 0:
        return 0.0
    return float(vals[n // 2]) if n % 2 else (vals[n // 2 - 1] + vals[n // 2]) / 2


def profile_truth(site: Site, links, start: date, end: date):
    doms: dict[str, list] = {}
    for l in links:
        doms.setdefault(l.dom.root, []).append(l)
    kw = set(site.keywords)
    exact_dom = [d for d, ls in doms.items() if any(norm_anchor(l.anchor) in kw for l in ls)]
    exact_major = [d for d, ls in doms.items()
                   if sum(norm_anchor(l.anchor) in kw for l in ls) * 2 > len(ls)]
    classes: dict[str, int] = {}
    for l in links:
        classes[l.aclass] = classes.get(l.aclass, 0) + 1
    nl, nd, (ml, madl), (md, madd) = weekly_stats(links, start, end)
    kinds: dict[str, dict] = {}
    for l in links:
        kinds.setdefault(l.dom.kind, {})[l.dom.root] = True
    irrelevant = sorted({l.dom.root for l in links if not l.dom.relevant})
    return {
        "target": site.domain,
        "brand_terms": site.brand_terms,
        "money_keywords": site.keywords,
        "links": len(links),
        "referring_domains": len(doms),
        "first_seen_min": ymd(min(l.first_seen for l in links)),
        "first_seen_max": ymd(max(l.first_seen for l in links)),
        "lost_links": sum(l.lost is not None for l in links),
        "nofollow_links": sum(l.nofollow for l in links),
        "ugc_links": sum(l.ugc for l in links),
        "sponsored_links": sum(l.sponsored for l in links),
        "content_links": sum(l.content for l in links),
        "exact_match_domains": len(exact_dom),
        "exact_match_domain_share": round(len(exact_dom) / len(doms), 4),
        "exact_match_majority_domains": len(exact_major),
        "exact_match_link_share": round(sum(norm_anchor(l.anchor) in kw for l in links) / len(links), 4),
        "anchor_classes_by_link": dict(sorted(classes.items())),
        "weekly_new_links": {"median": ml, "mad": madl, "max": max(nl.values()),
                             "max_week": ymd(max(nl, key=lambda w: (nl[w], w)))},
        "weekly_new_domains": {"median": md, "mad": madd, "max": max(nd.values()),
                               "max_week": ymd(max(nd, key=lambda w: (nd[w], w)))},
        "top_domain_link_share": round(max(len(v) for v in doms.values()) / len(links), 4),
        "domains_by_kind": {k: len(v) for k, v in sorted(kinds.items())},
        "irrelevant_domains": len(irrelevant),
        "irrelevant_domain_share": round(len(irrelevant) / len(doms), 4),
    }


def healthy_truth(site, domains, links):
    t = profile_truth(site, links, date(2023, 1, 9), TODAY - timedelta(days=1))
    sw = {}
    for l in links:
        if l.dom.group == "sitewide-partner":
            e = sw.setdefault(l.dom.root, {"rows": 0, "max_links_in_group": 0, "why": ""})
            e["rows"] += 1
            e["max_links_in_group"] = max(e["max_links_in_group"], l.group_size)
            e["why"] = {"vereniging": "member list in the footer of the local business association",
                        "sportclub": "sponsor logo in the sidebar of the local cycling club"}[l.dom.kind]
    t["sitewide_partners"] = dict(sorted(sw.items()))
    t["old_irrelevant_domains"] = sorted({l.dom.root for l in links if l.dom.kind == "oud"})
    t["deep_target_links"] = sum(l.target.rstrip("/").count("/") > 2 for l in links)
    t["is_spam_links"] = sum(l.dom.spam for l in links)
    return t


def over_truth(site, domains, links):
    t = profile_truth(site, links, date(2024, 3, 4), TODAY - timedelta(days=1))
    nl, nd, _, _ = weekly_stats(links, date(2024, 3, 4), TODAY - timedelta(days=1))
    bursts = {}
    for g, (s_, e_) in BURSTS.items():
        in_window = [l for l in links if s_ <= l.first_seen.date() <= e_]
        new_doms = {l.dom.root for l in links if l.dom.group == g}
        weeks = [w for w in nl if week_start(s_) <= w <= week_start(e_)]
        bursts[g] = {"start": ymd(s_), "end": ymd(e_), "links_first_seen_in_window": len(in_window),
                     "new_domains": len(new_doms),
                     "weeks": [ymd(w) for w in weeks],
                     "weekly_new_links": [nl[w] for w in weeks],
                     "weekly_new_domains": [nd[w] for w in weeks],
                     "kinds": sorted({l.dom.kind for l in links if l.dom.group == g})}
    t["bursts"] = bursts
    burst_weeks = {w for e in bursts.values() for w in e["weeks"]}
    quiet_l = sorted(v for w, v in nl.items() if ymd(w) not in burst_weeks)
    quiet_d = sorted(v for w, v in nd.items() if ymd(w) not in burst_weeks)
    ml, md = median(quiet_l), median(quiet_d)
    t["weekly_outside_bursts"] = {
        "new_links_median": ml, "new_links_mad": median(sorted(abs(v - ml) for v in quiet_l)),
        "new_links_max": max(quiet_l),
        "new_domains_median": md, "new_domains_mad": median(sorted(abs(v - md) for v in quiet_d)),
        "new_domains_max": max(quiet_d)}
    net = {}
    for g, sub in NETWORK_SUBNETS.items():
        roots = sorted({l.dom.root for l in links if l.dom.group == g})
        net[g] = {"subnet": sub + ".0/24", "domains": roots}
    t["network"] = net
    t["network_shared_titles"] = NETWORK_TITLES
    sitewide_doms = sorted({l.dom.root for l in links if l.sitewide})
    t["sitewide_links"] = sum(l.sitewide for l in links)
    t["sitewide_domains"] = len(sitewide_doms)
    return t


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------


def generate(out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    truth: dict = {"reference_today": ymd(TODAY), "seed": SEED}

    site, domains, links = build_healthy()
    files["fietsenvandijk_ahrefs_backlinks.csv"] = ahrefs_bytes(ahrefs_rows(links))
    truth["fietsenvandijk_ahrefs_backlinks.csv"] = healthy_truth(site, domains, links)

    latest, sites_, texts = gsc_tables(random.Random(SEED + 3), links)
    files["fietsenvandijk_gsc_latest_links.csv"] = csv_bytes(latest, final_eol=False)
    files["fietsenvandijk_gsc_top_linking_sites.csv"] = csv_bytes(sites_, eol="\n", final_eol=False)
    files["fietsenvandijk_gsc_top_linking_text.csv"] = csv_bytes(texts, eol="\n", final_eol=False)
    truth["fietsenvandijk_gsc"] = {"latest_links_rows": len(latest) - 1,
                                   "top_linking_sites_rows": len(sites_) - 1,
                                   "top_linking_text_rows": len(texts) - 1,
                                   "top_site": sites_[1][0], "top_text": texts[1][1]}

    hand = hand_rows(random.Random(SEED + 6), site, links)
    files["fietsenvandijk_handmatig.csv"] = csv_bytes(hand, delimiter=";", encoding="cp1252")
    truth["fietsenvandijk_handmatig.csv"] = {
        "rows": len(hand) - 1, "encoding": "cp1252", "delimiter": ";",
        "rows_without_readable_date": [i + 1 for i, row in enumerate(hand[1:])
                                       if not re.fullmatch(r"\d\d-\d\d-\d{4}", row[3])],
        "dates_not_readable": {str(i + 2): row[3] for i, row in enumerate(hand[1:])
                               if not re.fullmatch(r"\d\d-\d\d-\d{4}", row[3])},
        "rows_with_url_without_scheme": [i + 1 for i, row in enumerate(hand[1:])
                                         if not row[0].startswith("http")]}

    site2, domains2, links2 = build_overoptimised()
    links2.sort(key=lambda l: (-(max(0, min(100, l.dom.ascore - r_int(l, 0, 8)))), l.url, l.target, l.anchor))
    files["snelle-ebikes_semrush_backlinks.csv"] = csv_bytes([SEMRUSH_HEADER] + semrush_backlink_rows(links2))
    files["snelle-ebikes_semrush_refdomains.csv"] = csv_bytes([SEMRUSH_RD_HEADER] + semrush_refdomain_rows(domains2, links2))
    truth["snelle-ebikes_semrush_backlinks.csv"] = over_truth(site2, domains2, links2)

    site3, domains3, links3 = build_fietsplein()
    files["fietsplein_majestic_backlinks.csv"] = majestic_bytes(majestic_rows(random.Random(SEED + 7), site3, links3))
    truth["fietsplein_majestic_backlinks.csv"] = profile_truth(site3, links3, date(2022, 11, 7), TODAY - timedelta(days=1))

    site4, domains4, links4 = build_ebikecentrum()
    files["ebikecentrum_moz_inbound_links.csv"] = moz_bytes(site4, moz_rows(random.Random(SEED + 8), links4))
    truth["ebikecentrum_moz_inbound_links.csv"] = profile_truth(site4, links4, date(2023, 6, 5), TODAY - timedelta(days=1))

    for name, data in files.items():
        truth.setdefault(name, {})["bytes"] = len(data)
    files["ground_truth.json"] = (json.dumps(truth, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    files["README.md"] = readme(truth).encode("utf-8")
    for name, data in files.items():
        (out / name).write_bytes(data)
    return truth


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def readme(t: dict) -> str:
    h = t["fietsenvandijk_ahrefs_backlinks.csv"]
    o = t["snelle-ebikes_semrush_backlinks.csv"]
    m = t["fietsplein_majestic_backlinks.csv"]
    z = t["ebikecentrum_moz_inbound_links.csv"]
    g = t["fietsenvandijk_gsc"]
    q = o["weekly_outside_bursts"]
    hand = t["fietsenvandijk_handmatig.csv"]
    kb = lambda name: f"{t[name]['bytes'] / 1024:,.0f} KB"
    sw = "\n".join(f"  - `{root}`: {e['rows']} rows, `Links in group` up to {e['max_links_in_group']} — {e['why']}"
                   for root, e in h["sitewide_partners"].items())
    bursts = "\n".join(
        f"  - `{g_}`: {e['start']} … {e['end']}: {e['new_domains']} new referring domains "
        f"({', '.join(e['kinds'])}), {e['links_first_seen_in_window']} links first seen in the window; "
        f"weekly new links {e['weekly_new_links']} and new domains {e['weekly_new_domains']} "
        f"(weeks starting {', '.join(e['weeks'])})"
        for g_, e in o["bursts"].items())
    net = "\n".join(f"  - `{g_}` on `{e['subnet']}` ({len(e['domains'])} domains): "
                    + ", ".join(f"`{d}`" for d in e["domains"]) for g_, e in o["network"].items())
    return f"""# Sample data — generated, Dutch market

Everything in this folder is written by `generate.py` (deterministic: fixed seeds, a fixed
reference "today" of **{t['reference_today']}**, bytes written with explicit line endings).
Do not edit the data files by hand: change the generator and run

    .venv/bin/python sample_data/generate.py

`tests/sample_data/test_generate.py` regenerates everything into a temporary folder and
checks that it is byte-identical to what is committed, and checks the properties below.
This README and `ground_truth.json` are generated too; the numbers below are measured from
the generated links. All sites, people and addresses are invented.

How the ground truth counts: a referring domain is the registrable domain of the source URL
(all invented hosts have a one-label public suffix); an anchor is **exact match** when its
lower-cased, whitespace-normalised text equals one of the profile's money keywords (listed in
`ground_truth.json`); weeks start on Monday; "MAD" is the median absolute deviation of the
weekly counts over the whole period (zero weeks included).

| file | what | vendor format and bytes | rows | size |
| --- | --- | --- | --- | --- |
| `fietsenvandijk_ahrefs_backlinks.csv` | fietsenvandijk.nl, HEALTHY | Ahrefs backlinks, 37 columns (2026); UTF-16 LE + BOM, TAB, every field quoted, LF | {h['links']:,} | {kb('fietsenvandijk_ahrefs_backlinks.csv')} |
| `snelle-ebikes_semrush_backlinks.csv` | snelle-ebikes.nl, OVER-OPTIMISED | Semrush Backlink Analytics backlinks, 19 columns; UTF-8 no BOM, comma, minimal quoting, CRLF, `true`/`false`, `YYYY-MM-DD` | {o['links']:,} | {kb('snelle-ebikes_semrush_backlinks.csv')} |
| `snelle-ebikes_semrush_refdomains.csv` | its referring domains | Semrush referring domains, 7 columns; same bytes as above | {o['referring_domains']:,} | {kb('snelle-ebikes_semrush_refdomains.csv')} |
| `fietsenvandijk_gsc_latest_links.csv` | GSC → Links → Latest links | `Linking page,Last crawled`; UTF-8, CRLF, no final newline | {g['latest_links_rows']:,} | {kb('fietsenvandijk_gsc_latest_links.csv')} |
| `fietsenvandijk_gsc_top_linking_sites.csv` | GSC → Top linking sites | `Site,Linking pages,Target pages`; UTF-8, LF, no final newline | {g['top_linking_sites_rows']:,} | {kb('fietsenvandijk_gsc_top_linking_sites.csv')} |
| `fietsenvandijk_gsc_top_linking_text.csv` | GSC → Top linking text | `Rank,Link text` (lower-cased, punctuation stripped); UTF-8, LF, no final newline | {g['top_linking_text_rows']:,} | {kb('fietsenvandijk_gsc_top_linking_text.csv')} |
| `fietsplein_majestic_backlinks.csv` | competitor fietsplein.nl | Majestic backlinks download, 20 columns; UTF-8 + BOM, comma, strings quoted (header too), numbers/dates bare, CRLF | {m['links']:,} | {kb('fietsplein_majestic_backlinks.csv')} |
| `ebikecentrum_moz_inbound_links.csv` | competitor ebikecentrum.nl | Moz Link Explorer inbound links; UTF-8 + BOM, CRLF, 9 preamble lines, 17-column header on line 10 | {z['links']:,} | {kb('ebikecentrum_moz_inbound_links.csv')} |
| `fietsenvandijk_handmatig.csv` | the shop's own link list | generic CSV: cp1252, `;`, CRLF, Dutch headers, day-first dates `25-11-2024` | {hand['rows']} | {kb('fietsenvandijk_handmatig.csv')} |
| `ground_truth.json` | the numbers below, machine-readable | UTF-8 JSON | | |

## 1. fietsenvandijk.nl — healthy (Ahrefs)

"Fietsen van Dijk", a bike and e-bike shop with workshop in Utrecht-Lombok. Brand terms
`Fietsen van Dijk`, `fietsenvandijk`; money keywords
{', '.join(f'`{k}`' for k in h['money_keywords'])}.

- {h['links']:,} links from {h['referring_domains']} referring domains, first seen
  {h['first_seen_min']} … {h['first_seen_max']}: local news, cycling and family blogs, mobility and
  sustainability sites, schools and neighbourhood sites, forums, directories, review sites,
  dealer locators of bike brands, local businesses, trade press, a few Belgian/English pages.
- Anchors: exact match on {h['exact_match_domains']} of {h['referring_domains']} domains
  (**{pct(h['exact_match_domain_share'])}**), {pct(h['exact_match_link_share'])} of links; by link:
  {', '.join(f'{k} {v}' for k, v in h['anchor_classes_by_link'].items())}
  (generator's own classes; `other` = natural phrases such as "deze fietsenmaker in Utrecht").
- Placement: {h['content_links']:,} of {h['links']:,} links have `Content`=true
  ({pct(h['content_links'] / h['links'])}); {h['nofollow_links']} nofollow
  ({pct(h['nofollow_links'] / h['links'])}), {h['ugc_links']} ugc (forum posts, blog comments),
  {h['sponsored_links']} sponsored (paid directory listings).
- Steady growth, no bursts: new links per week median {h['weekly_new_links']['median']:g}
  (MAD {h['weekly_new_links']['mad']:g}, max {h['weekly_new_links']['max']} in the week of
  {h['weekly_new_links']['max_week']}); new referring domains per week median
  {h['weekly_new_domains']['median']:g} (MAD {h['weekly_new_domains']['mad']:g}, max
  {h['weekly_new_domains']['max']}).
- Two explainable sitewide partners (template links, not a network):
{sw}
- {h['lost_links']} lost links (`Lost status`, `Lost` date); {h['deep_target_links']} links point to deep
  pages (`/e-bikes/`, `/werkplaats/onderhoud/`, `/bakfietsen/` ...); some 2023 links point to
  `http://` or non-www URLs and carry a redirect chain.
- A few old irrelevant links (site-info and link-list pages, first seen in 2023, many lost):
  {', '.join(f'`{d}`' for d in h['old_irrelevant_domains'])}; {h['is_spam_links']} rows have `Is spam`=true.
- Largest single domain: {pct(h['top_domain_link_share'])} of links. Domains by kind (generator's
  own labels; all but `oud` are on-topic for a Utrecht bike shop):
  {', '.join(f'{k} {v}' for k, v in h['domains_by_kind'].items())}.
- Expected outcome of the profile review: `healthy`.

## 2. snelle-ebikes.nl — over-optimised (Semrush)

An e-bike webshop. Brand terms `snelle e-bikes`, `snelle-ebikes`; money keywords
{', '.join(f'`{k}`' for k in o['money_keywords'])}.

- {o['links']:,} links from {o['referring_domains']} referring domains, first seen
  {o['first_seen_min']} … {o['first_seen_max']}; {o['lost_links']} lost (`Lost link`=true).
- Exact-match anchors on **{o['exact_match_domains']} of {o['referring_domains']} domains
  ({pct(o['exact_match_domain_share'])})** — on {o['exact_match_majority_domains']} domains they are the
  majority of the domain's links; {pct(o['exact_match_link_share'])} of all links.
- Two unexplained bursts:
{bursts}
  Outside the burst weeks: new links per week median {q['new_links_median']:g}
  (MAD {q['new_links_mad']:g}, max {q['new_links_max']}), new referring domains per week median
  {q['new_domains_median']:g} (MAD {q['new_domains_mad']:g}, max {q['new_domains_max']}).
- Footer and sitewide links: {o['sitewide_links']:,} rows with `Sitewide`=true on
  {o['sitewide_domains']} domains (paid footers on unrelated small-business sites, the network's
  blogroll, casino/crypto sidebars), each repeated on many pages of the same domain.
- Irrelevant sources: {o['irrelevant_domains']} domains ({pct(o['irrelevant_domain_share'])}) are casino, crypto, link directories
  (`fietsen.linkpagina.nl`-style subdomains), foreign spam (`.xyz`, `.top` ...), article-spinning
  blogs with unrelated titles and unrelated small-business sites with paid footers.
  Domains by kind: {', '.join(f'{k} {v}' for k, v in o['domains_by_kind'].items())}.
- A network of 25 blog domains, all on two /24 subnets (see the refdomains file's `IP Address`),
  publishing the same article titles ({', '.join(f'"{x}"' for x in o['network_shared_titles'][:3])} ...)
  with exact-match anchors, plus a sitewide blogroll link:
{net}
  Every other referring domain has a /24 of its own.
- Expected outcome: `intervene`, with `keyword_anchors`, `link_bursts`, `boilerplate_placement`,
  `irrelevant_sources` and `repeated_sources` all flagged.

## 3. Google Search Console (fietsenvandijk.nl)

Consistent with profile 1 (live links only): the latest-links table lists
{g['latest_links_rows']} linking pages, each also a `Referring page URL` in the Ahrefs file, most recently
crawled first; the top-linking-sites table has {g['top_linking_sites_rows']} sites (registrable
domains; the sitewide partners count all their pages, top: `{g['top_site']}`); the
top-linking-text table has {g['top_linking_text_rows']} texts (top: `{g['top_text']}`). No anchors per link,
no rel, no first-seen dates: velocity cannot be measured from these files.

## 4. Competitors

- `fietsplein_majestic_backlinks.csv` — fietsplein.nl (Nieuwegein): {m['links']:,} links from
  {m['referring_domains']} domains, first seen {m['first_seen_min']} … {m['first_seen_max']}; more
  editorial news and blog mentions; exact match on {pct(m['exact_match_domain_share'])} of domains
  (keywords {', '.join(f'`{k}`' for k in m['money_keywords'])}). Flags are `"+"` when set and `""`
  when not (Majestic: empty = false); `FlagOldCrawl` marks the {m['lost_links']} links no longer found.
- `ebikecentrum_moz_inbound_links.csv` — ebikecentrum.nl (Utrecht): {z['links']:,} links from
  {z['referring_domains']} domains, first seen {z['first_seen_min']} … {z['first_seen_max']}; many
  directories and forums; exact match on {pct(z['exact_match_domain_share'])} of domains (more than
  fietsenvandijk, fewer than snelle-ebikes; keywords {', '.join(f'`{k}`' for k in z['money_keywords'])}).
  URLs without scheme, `Spam Score` `4%` or `--%`, `Date Lost` `--` while active, a few
  `Date First Seen` `--`, `Link State` `active`/`lost`, some empty `HTTP Status Code`.

## 5. fietsenvandijk_handmatig.csv — generic CSV

The shop's own spreadsheet, saved from Excel on Windows: cp1252 (é, ë, á, € in the notes), `;`,
CRLF, headers `Bron URL;Ankertekst;Doel URL;Eerst gezien;Opmerking`, dates `DD-MM-YYYY`.
{hand['rows']} rows; mostly links also in the Ahrefs file, plus a few Ahrefs cannot see (pdf,
newsletter, social profiles). Data rows (1-based, after the header) without a readable date:
{hand['rows_without_readable_date']}, i.e. file lines (header = line 1) and their values:
{', '.join(f'line {k} `{v}`' if v else f'line {k} empty' for k, v in hand['dates_not_readable'].items())};
a URL typed without scheme in data row {hand['rows_with_url_without_scheme']}.

## Assumptions beyond `../shared/formats.md`

- Ahrefs `Page type` values (`article`, `category`, `forum`, `profile`, `listing`, `review`,
  `homepage`, `other`) and `Page category` paths are invented in the style described there.
- Majestic flag values: `+` when set (formats.md only says non-empty = set); header quoted like
  the real Majestic referring-domains export.
- Moz preamble values after `Inbound Links for`/`Scope` (`Sorted by,Page Authority`,
  `Filters:,all links`), date format `YYYY-MM-DD` and `Link State` `lost` are assumptions.
- Semrush referring-domains `Country` is a lower-case ISO code.
- GSC: latest links CRLF (like the 2020 real file), the two other tables LF (like the 2026 one).
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: sample_data/)")
    args = parser.parse_args(argv)
    truth = generate(args.out)
    for name, info in truth.items():
        if isinstance(info, dict) and "bytes" in info:
            print(f"{name:45s} {info['bytes']:>10,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
