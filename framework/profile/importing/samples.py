"""The bundled sample profiles, grouped the way a user would load them, for the app and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.resources import sample_dir

SAMPLE_DIR = sample_dir()


@dataclass(frozen=True)
class SampleSet:
    id: str
    site: str
    files: tuple[str, ...]
    brand: tuple[str, ...]
    keywords: tuple[str, ...]
    topics: tuple[str, ...]

    def paths(self) -> list[Path]:
        return [SAMPLE_DIR / name for name in self.files]

    def settings(self, **changes) -> ProfileSettings:
        """The settings a user of this sample would type, with ``changes`` on top."""
        return ProfileSettings(**{"site": self.site, "brand": self.brand, "keywords": self.keywords,
                                  "topics": self.topics, **changes})


_FIETSENVANDIJK = dict(site="fietsenvandijk.nl", brand=("Fietsen van Dijk", "fietsenvandijk"),
                       keywords=("fietsenmaker utrecht", "e-bike kopen", "e-bike onderhoud", "bakfiets kopen"),
                       topics=("fiets", "e-bike", "bakfiets", "fietsenmaker", "onderhoud", "utrecht", "mobiliteit"))

def load_sample(sample_id: str):
    """The sample's files imported (cached: the files never change while the program runs)."""
    return _load(sample_id)


@cache
def _load(sample_id: str):
    from linkwijzer.profile.importing.importer import import_files  # pandas and pyarrow: only when a sample is used

    return import_files([(p.name, p) for p in SAMPLES[sample_id].paths()], lang="en")


SAMPLES = {
    s.id: s for s in (
        SampleSet("healthy", files=("fietsenvandijk_ahrefs_backlinks.csv",), **_FIETSENVANDIJK),
        SampleSet("overoptimised", site="snelle-ebikes.nl",
                  files=("snelle-ebikes_semrush_backlinks.csv", "snelle-ebikes_semrush_refdomains.csv"),
                  brand=("Snelle E-bikes", "snelle-ebikes"),
                  keywords=("e-bike kopen", "goedkope e-bike", "beste e-bike", "elektrische fiets kopen"),
                  topics=("e-bike", "elektrische fiets", "fiets", "accu")),
        SampleSet("gsc", files=("fietsenvandijk_gsc_latest_links.csv", "fietsenvandijk_gsc_top_linking_sites.csv",
                                "fietsenvandijk_gsc_top_linking_text.csv"), **_FIETSENVANDIJK),
        SampleSet("own_list", files=("fietsenvandijk_handmatig.csv",), **_FIETSENVANDIJK),
        SampleSet("competitor_fietsplein", site="fietsplein.nl", files=("fietsplein_majestic_backlinks.csv",),
                  brand=("Fietsplein", "fietsplein"), keywords=_FIETSENVANDIJK["keywords"],
                  topics=_FIETSENVANDIJK["topics"]),
        SampleSet("competitor_ebikecentrum", site="ebikecentrum.nl", files=("ebikecentrum_moz_inbound_links.csv",),
                  brand=("E-bike Centrum", "ebikecentrum"), keywords=_FIETSENVANDIJK["keywords"],
                  topics=_FIETSENVANDIJK["topics"]),
    )
}
