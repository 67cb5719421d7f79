"""Choose the combination on validation, then print the held-out figures (issue #13). Caches under .cache-13/.

python analysis.py linear   # fit linear candidates on train, compare on validation (cached logits)
python analysis.py final    # export the chosen linear model, stack on validation, bars, test table
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))
import experiment as X  # noqa: E402
import train as T  # noqa: E402
from rows import E5_CAPS, read_rows, read_val_middle  # noqa: E402

from moderation.classifier.combine import Combination, stack_features  # noqa: E402
from moderation.classifier.linear import LinearModel, guess_language  # noqa: E402

CACHE = X.CACHE
REVIEW_LIKE = ("clothing_en", "finefood_en", "amazon_fr", "babelio_fr")
PRODUCT = ("clothing_en", "finefood_en", "amazon_fr")  # Babelio's 1–2★ book reviews are often mild: reported apart
SHORT = 40


def key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def e5_cache() -> dict[str, float]:
    path = CACHE / "e5_probs.jsonl"
    return {d["k"]: d["p"] for d in map(json.loads, path.read_text().splitlines()) if d}


def balanced_acc(p, y, thr=0.5):
    pred = p >= thr
    recalls = [float((pred[y == v] == v).mean()) for v in (True, False) if (y == v).any()]
    return sum(recalls) / len(recalls)


def per_source_bacc(p, y, src, thr=0.5):
    return {s: balanced_acc(p[src == s], y[src == s], thr) for s in np.unique(src)}


def linear_candidates() -> None:
    train, vocab, (texts, labels, sources), ev, rows = X.counts_cached()
    split = np.array([r["split"] for r in rows])
    src = np.array([r["source"] for r in rows])
    y = np.array([r["is_negative"] for r in rows], dtype=object)
    val = split == "val"
    yv = y[val].astype(bool)
    idf = T.smooth_idf(train)
    xtr = T.tfidf(train, idf)
    xev = T.tfidf(ev, idf)
    weights_by_power = {}
    results = {}
    out = CACHE / "linear_candidates.json"
    if out.exists():
        results = json.loads(out.read_text())
    for power, c in ((0.5, 4.0), (0.5, 1.0), (0.5, 16.0), (1.0, 4.0), (0.0, 4.0)):
        name = f"p{power}_C{c}"
        if name in results:
            continue
        w = weights_by_power.setdefault(power, T.source_weights(labels, sources, power))
        coef, b = T.fit_logistic(xtr, labels, w, c)
        z = xev[val] @ coef + b
        p = 1 / (1 + np.exp(-z))
        per = per_source_bacc(p, yv, src[val])
        results[name] = {
            "mean_bacc": float(np.mean(list(per.values()))),
            "review_like": float(np.mean([per[s] for s in REVIEW_LIKE])),
            "per_source": per,
        }
        print(name, json.dumps(results[name]), flush=True)
        out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    if sys.argv[1] == "linear":
        linear_candidates()


# ---------------------------------------------------------------- final: stack, bars, test table
def fit_stack(features, y, groups, l2: float = 1e-3):
    """Weighted logistic regression (every group the same total weight) → [w..., bias]."""
    from sklearn.linear_model import LogisticRegression

    w = np.zeros(len(y))
    for g in np.unique(groups):
        w[groups == g] = 1.0 / (groups == g).sum()
    w *= len(y) / w.sum()
    model = LogisticRegression(C=1.0 / l2 / len(y), max_iter=1000)
    model.fit(features, y, sample_weight=w)
    return [*map(float, model.coef_[0]), float(model.intercept_[0])]


def platt_rows(z, y, groups):
    """Per-language Platt of one logit: the same fit with a single feature, returned as [w_e5=0, w_lin, bias]."""
    w_lin, bias = fit_stack(z[:, None], y, groups)
    return w_lin, bias


def choose_label_threshold(p, y, groups, max_false_alarm=0.10):
    best, best_score = 0.99, -1.0
    for step in range(50):
        thr = round(0.5 + step * 0.01, 2)
        fa = np.mean(
            [float((p[(groups == g) & ~y] >= thr).mean()) for g in np.unique(groups) if ((groups == g) & ~y).any()]
        )
        if fa > max_false_alarm:
            continue
        score = np.mean([balanced_acc(p[groups == g], y[groups == g], thr) for g in np.unique(groups)])
        if score > best_score + 1e-6:
            best, best_score = thr, score
    return best


def final() -> None:
    data = HERE.parents[2] / "data" / "eval"
    shared = Path("/work/shared/data")
    e5 = e5_cache()
    model_path = CACHE / "linear_final.npz"
    params = json.loads((CACHE / "linear_choice.json").read_text())
    if not model_path.exists():
        texts, labels, sources = T.read_train(data)
        train, vocab, _, _, _ = X.counts_cached()
        model = T.train_linear(texts, labels, sources, counts=train, vocabulary=vocab, **params)
        model.save(model_path)
    linear = LinearModel.load(model_path)
    rows = read_rows(data, E5_CAPS["val"], E5_CAPS["test"]) + read_val_middle(shared)
    rows = [r for r in rows if key(r["text"]) in e5]
    z_cache = CACHE / "linear_final_logits.json"
    zc = json.loads(z_cache.read_text()) if z_cache.exists() else {}
    missing = [r["text"] for r in rows if key(r["text"]) not in zc]
    if missing:
        for t, z in zip(missing, linear.logits(missing), strict=True):
            zc[key(t)] = float(z)
        z_cache.write_text(json.dumps(zc))
    split = np.array([r["split"] for r in rows])
    src = np.array([r["source"] for r in rows])
    lang = np.array([r["lang"] for r in rows])
    glang = np.array([guess_language(r["text"]) for r in rows])
    short = np.array([len(r["text"].strip()) < SHORT for r in rows])
    y = np.array([bool(r["is_negative"]) for r in rows])
    has_y = np.array([r["is_negative"] is not None for r in rows])
    stars = np.array([np.nan if r["stars"] is None else r["stars"] for r in rows])
    pe = np.array([e5[key(r["text"])] for r in rows])
    zl = np.array([zc[key(r["text"])] for r in rows])
    feats = stack_features(pe, zl)
    val = split == "val"
    print(
        "language guess vs source language (all rows):",
        {g: float((glang[lang == g] == g).mean()) for g in ("fr", "en")},
    )
    print("val rows per source:", {s: int((val & (src == s)).sum()) for s in np.unique(src[val])})

    # --- candidates, compared by 5-fold cross-validation on validation (mean over sources of balanced accuracy)
    rng = np.random.default_rng(13)
    fold = rng.integers(0, 5, len(rows))

    def cv(kind: str) -> dict:
        p = np.full(len(rows), np.nan)
        for k in range(5):
            fit = val & (fold != k)
            pred = val & (fold == k)
            for g in ("fr", "en"):
                f, t = fit & (glang == g), pred & (glang == g)
                if kind == "e5":
                    p[t] = pe[t]
                    continue
                cols = {"linear": [1], "stack": [0, 1], "mean": None}[kind.split("+")[0]]
                if cols is None:  # plain mean of the two logits, then per-language Platt
                    zz = feats[:, :1] + feats[:, 1:]
                else:
                    zz = feats[:, cols]
                if kind.endswith("+short"):
                    zz = np.column_stack([zz, zz * short[:, None], short])
                w = fit_stack(zz[f], y[f], src[f])
                p[t] = 1 / (1 + np.exp(-(zz[t] @ np.array(w[:-1]) + w[-1])))
        per = per_source_bacc(p[val], y[val], src[val])
        rev = [per[s] for s in REVIEW_LIKE if s in per]
        per_short = balanced_acc(p[val & short], y[val & short])
        return {
            "mean_bacc": round(float(np.mean(list(per.values()))), 4),
            "review_like": round(float(np.mean(rev)), 4),
            "short_bacc": round(per_short, 4),
            "per_source": {s: round(v, 4) for s, v in per.items()},
        }

    cv_file = CACHE / "cv.json"
    cv_results = json.loads(cv_file.read_text()) if cv_file.exists() else {}
    for kind in ("e5", "linear", "mean", "stack", "stack+short"):
        if kind not in cv_results:
            cv_results[kind] = cv(kind)
        print("CV", kind, json.dumps(cv_results[kind]), flush=True)
    cv_file.write_text(json.dumps(cv_results, indent=1))

    # --- chosen on that CV: the plain sum of the two logits, Platt-scaled per language (as good as a free
    # stack on review-like sources, one weight fewer); no separate weights for short texts (no gain in CV).
    variants: dict[str, np.ndarray] = {"e5": pe}
    combination = Combination(weights={}, label_threshold={})
    p_lin = np.full(len(rows), np.nan)
    p_comb = pe.copy()  # other languages: e5 alone
    linear_platt = {}
    for g in ("fr", "en"):
        f = val & (glang == g)
        zs = feats[:, 0] + feats[:, 1]
        a, b = fit_stack(zs[f][:, None], y[f], src[f])
        combination.weights[g] = [round(a, 5), round(a, 5), round(b, 5)]
        m = glang == g
        p_comb[m] = 1 / (1 + np.exp(-(a * zs[m] + b)))
        al, bl = fit_stack(feats[f][:, 1:], y[f], src[f])
        linear_platt[g] = [al, bl]
        p_lin[m] = 1 / (1 + np.exp(-(al * feats[m, 1] + bl)))
    p_lin[np.isnan(p_lin)] = 1 / (1 + np.exp(-feats[np.isnan(p_lin), 1]))
    variants["linear"] = p_lin
    variants["combined"] = p_comb
    thresholds = {"e5": {"fr": 0.55, "en": 0.55, "other": 0.55}}
    for name in ("linear", "combined"):
        thresholds[name] = {"other": 0.55}
        for g in ("fr", "en"):
            f = val & (glang == g)
            thresholds[name][g] = choose_label_threshold(variants[name][f], y[f], src[f])
    combination.label_threshold = {g: thresholds["combined"][g] for g in ("fr", "en")}
    print("combination", json.dumps(combination.to_dict()), "linear platt", linear_platt, "thresholds", thresholds)

    # --- policy bars on review-like validation (stars; Amazon.fr's neg/pos stand for ≤2★/≥4★)
    rl = np.isin(src, REVIEW_LIKE)
    low = has_y & y
    high = has_y & ~y
    grid = [round(0.2 + 0.01 * i, 2) for i in range(80)]
    unrated_pos = val & np.isin(src, ("amazon_fr", "allocine_fr", "hotel_en")) & high
    bars = {}
    for name, p in variants.items():

        def rate(mask, bar, p=p, sources=REVIEW_LIKE):
            per = [float((p[mask & (src == s)] >= bar).mean()) for s in sources if (mask & (src == s)).any()]
            return float(np.mean(per)), float(np.max(per))

        ok_high = [b for b in grid if rate(val & rl & high, b)[1] <= 0.05]
        bar_high = ok_high[0] if ok_high else 0.99
        ok_low = [b for b in grid if rate(val & low, b, sources=PRODUCT)[0] >= 0.93]
        bar_low = ok_low[-1] if ok_low else 0.2
        mid = split == "val_mid"
        bars[name] = {
            "high": bar_high,
            "low": bar_low,
            "val_45_flagged_mean_max": rate(val & rl & high, bar_high),
            "val_12_caught_product_mean": rate(val & low, bar_low, sources=PRODUCT)[0],
            "val_12_caught_product_at_0.5": rate(val & low, 0.5, sources=PRODUCT)[0],
            "val_12_caught_babelio_at_low": float((p[val & low & (src == "babelio_fr")] >= bar_low).mean()),
            "val_unrated_positives_flagged_at_low": float((p[unrated_pos] >= bar_low).mean()),
            "val_unrated_positives_flagged_at_0.5": float((p[unrated_pos] >= 0.5).mean()),
            "val_45_flagged_at_0.7_mean_max": rate(val & rl & high, 0.7),
            "val_3star_case_rate_at_high": float((p[mid] >= bar_high).mean()),
            "val_3star_case_rate_at_0.7": float((p[mid] >= 0.7).mean()),
            "val_45_mismatch_at_0.9": rate(val & rl & high, 0.9)[0],
        }
        print("bars", name, json.dumps(bars[name]), flush=True)

    # --- held-out test table
    test = split == "test"
    table = []
    for name, p in variants.items():
        for policy_name, (b_low, b_high) in (
            ("shipped bars 0.5/0.7", (0.5, 0.7)),
            ("chosen bars", (bars[name]["low"], bars[name]["high"])),
        ):
            for s in [x for x in dict.fromkeys(src[test])]:
                m = test & (src == s)

                lab = m & has_y
                acc = float(
                    ((p[lab] >= np.array([thresholds[name].get(g, 0.55) for g in glang[lab]])) == y[lab]).mean()
                )
                st = stars[m]
                row = {
                    "variant": name,
                    "bars": policy_name,
                    "source": s,
                    "n": int(lab.sum()),
                    "accuracy": round(acc, 4),
                }
                if not np.isnan(st).all():
                    pm = p[m]
                    row["n_12"] = int((st <= 2).sum())
                    row["caught_12"] = round(float((pm[st <= 2] >= b_low).mean()), 4)
                    row["n_45"] = int((st >= 4).sum())
                    row["flagged_45"] = round(float((pm[st >= 4] >= b_high).mean()), 4)
                    row["n_3"] = int(((st > 2) & (st < 4)).sum())
                    row["case_rate_3"] = round(float((pm[(st > 2) & (st < 4)] >= b_high).mean()), 4)
                    row["mismatch_45_at_0.9"] = round(float((pm[st >= 4] >= 0.9).mean()), 4)
                table.append(row)
    (CACHE / "test_table.json").write_text(
        json.dumps(
            {"rows": table, "bars": bars, "thresholds": thresholds, "combination": combination.to_dict()}, indent=1
        )
    )
    for row in table:
        print(json.dumps(row))
    # the shipped artifact: the linear model with the combination inside
    out = CACHE / "second_opinion.npz"
    linear.save(out, extra={"combination": combination.to_dict(), "policy_bars": {"combined": bars["combined"]}})
    print("artifact", out, out.stat().st_size)


if __name__ == "__main__" and sys.argv[1] == "final":
    final()
