"""Fit the placement model on the 88 labelled pages, and say honestly how well it does on pages it never saw.

    .venv/bin/pip install scikit-learn      # training only; the app reads the weights from a data file
    .venv/bin/python bench/train_placement.py [--folds 8] [--write]

Cross-validation is grouped by site: every fold holds out whole sites (73 sites, 88 pages), the
model and its decision threshold are fitted on the other folds only, and the held-out fold is
scored. The figures printed are those held-out predictions pooled: precision, recall and F1 of
`content`. `--write` then fits on all pages and writes framework/inspect/data/placement_model.toml.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_placement import load  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from linkwijzer.inspect._link_features import FEATURES, link_features  # noqa: E402
from linkwijzer.inspect._placement import Page  # noqa: E402
from linkwijzer.inspect.read import _anchors  # noqa: E402

MODEL = ROOT / "framework" / "inspect" / "data" / "placement_model.toml"
C = 1.0  # L2 strength, fixed up front (not searched), so that no choice is made on the scored pages


def site(url: str) -> str:
    return url.split("/")[2].lower().removeprefix("www.")


def dataset() -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Features and labels of every labelled link, the site of its page (the CV group), and the number of pages."""
    labels, pages = load()
    xs, ys, groups = [], [], []
    for pid, rows in labels.items():
        tree = LexborHTMLParser(pages[pid])
        links = tree.css("a[href]")
        anchors, _ = _anchors(links)
        features, chosen, _ = link_features(Page(tree, site(rows[0]["url"])), links, anchors)
        where = {link: k for k, link in enumerate(chosen)}
        for row in rows:
            k = where.get(row["link_idx"])
            # a link outside the main block is never running text: it has no features and is
            # scored as a miss when it is content (recall counts it), never trained on
            xs.append(features[k] if k is not None else np.full(len(FEATURES), np.nan))
            ys.append(row["label"] == "content")
            groups.append(site(row["url"]))
    return np.array(xs), np.array(ys), np.array(groups), len(labels)


def fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    keep = ~np.isnan(x[:, 0])
    x, y = x[keep], y[keep]
    model = LogisticRegression(C=C, max_iter=2000).fit(x, y)
    scores = model.decision_function(x)
    # the threshold that gives the best F1 on the training links themselves
    best, threshold = -1.0, 0.0
    for t in np.unique(np.quantile(scores, np.linspace(0.0, 1.0, 501))):
        f = f1(scores >= t, y)[2]
        if f > best:
            best, threshold = f, float(t)
    return model, threshold


def predict(model, threshold: float, x: np.ndarray) -> np.ndarray:
    """Running text or not; links outside the main block (no features) are not."""
    out = np.zeros(len(x), dtype=bool)
    keep = ~np.isnan(x[:, 0])
    if keep.any():
        out[keep] = model.decision_function(x[keep]) >= threshold
    return out


def f1(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    tp = int((predicted & truth).sum())
    fp = int((predicted & ~truth).sum())
    fn = int((~predicted & truth).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(x, y, groups, folds: int) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    predicted = np.zeros(len(y), dtype=bool)
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        model, threshold = fit(x[train], y[train])
        predicted[test] = predict(model, threshold, x[test])
    return predicted


def write(model, threshold: float, n_links: int, n_pages: int, n_sites: int) -> None:
    lines = [
        "# The placement model: a logistic regression over the general evidence of",
        "# framework/inspect/_link_features.py. A link is running text (content) when",
        "#   bias + sum(weight * feature) >= threshold.",
        f"# Written by bench/train_placement.py on {date.today()} from {n_links} labelled links on",
        f"# {n_pages} pages of {n_sites} sites (../shared/data/placement); the cross-validated figures",
        "# are in the README.",
        "# Positive weights pull a link towards running text, negative ones towards boilerplate.",
        "",
        f"bias = {float(model.intercept_[0]):.4f}",
        f"threshold = {threshold:.4f}",
        "",
        "[weights]",
    ]
    lines += [f"{name} = {w:.4f}" for name, w in zip(FEATURES, model.coef_[0])]
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=8)
    parser.add_argument("--write", action="store_true", help="fit on all pages and write the model file")
    args = parser.parse_args()
    x, y, groups, n_pages = dataset()
    inside = ~np.isnan(x[:, 0])
    print(f"{len(y)} labelled links ({int(y.sum())} content) on {n_pages} pages of {len(set(groups))} sites; "
          f"{int(inside.sum())} in the main block ({int(y[inside].sum())} content); {len(FEATURES)} features")
    p, r, f = f1(cross_validate(x, y, groups, args.folds), y)
    print(f"{args.folds}-fold cross-validation grouped by site: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    model, threshold = fit(x, y)
    p, r, f = f1(predict(model, threshold, x), y)
    print(f"fitted on all pages, scored on them (optimistic, for reference): P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for name, w in sorted(zip(FEATURES, model.coef_[0]), key=lambda item: -abs(item[1])):
        print(f"  {name:24s} {w:+.3f}")
    if args.write:
        write(model, threshold, len(y), n_pages, len(set(groups)))
        print(f"written: {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
