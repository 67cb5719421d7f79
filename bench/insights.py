"""Complaint topics on a generated product: are the planted themes found, how pure are the topics, how fast.

    nice python bench/insights.py                      # 10,000 reviews, real classifier and real embedder
    nice python bench/insights.py --stub-score         # the generator's truth as the score (no classifier)
    nice python bench/insights.py --reviews 2000 --embed-layers 6 --cache /tmp/insights-cache

The script writes a product's reviews itself (FR and EN, templates × synonyms × small variations): five
complaint themes at different shares of the negative reviews (battery, delivery, strap, screen, sizing), one
rare theme under the 5% target (smell), one-off complaints about other things, generic negatives ("very
disappointed"), praise inside 3★ reviews, and positive 4–5★ reviews. The strap theme is made to rise in the
last 30 days and the delivery theme to fall, so the trend can be checked too.

Printed: per planted theme, whether one topic holds it (majority theme of the topic, purity ≥ 0.8, and at
least half of the theme's reviews), per topic its label, size, purity and trend, and the time of each step,
with the load average (the CPU is shared) and the process CPU time. Model loading is timed apart: a worker
loads the models once, not per product.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import random
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from moderation.insights import ReviewText, TopicSettings, analyse_topics  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=UTC)

# Each theme: per language, subjects and what they do. "{n}" becomes a small number.
THEMES: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "battery": {
        "en": (
            ["the battery", "battery", "battery life", "the battery on this", "its battery"],
            [
                "dies fast",
                "drains in a few hours",
                "doesn't last a day",
                "won't hold a charge",
                "is dead by lunchtime",
                "barely lasts {n} hours",
                "drops to 20% in {n} hours",
                "runs out way too quickly",
                "is flat every evening",
                "needs charging twice a day",
            ],
        ),
        "fr": (
            ["la batterie", "batterie", "l'autonomie", "la batterie de la montre", "sa batterie"],
            [
                "se décharge très vite",
                "ne tient pas la journée",
                "se vide en quelques heures",
                "tient à peine {n} heures",
                "est à plat avant midi",
                "ne tient plus la charge",
                "est ridicule, {n} heures max",
                "se décharge en une nuit",
                "lâche au bout de {n} heures",
                "dure beaucoup moins qu'annoncé",
            ],
        ),
    },
    "delivery": {
        "en": (
            ["delivery", "the delivery", "shipping", "my parcel", "the package"],
            [
                "was {n} weeks late",
                "arrived {n} days after the promised date",
                "took forever",
                "was delayed with no news",
                "was late and tracking never updated",
                "came a month late",
                "was stuck at the depot for {n} days",
                "never showed up on time",
            ],
        ),
        "fr": (
            ["la livraison", "livraison", "le colis", "mon colis", "l'expédition"],
            [
                "avec {n} semaines de retard",
                "est arrivé {n} jours après la date prévue",
                "a pris un temps fou",
                "en retard sans aucune nouvelle",
                "bloqué au dépôt pendant {n} jours",
                "arrivé avec un mois de retard",
                "très en retard et suivi jamais mis à jour",
                "n'est jamais arrivé à temps",
            ],
        ),
    },
    "strap": {
        "en": (
            ["the strap", "strap", "the wristband", "the band", "the watch strap"],
            [
                "broke after {n} weeks",
                "snapped on day {n}",
                "tore at the buckle",
                "cracked within a month",
                "came apart after {n} days",
                "split near the clasp",
                "broke the first time I wore it",
            ],
        ),
        "fr": (
            ["le bracelet", "bracelet", "le bracelet de la montre", "la sangle"],
            [
                "cassé au bout de {n} semaines",
                "s'est rompu au bout de {n} jours",
                "a cassé près de la boucle",
                "s'est fendu en moins d'un mois",
                "s'est déchiré au niveau du fermoir",
                "cassé dès la première semaine",
                "a lâché après {n} jours",
            ],
        ),
    },
    "screen": {
        "en": (
            ["the screen", "screen", "the display", "the glass"],
            [
                "scratches way too easily",
                "got scratched within days",
                "is covered in scratches after a week",
                "scratched on the first day",
                "picks up scratches from nothing",
                "has deep scratches already",
            ],
        ),
        "fr": (
            ["l'écran", "écran", "la vitre", "le verre de l'écran"],
            [
                "se raye très facilement",
                "rayé au bout de quelques jours",
                "plein de rayures après une semaine",
                "rayé dès le premier jour",
                "se raye pour un rien",
                "a déjà de grosses rayures",
            ],
        ),
    },
    "sizing": {
        "en": (
            [""],
            [
                "runs too small",
                "it is way too small",
                "at least one size too small",
                "much smaller than the size chart",
                "tiny, order two sizes up",
                "too tight even in XL",
                "the size is way off, far too small",
                "the fit is small, size up",
            ],
        ),
        "fr": (
            [""],
            [
                "taille trop petit",
                "c'est beaucoup trop petit",
                "taille au moins une taille en dessous",
                "bien plus petit que le guide des tailles",
                "taille petit, prenez deux tailles au-dessus",
                "ça serre trop même en XL",
                "la taille est beaucoup trop petite",
                "le modèle taille très petit",
            ],
        ),
    },
    "smell": {
        "en": (["it", "the rubber", "the box"], ["smells of chemicals", "has a strong plastic smell"]),
        "fr": (["ça", "le caoutchouc", "la boîte"], ["sent le produit chimique", "a une forte odeur de plastique"]),
    },
}
# Share of complaint reviews (1–3★ with a planted theme) that carry each theme first.
THEME_WEIGHTS = {"battery": 0.30, "delivery": 0.20, "strap": 0.15, "screen": 0.11, "sizing": 0.08, "smell": 0.025}
MISC = {
    "en": [
        "the colour is nothing like the photo",
        "the instructions are unreadable",
        "the app crashes on my phone",
        "customer service never answered my email",
        "the button is stiff",
        "it beeps at night for no reason",
        "the charger cable is too short",
        "the box arrived crushed",
        "the vibration is too weak",
        "the heart rate sensor is way off",
        "pairing with bluetooth fails",
        "the clasp pinches my skin",
    ],
    "fr": [
        "la couleur ne ressemble pas à la photo",
        "la notice est illisible",
        "l'application plante sur mon téléphone",
        "le service client n'a jamais répondu",
        "le bouton est dur",
        "elle bipe la nuit sans raison",
        "le câble du chargeur est trop court",
        "la boîte est arrivée écrasée",
        "la vibration est trop faible",
        "le capteur cardiaque est complètement faux",
        "l'appairage bluetooth échoue",
        "le fermoir pince la peau",
    ],
}
GENERIC = {
    "en": [
        "Very disappointed.",
        "Would not recommend.",
        "Waste of money.",
        "Don't buy this.",
        "Really bad product.",
        "Not worth it.",
        "Avoid.",
    ],
    "fr": [
        "Très déçu.",
        "Je ne recommande pas.",
        "Nul, à fuir !",
        "Argent jeté par les fenêtres.",
        "Produit décevant.",
        "Bof.",
        "À éviter.",
    ],
}
PRAISE = {
    "en": [
        "the design is lovely",
        "it looks great",
        "the price was fair",
        "setup was easy",
        "it is comfortable",
        "the colours are nice",
        "the display is bright and sharp",
        "notifications work well",
    ],
    "fr": [
        "le design est joli",
        "elle est très belle",
        "le prix est correct",
        "l'installation est simple",
        "elle est confortable",
        "les couleurs sont sympas",
        "l'affichage est lumineux",
        "les notifications marchent bien",
    ],
}
POSITIVE = {
    "en": [
        "Love it, works perfectly.",
        "Great watch for the price.",
        "Five stars, exactly as described.",
        "Very happy with this purchase.",
        "Comfortable and stylish.",
        "Battery easily lasts a week.",
        "Fast delivery, well packed.",
        "Does everything I need.",
    ],
    "fr": [
        "Très contente, fonctionne parfaitement.",
        "Super montre pour le prix.",
        "Conforme à la description.",
        "Très satisfait de mon achat.",
        "Confortable et élégante.",
        "La batterie tient une semaine sans problème.",
        "Livraison rapide, bien emballé.",
        "Fait tout ce dont j'ai besoin.",
    ],
}
CONNECT = {"en": ["but", "however", "though sadly"], "fr": ["mais", "par contre", "cependant"]}
OPENERS = {
    "en": ["", "", "Honestly, ", "Sadly ", "Update: "],
    "fr": ["", "", "Franchement, ", "Malheureusement ", "Bref, "],
}
ENDS = ["", ".", ".", "!", "!!", "...", " :("]


def _fill(rng: random.Random, text: str) -> str:
    return text.replace("{n}", str(rng.randint(2, 9)))


def _theme_sentence(rng: random.Random, theme: str, language: str) -> str:
    subjects, predicates = THEMES[theme][language]
    opener = _fill(rng, rng.choice(OPENERS[language]))
    body = f"{rng.choice(subjects)} {_fill(rng, rng.choice(predicates))}".strip()
    body = body[0].upper() + body[1:] if not opener else opener + body
    return body + rng.choice(ENDS)


def _sentence(text: str, rng: random.Random) -> str:
    return text[0].upper() + text[1:] + rng.choice(ENDS[1:-1])


def _date(rng: random.Random, theme: str | None) -> datetime:
    # Strap failures are recent (a bad batch); delivery problems were mostly in the summer.
    if theme == "strap" and rng.random() < 0.6:
        days = rng.uniform(0, 30)
    elif theme == "delivery" and rng.random() < 0.7:
        days = rng.uniform(30, 120)
    else:
        days = rng.uniform(0, 365)
    return NOW - timedelta(days=days)


def generate(count: int, negative_fraction: float, seed: int):
    """Reviews, and for each review the planted (fragment, theme) pairs the benchmark scores against."""
    rng = random.Random(seed)
    reviews: list[ReviewText] = []
    truth: list[list[tuple[str, str]]] = []  # (fragment, theme); a praise fragment may sit inside a sentence
    authors = [f"author-{i}" for i in range(int(count * 0.85))]
    for index in range(count):
        language = "fr" if rng.random() < 0.55 else "en"
        parts: list[tuple[str, str]] = []
        shown: list[str] = []
        first_theme = None
        if rng.random() < negative_fraction:
            rating = rng.choice([1, 1, 2, 2, 3])
            kind = rng.random()
            if kind < 0.62:  # a planted theme, sometimes two
                first_theme = rng.choices(list(THEME_WEIGHTS), weights=list(THEME_WEIGHTS.values()))[0]
                themes = [first_theme]
                if rng.random() < 0.15:
                    themes.append(rng.choice([t for t in THEME_WEIGHTS if t != first_theme]))
                for theme in themes:
                    sentence = _theme_sentence(rng, theme, language)
                    if rng.random() < 0.25:  # praise, then the complaint, in one sentence
                        praise = rng.choice(PRAISE[language])
                        connect = rng.choice(CONNECT[language])
                        sentence = f"{praise[0].upper()}{praise[1:]} {connect} {sentence[0].lower()}{sentence[1:]}"
                        parts.append((praise, "praise"))
                    parts.append((sentence, theme))
                    shown.append(sentence)
            elif kind < 0.80:
                # Each one-off complaint is its own theme, so a topic that lumps them together is impure.
                which = rng.randrange(len(MISC[language]))
                parts.append((_sentence(MISC[language][which], rng), f"misc:{which}"))
                shown.append(parts[-1][0])
            if kind >= 0.62 or rng.random() < 0.4:
                parts.append((rng.choice(GENERIC[language]), "generic"))
                shown.append(parts[-1][0])
        else:
            rating = rng.choice([4, 5, 5])
            parts.append((rng.choice(POSITIVE[language]), "positive"))
            if rng.random() < 0.5:
                parts.append((_sentence(rng.choice(PRAISE[language]), rng), "praise"))
            shown = [fragment for fragment, _ in parts]
            rng.shuffle(shown)
        text = " ".join(shown)
        reviews.append(
            ReviewText(
                item_id=index + 1,
                author_key=rng.choice(authors),
                created_at=_date(rng, first_theme),
                text=text,
                rating=rating,
                language=language if rng.random() < 0.7 else None,
            )
        )
        truth.append(parts)
    return reviews, truth


def clause_theme(clause: str, parts: list[tuple[str, str]]) -> str:
    """The planted theme of the fragment a clause came from (longest overlap wins)."""
    lowered = clause.lower().strip(" .!:()")
    best, best_len = "unknown", 0
    for fragment, theme in parts:
        frag = fragment.lower()
        if lowered in frag or frag.strip(" .!:()") in lowered:
            overlap = min(len(lowered), len(frag))
            if overlap > best_len:
                best, best_len = theme, overlap
    return best


class VectorCache:
    """Text → vector (or score) on disk, so that iterating on clustering does not re-run the model."""

    def __init__(self, folder: Path | None, name: str) -> None:
        self.path = folder / f"{hashlib.sha256(name.encode()).hexdigest()[:16]}.npz" if folder else None
        self.values: dict[str, np.ndarray] = {}
        if self.path and self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            self.values = dict(zip(data["texts"].tolist(), data["values"], strict=True))

    def wrap(self, compute):
        def cached(texts: list[str]):
            missing = [t for t in dict.fromkeys(texts) if t not in self.values]
            if missing:
                self.values.update(zip(missing, np.asarray(compute(missing)), strict=True))
                if self.path:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    keys = list(self.values)
                    np.savez(self.path, texts=np.array(keys), values=np.stack([self.values[k] for k in keys]))
            return np.stack([self.values[t] for t in texts]) if texts else np.zeros((0,))

        return cached


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--negative-fraction", type=float, default=0.3, help="share of reviews rated 1–3★")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stub-score", action="store_true", help="score from the generator's truth, no classifier")
    parser.add_argument("--embed-layers", type=int, default=None, help="keep only the first N e5 layers")
    parser.add_argument("--max-length", type=int, default=96, help="embedder tokens per clause")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--distance", type=float, default=None, help="clustering distance threshold")
    parser.add_argument("--merge", type=float, default=None, help="merge clusters whose centres are this close")
    parser.add_argument("--wording", type=float, default=None, help="weight of wording against meaning")
    parser.add_argument("--cache", type=Path, default=None, help="cache scores and vectors here (iterating)")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="timing only: a unique reference in every sentence, so no two clauses are the same (real reviews are"
        " nearly all distinct; the templates repeat, and the engine scores and embeds each distinct clause once)."
        " Theme recall and purity are not meaningful then.",
    )
    args = parser.parse_args()

    reviews, truth = generate(args.reviews, args.negative_fraction, args.seed)
    if args.distinct:
        counter = iter(range(1, 10**9))
        reviews = [
            dataclasses.replace(
                r, text=re.sub(r"([.!?]+|$)", lambda m: f" ref{next(counter)}{m.group(1)}", r.text, count=3)
            )
            for r in reviews
        ]
    from moderation.classifier.base_model import BASE_NAME

    models: dict[str, object] = {}
    load = {"seconds": 0.0, "cpu": 0.0}

    def model(kind: str):
        """Load a model on first use (with --cache, a run whose texts are all cached loads none)."""
        if kind not in models:
            started, cpu = time.perf_counter(), _cpu_seconds()
            if kind == "embedder":
                from moderation.classifier.embedding import load_embedder

                models[kind] = load_embedder(
                    "cpu", max_length=args.max_length, num_layers=args.embed_layers, num_threads=args.threads
                )
            else:
                from moderation.classifier import load_classifier

                models[kind] = load_classifier(device="cpu")
            load["seconds"] += time.perf_counter() - started
            load["cpu"] += _cpu_seconds() - cpu
        return models[kind]

    embedder_name = f"{BASE_NAME}-l{args.embed_layers or 12}-t{args.max_length}"
    if args.stub_score:
        praise = {p.lower() for lang in ("en", "fr") for p in PRAISE[lang] + POSITIVE[lang]}

        def score(texts: list[str]) -> list[float]:
            # What a perfect classifier would say on this product: praise is positive, everything else negative.
            return [0.1 if t.lower().strip(" .!:()") in praise else 0.9 for t in texts]

        score_name = "stub"
    else:
        from moderation.classifier.folders import content_hash, resolve_model_dir

        score_name = f"classifier-{content_hash(resolve_model_dir())}"

        def score(texts: list[str]) -> list[float]:
            return [p.negative_probability for p in model("classifier").predict(texts, batch_size=64)]

    if not args.cache:
        # Timing runs: load up front, so that the analysis time below is what a warm worker spends per product.
        model("embedder")
        if not args.stub_score:
            model("classifier")

    embed = VectorCache(args.cache, embedder_name).wrap(lambda texts: model("embedder").embed(texts))
    score_cached = VectorCache(args.cache, score_name).wrap(lambda texts: np.asarray(score(texts), dtype=np.float32))
    overrides = {"distance_threshold": args.distance, "merge_similarity": args.merge, "wording_weight": args.wording}
    settings = TopicSettings(**{k: v for k, v in overrides.items() if v is not None})

    load_before = os.getloadavg()
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    analysis = analyse_topics(
        reviews, embed=embed, score=lambda t: score_cached(t).tolist(), now=NOW, settings=settings
    )
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    load_after = os.getloadavg()

    # Ground truth per planted theme: reviews whose complaint clauses carry it.
    theme_reviews: dict[str, set[int]] = defaultdict(set)
    topic_themes: dict[int, Counter] = defaultdict(Counter)
    topic_reviews_by_theme: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for index, clause, topic in analysis.assignments:
        theme = clause_theme(clause, truth[index])
        if theme in THEMES:
            theme_reviews[theme].add(index)
        if topic is not None:
            topic_themes[topic][theme] += 1
            topic_reviews_by_theme[topic][theme].add(index)
    planted = {t: sum(1 for parts in truth if any(th == t for _, th in parts)) for t in THEMES}

    print(
        f"product: {len(reviews)} reviews, {sum(1 for r in reviews if r.rating <= 3)} rated 1–3★; "
        f"negative reviews found: {analysis.negative_reviews}"
    )
    print(
        f"clauses scored: {analysis.clauses_scored} distinct; complaints: {analysis.complaints} "
        f"({analysis.clauses_embedded} distinct embedded); scorer: {score_name}; embedder: {embedder_name}"
    )
    print("\ntopics:")
    for number, topic in enumerate(analysis.topics):
        counts = topic_themes[number]
        major, major_count = counts.most_common(1)[0]
        purity = major_count / sum(counts.values())
        ratio = f"{topic.trend.ratio:.2f}" if topic.trend.ratio is not None else "-"
        print(
            f"  {topic.label!r:38} [{topic.language}] reviews {topic.reviews:5} authors {topic.authors:5} "
            f"share {topic.negative_share:5.1%}  trend {topic.trend.direction:4} ({topic.trend.recent} vs "
            f"{topic.trend.before}, x{ratio})  majority {major} purity {purity:.2f}"
        )
        for example in topic.examples:
            print(f"      #{example.item_id}: {example.sentence}")
    print("\nplanted themes:")
    all_found = True
    for theme, planted_count in planted.items():
        share = planted_count / max(analysis.negative_reviews, 1)
        holders = []
        for number in range(len(analysis.topics)):
            counts = topic_themes[number]
            major, major_count = counts.most_common(1)[0]
            if major == theme:
                purity = major_count / sum(counts.values())
                recall = len(topic_reviews_by_theme[number][theme]) / max(planted_count, 1)
                holders.append((number, purity, recall))
        found = any(purity >= 0.8 and recall >= 0.5 for _, purity, recall in holders)
        target = share >= 0.05
        all_found &= found or not target
        detail = ", ".join(f"topic {n} purity {p:.2f} recall {r:.2f}" for n, p, r in holders) or "no topic"
        print(
            f"  {theme:9} {planted_count:5} reviews ({share:5.1%} of negative; target {'yes' if target else 'no '})"
            f"  found: {'YES' if found else 'no '}  {detail}"
        )
    print(f"\nevery theme at ≥ 5% found as its own topic: {'YES' if all_found else 'NO'}")
    steps = ", ".join(f"{k} {v:.1f}s" for k, v in analysis.seconds.items())
    print(
        f"time for {len(reviews)} reviews: {seconds:.1f}s wall ({steps}); process CPU {cpu:.1f}s; "
        f"threads {args.threads}; load average {load_before[0]:.1f} → {load_after[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"model loading (once per worker, not in the time above): {load['seconds']:.1f}s wall, {load['cpu']:.1f}s CPU"
        + (" (--cache: loaded on a cache miss, inside the time above)" if args.cache else "")
    )


if __name__ == "__main__":
    main()
