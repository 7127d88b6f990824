"""Placement of every link: the model in data/placement_model.toml weighs the evidence of _link_features."""

# A logistic regression fitted by bench/train_placement.py, cross-validated by site. It only
# decides running text or not; a link that is not running text is named by the nearest HTML5
# tag, ARIA role or class/id word that names a part, else by where it stands against the main
# text (_layout), else `unknown`.

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from linkwijzer.datafiles import DataFileError, load_toml
from linkwijzer.inspect._layout import Layout
from linkwijzer.inspect._link_features import FEATURES, link_features, link_text
from linkwijzer.inspect._placement import NAMED, Page

MODEL = Path(__file__).with_name("data") / "placement_model.toml"
_MENU_DENSITY = 0.5


@dataclass(frozen=True)
class Model:
    weights: np.ndarray
    bias: float
    threshold: float


@cache
def model() -> Model:
    data = load_toml(MODEL)
    try:
        weights = data["weights"]
        missing = [name for name in FEATURES if name not in weights]
        if missing or len(weights) != len(FEATURES):
            raise KeyError(f"weights must name exactly: {', '.join(FEATURES)}")
        return Model(np.array([float(weights[name]) for name in FEATURES]), float(data["bias"]),
                     float(data["threshold"]))
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(MODEL, str(error), "missing or malformed entry") from None


def placements(page: Page, links: list, anchors: list[str] | None = None) -> list[str]:
    """One placement per link, in the order given; ``anchors`` are the links' texts when the caller has them."""
    if not links:
        return []
    x, chosen, blocks = link_features(page, links, anchors)
    m = model()
    text = set(np.array(chosen)[(x @ m.weights + m.bias) >= m.threshold].tolist()) if chosen else set()
    layout = Layout(page.main_nodes)
    out = []
    for i, link in enumerate(links):
        block = blocks[i]
        if i in text:
            out.append("content_list" if block is not None and block.tag == "li" else "content")
            continue
        kind = page.info(link.parent)[3] if link.parent is not None else None
        if kind is None:
            kind = layout.kind(block, _menu(block))
        out.append(kind if kind in NAMED else "unknown")
    return out


def _menu(block) -> bool:
    """A run of three links or more that is mostly link text."""
    if block is None:
        return False
    _, length, linked, links = link_text(block)
    return links >= 3 and linked >= _MENU_DENSITY * length


__all__ = ["MODEL", "model", "placements"]
