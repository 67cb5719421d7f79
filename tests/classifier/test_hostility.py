"""The learned reader of hostile text: the bundled head, its training arithmetic, and what the worker does with it."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import select

from moderation.classifier.embedding import DEFAULT_MAX_LENGTH, load_embedder
from moderation.classifier.hostility import (
    DEFAULT_HEAD,
    DEFAULT_TAP_HEAD,
    embedder_settings,
    load_head,
    save_head,
    tap_name,
    tap_of,
    train_head,
)
from moderation.extensions import db
from moderation.models import Case, Item
from moderation.services.policy import DEFAULT_POLICY
from moderation.vocabulary import Reason
from tests.conftest import review, run_worker, submit
from tests.console.conftest import login, post

# Written for these tests, not taken from the head's training rows: hostile texts (the first and the last said with no
# word a rule holds) against what must be published (anger at a product, a firm, a delivery).
HOSTILE = [
    "@runner_jo keep posting your slow times and one day someone will be waiting for you at the end of that trail",
    "Tout le monde sait où bosse ta femme maintenant, ce serait dommage qu'il lui arrive quelque chose en sortant",
    "Best way to get a refund: send the 16 digits on the front of your card and the code on the back to our agent",
    "t'es tellement moche que même ton miroir demande un remboursement, retourne te cacher",
]
ANGRY = [
    "Worst jacket I have ever bought. The zip broke on day two and customer service simply ignored my emails.",
    "Colis arrivé ouvert, la moitié des pièces manquantes, et le SAV me raccroche au nez. Je ne commanderai plus.",
    "Absolutely furious: three weeks late, wrong colour, and they still charged me twice. Avoid this shop.",
    "Nul, nul, nul. Le moteur a grillé au bout d'une semaine et ils refusent la garantie.",
]


@pytest.fixture(scope="module")
def embedder(model_cache_dir):
    layers, tokens = embedder_settings(load_head().embedder)
    return load_embedder("cpu", cache_dir=model_cache_dir, num_layers=layers, max_length=tokens)


def test_the_bundled_head_reads_the_embedder_the_worker_loads():
    head = load_head()
    assert head.embedder.endswith(f"-l6-t{DEFAULT_MAX_LENGTH}") and embedder_settings(head.embedder) == (6, 96)
    assert head.weights.shape == (384,) and tap_of(head.embedder) is None
    assert head.meta["trained_on"]["labelled"] and head.version.startswith("hostility-")
    with pytest.raises(ValueError, match="width 384"):
        head.probabilities(np.zeros((2, 10), np.float32))


@pytest.mark.model
def test_the_bundled_tap_head_reads_the_bundled_classifiers_version_and_its_bar_is_the_default_policy(
    default_classifier,
):
    head = load_head(DEFAULT_TAP_HEAD)
    version, layers = tap_of(head.embedder)
    # A retrained bundled model without its tap head retrained would leave the worker on the separate reader.
    assert version == default_classifier.model_version and all(1 <= n <= 12 for n in layers)
    assert head.embedder == tap_name(version, layers) and head.weights.shape == (384 * len(layers),)
    assert round(head.threshold, 2) == DEFAULT_POLICY["suspected_abuse_threshold"]  # what the worker uses by default
    with pytest.raises(ValueError, match="cannot tell"):
        embedder_settings(head.embedder)  # not a base embedder's name: the separate reader never loads it


@pytest.mark.model
def test_tapped_vectors_are_the_layers_pooled_outputs_side_by_side_and_leave_the_verdicts_as_they_were(
    default_classifier,
):
    import torch

    from moderation.classifier.transformer import tapped

    texts = [*HOSTILE, *ANGRY, "Top !"]
    before = default_classifier.predict(texts, batch_size=3)  # several batches, sorted by length, back in order
    layers = default_classifier.tap_layers
    try:
        default_classifier.tap_layers = (5,)
        one = default_classifier.predict(texts, batch_size=3)
        default_classifier.tap_layers = (2, 5)
        two = default_classifier.predict(texts, batch_size=3)
    finally:
        default_classifier.tap_layers = layers
    for after in (one, two):
        verdicts = [(p.label, p.negative_probability) for p in after]
        assert verdicts == [(p.label, p.negative_probability) for p in before]
    assert layers is not None or all(p.features is None for p in before)
    inputs = default_classifier._collate(default_classifier.preprocess(texts))
    with torch.inference_mode():
        hidden = default_classifier.model(**inputs, output_hidden_states=True).hidden_states
    for after, numbers in ((one, (5,)), (two, (2, 5))):
        expected = tapped([hidden[n] for n in numbers], inputs["attention_mask"]).numpy()
        got = np.stack([p.features for p in after])
        assert got.shape == (len(texts), 384 * len(numbers))
        assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5) and np.allclose(got, expected, atol=2e-3)
    # Side by side, each layer weighs the same: the halves are that layer's own vector, scaled by 1/sqrt(2).
    fifth_half = np.stack([p.features for p in two])[:, 384:]
    assert np.allclose(fifth_half * np.sqrt(2), np.stack([p.features for p in one]), atol=2e-3)


def test_training_sets_the_bar_at_the_calibration_texts_false_flag_rate(tmp_path):
    rng = np.random.default_rng(3)
    direction = 0.25 * rng.normal(size=16)
    clean = rng.normal(size=(400, 16)) - direction
    hostile = rng.normal(size=(40, 16)) + direction
    calibration = rng.normal(size=(1000, 16)) - direction
    vectors = np.vstack([clean, hostile])
    labels = np.array([False] * 400 + [True] * 40)
    head = train_head(vectors, labels, calibration, embedder="toy", false_flag_rate=0.01)
    flagged = head.probabilities(calibration) >= head.threshold
    assert 0.005 <= flagged.mean() <= 0.015
    assert (head.probabilities(hostile) >= head.threshold).mean() > 0.5
    again = load_head(save_head(head, tmp_path / "head.json"))
    assert again.version == head.version and not again.matches("another-embedder")
    with pytest.raises(ValueError, match="both"):
        train_head(vectors, np.zeros(len(vectors), bool), calibration, embedder="toy")


@pytest.mark.model
def test_the_head_flags_hostile_texts_and_not_anger_at_a_product(embedder):
    head = load_head()
    assert head.matches(embedder.name)
    hostile = head.probabilities(embedder.embed(HOSTILE))
    angry = head.probabilities(embedder.embed(ANGRY))
    assert (hostile >= head.threshold).sum() >= 3, hostile
    assert (angry < head.threshold).all(), angry


@pytest.mark.model
@pytest.mark.parametrize("reader", ["tap", "separate"])
def test_the_worker_opens_a_suspected_abuse_case_and_leaves_the_item_published(
    make_app, world, default_classifier, embedder, monkeypatch, reader
):
    from moderation.services import hostility

    monkeypatch.setattr("tests.classifier.test_hostility._EMBEDDER", embedder, raising=False)
    monkeypatch.setattr(default_classifier, "tap_layers", None)  # as a fresh worker's classifier
    # By default the tap head reads the classifier's own vectors; a head over the base, configured, reads the texts.
    head_file = DEFAULT_TAP_HEAD if reader == "tap" else DEFAULT_HEAD
    app = make_app(
        SUSPECTED_ABUSE_EMBEDDER_FACTORY="tests.classifier.test_hostility:shared_embedder",
        SUSPECTED_ABUSE_HEAD=None if reader == "tap" else str(DEFAULT_HEAD),
    )
    head = load_head(head_file)
    client = app.test_client()
    hostile = submit(client, {"kind": "comment", "body": HOSTILE[0], "author": {"name": "Max"}})
    angry = submit(client, review(rating=4, body=ANGRY[0]))
    quiet = submit(client, review(rating=5, body="Lovely soft jumper, true to size, I bought it in two colours."))
    bo = {"name": "Bo", "email": "bo@example.com"}
    regular = submit(client, {"kind": "comment", "body": HOSTILE[3], "author": bo})
    assert {r.status_code for r in (hostile, angry, quiet, regular)} == {202}
    assert hostile.get_json()["status"] == "published"  # no rule holds it
    with app.app_context():  # a moderator trusts Bo: the content rules and the reader leave Bo's posts alone
        db.session.get(Item, regular.get_json()["id"]).author.standing = "trusted"
        db.session.commit()

    # The real worker, the real classifier: "auto" reads with the head beside a transformer classifier.
    run_worker(app, lambda _app: default_classifier)

    with app.app_context():
        cases = {c.item_id: c for c in db.session.execute(select(Case)).scalars()}
        flagged = cases[hostile.get_json()["id"]]
        assert Reason.SUSPECTED_ABUSE in flagged.reasons
        evidence = flagged.evidence[Reason.SUSPECTED_ABUSE]
        assert evidence["probability"] >= evidence["threshold"] == round(head.threshold, 4)
        assert evidence["reader"] == head.version
        assert flagged.priority >= 25
        assert db.session.get(Item, hostile.get_json()["id"]).status == "published"
        # One reader read: the tap loads no second model, the separate reader asks the classifier for nothing.
        assert (hostility.READER_KEY in app.extensions) == (reader == "separate")
        assert isinstance(app.extensions[hostility.TAP_KEY], hostility.TapReader) == (reader == "tap")
        # Bo's text reads over the bar: only the trust keeps it out of the queue.
        if reader == "tap":
            vectors = [p.features for p in default_classifier.predict([HOSTILE[3]])]
        else:
            vectors = embedder.embed([HOSTILE[3]])
        assert head.probabilities(vectors)[0] >= head.threshold
        for other in (angry, quiet, regular):
            case = cases.get(other.get_json()["id"])
            assert case is None or Reason.SUSPECTED_ABUSE not in case.reasons
        case_id = flagged.id
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_data(as_text=True)
    assert "waiting for you at the end of that trail" in listing  # flagged, still public

    # The moderator sees why, and removes it with a reason its author is told.
    console = app.test_client()
    assert login(console, "ann@shop.test", "password-ann").status_code == 302
    page = console.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "Possibly abusive (model)" in page and 'id="remove-suspected"' in page and "read as possibly abusive" in page
    assert post(console, f"/console/cases/{case_id}/reject", {"reason": "abusive"}).status_code == 302
    with app.app_context():
        removed = db.session.get(Item, hostile.get_json()["id"])
        assert removed.status == "removed" and removed.rejection_reason == "abusive"
    assert "waiting for you at the end of that trail" not in client.get("/api/v1/sites/shop/subjects/sku-1").get_data(
        as_text=True
    )


@pytest.mark.model
def test_a_site_bar_of_one_turns_the_reader_off(make_app, world, default_classifier, embedder, monkeypatch):
    from moderation.services import hostility

    monkeypatch.setattr("tests.classifier.test_hostility._EMBEDDER", embedder, raising=False)
    app = make_app(SUSPECTED_ABUSE_EMBEDDER_FACTORY="tests.classifier.test_hostility:shared_embedder")
    with app.app_context():
        from moderation.models import Site

        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        site.policy = {"suspected_abuse_threshold": 1.0}
        db.session.commit()
    posted = submit(app.test_client(), {"kind": "comment", "body": HOSTILE[0], "author": {"name": "Max"}})
    run_worker(app, lambda _app: default_classifier)
    with app.app_context():
        case = db.session.execute(select(Case).where(Case.item_id == posted.get_json()["id"])).scalar_one_or_none()
        assert case is None or Reason.SUSPECTED_ABUSE not in case.reasons
        # It read (the tap, beside the bundled classifier), and the site's bar kept the case shut.
        assert isinstance(app.extensions["moderation.hostility_tap"], hostility.TapReader)


@pytest.mark.model
def test_the_workers_reader_embedder_is_the_one_the_head_names_and_shares_the_word_embeddings(
    make_app, default_classifier, model_cache_dir, monkeypatch
):
    from moderation.services import hostility

    monkeypatch.setattr("moderation.classifier.base_model.default_cache_dir", lambda: model_cache_dir)
    app = make_app(DEVICE="cpu")
    app.extensions["moderation.classifier"] = default_classifier
    reader = hostility.reader_for(app, default_classifier)
    assert reader is not None and reader.embedder.name == load_head().embedder
    assert len(reader.embedder.model.encoder.layer) == 6
    mine = reader.embedder.model.embeddings.word_embeddings.weight
    theirs = default_classifier.model.base_model.embeddings.word_embeddings.weight
    assert mine is theirs  # one copy of the 250,037 × 384 matrix in the worker
    assert reader.head.probabilities(reader.embedder.embed([HOSTILE[0], ANGRY[0]]))[0] >= load_head().threshold


@pytest.mark.model
def test_the_tap_reads_only_the_model_version_it_was_trained_on_in_a_float_dtype(make_app, default_classifier):
    from types import SimpleNamespace

    from moderation.services import hostility

    app = make_app()
    version = default_classifier.model_version
    with app.app_context():
        for other in (
            SimpleNamespace(can_tap=True, model_version=version + "-retrained", precision="bfloat16"),
            SimpleNamespace(can_tap=False, model_version=version, precision="onnx-int8"),  # no hidden states to give
        ):
            assert hostility.load_tap(app, other) is hostility.UNAVAILABLE and not hasattr(other, "tap_layers")
        mine = SimpleNamespace(can_tap=True, model_version=version, precision="float32")
        tap = hostility.load_tap(app, mine)
        assert isinstance(tap, hostility.TapReader) and mine.tap_layers == tap_of(tap.head.embedder)[1]
        # Predictions of another version, or without vectors, go to the separate reader.
        vector = np.zeros(tap.head.weights.shape, np.float32)
        assert tap.reads([SimpleNamespace(features=vector, model_version=version)])
        assert not tap.reads([SimpleNamespace(features=vector, model_version="other")])
        assert not tap.reads([SimpleNamespace(features=None, model_version=version)])
        # A head of one's own over the base configured: no tap, the separate reader reads with it.
        own = make_app(SUSPECTED_ABUSE_HEAD=str(DEFAULT_HEAD))
        assert hostility.load_tap(own, SimpleNamespace(can_tap=True, model_version=version)) is hostility.UNAVAILABLE
        assert hostility.separate_head_path(own) == str(DEFAULT_HEAD)
        assert hostility.separate_head_path(make_app(SUSPECTED_ABUSE_HEAD=str(DEFAULT_TAP_HEAD))) is None


def test_beside_a_stand_in_classifier_the_reader_never_loads(make_app, world, default_classifier):
    from moderation.services import hostility

    app = make_app()
    assert hostility.wanted(app, default_classifier) and not hostility.wanted(app, object())
    assert not hostility.wanted(make_app(SUSPECTED_ABUSE_READER="off"), default_classifier)
    assert hostility.wanted(make_app(SUSPECTED_ABUSE_READER="on"), object())
    submit(app.test_client(), {"kind": "comment", "body": HOSTILE[0], "author": {"name": "Max"}})
    run_worker(app)  # the keyword stub
    assert app.extensions.get("moderation.hostility_reader") is hostility.UNAVAILABLE
    assert app.extensions.get("moderation.hostility_tap") is hostility.UNAVAILABLE


@pytest.mark.model
@pytest.mark.parametrize("reader", ["tap", "separate"])
def test_a_site_trains_its_own_head_from_what_moderators_removed_and_let_stand(
    make_app, world, embedder, default_classifier, monkeypatch, tmp_path, reader
):
    from moderation.classifier.embedding import TappedEmbedder
    from moderation.models import Author, Site, Subject, utcnow

    app = make_app()
    removed = [*HOSTILE, *(f"{text} !!" for text in HOSTILE), "you people should be banned from this shop, go home"]
    published = [*ANGRY, *(f"Review {n}: solid product, {'great' if n % 2 else 'poor'} fit" for n in range(40))]
    cleared = ["you absolute muppet Dave, see you at parkrun x", "le livreur Karim est génial, merci à lui"]
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        subject, author = Subject(site_id=site.id, external_id="sku-h"), Author(site_id=site.id, name="A")
        db.session.add_all([subject, author])
        db.session.flush()
        base = {"site_id": site.id, "subject_id": subject.id, "author_id": author.id, "kind": "comment"}
        for text in removed:
            db.session.add(Item(**base, body=text, status="removed", rejection_reason="abusive", created_at=utcnow()))
        for text in published + cleared:
            db.session.add(Item(**base, body=text, status="published", created_at=utcnow()))
        db.session.flush()
        for item in db.session.execute(select(Item).where(Item.body.in_(cleared))).scalars():
            db.session.add(Case(site_id=site.id, item_id=item.id, reasons=["suspected_abuse"], priority=30,
                                due_at=utcnow(), state="resolved"))  # fmt: skip
        db.session.commit()
    # The worker's classifier is the bundled one: by default the tap head is adapted over its own layers.
    monkeypatch.setattr("moderation.classifier.embedding.embedder_for", lambda name, device="auto": embedder)
    monkeypatch.setattr("moderation.worker.default_classifier_factory", lambda _app: default_classifier)
    monkeypatch.setattr(default_classifier, "tap_layers", None)
    out = tmp_path / "shop-head.json"
    args = ["model", "train-hostility", "--site", "shop", "--out", str(out), "--min-hostile", "5"]
    result = app.test_cli_runner().invoke(args=[*args, "--separate"] if reader == "separate" else args)
    assert result.exit_code == 0, result.output
    assert "9 removed as hostile, 2 let stand after a content case" in result.output
    assert "22 other published items to train on, 22 to set the bar" in result.output  # 44 others, split in two
    assert "bundled head on a held-out fifth" in result.output and "adapted head" in result.output
    head = load_head(out)
    bundled = load_head(DEFAULT_TAP_HEAD if reader == "tap" else DEFAULT_HEAD)
    assert head.meta["adapted_from"] == bundled.version and head.meta["site"] == "shop"
    assert head.embedder == bundled.embedder  # the worker reads it as it reads the head it came from
    assert ("it reads the worker's classifier's own vectors" in result.output) == (reader == "tap")
    vectors = TappedEmbedder(default_classifier, tap_of(head.embedder)[1]) if reader == "tap" else embedder
    hostile_p = head.probabilities(vectors.embed(removed)).mean()
    clean_p = head.probabilities(vectors.embed(published + cleared)).mean()
    assert hostile_p > clean_p + 0.3

    # Activated rather than written: the same head (same decisions, same seed) is stored on the site.
    activated = app.test_cli_runner().invoke(
        args=[*args[:4], "--activate", *args[6:]] + (["--separate"] if reader == "separate" else [])
    )
    assert activated.exit_code == 0, activated.output
    assert f"shop: workers read its items with {head.version}" in activated.output
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        assert site.hostility_head_version == head.version and site.hostility_head == head.to_json()
    alone = app.test_cli_runner().invoke(args=["model", "train-hostility", "--activate"])
    assert alone.exit_code != 0 and "--activate needs --site" in alone.output

    # Too few decisions: the command says so and writes nothing.
    args = ["model", "train-hostility", "--site", "shop", "--out", str(tmp_path / "no.json"), "--min-hostile", "50"]
    refused = app.test_cli_runner().invoke(args=args)
    assert refused.exit_code != 0 and "needs at least 50 removed" in refused.output
    assert not (tmp_path / "no.json").exists()


@pytest.mark.model
def test_a_sites_own_head_reads_its_items_and_only_its_items(
    make_app, world, default_classifier, tmp_path, monkeypatch
):
    """``hostility-head --site S --set FILE`` stores a head on the site: the worker reads that site's items with it
    (its version and bar in the evidence) and the other site's with the bundled head; ``--clear`` undoes it."""
    from moderation.classifier.hostility import HostilityHead
    from moderation.models import AuditEvent, Site

    app = make_app()
    bundled = load_head(DEFAULT_TAP_HEAD)
    # A head over the same vectors that reads every text as hostile: whatever "shop" posts, its head flags it.
    eager = HostilityHead(bundled.weights, bundled.bias + 40.0, 0.5, bundled.embedder, {"site": "shop"})
    save_head(eager, tmp_path / "eager.json")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["model", "hostility-head", "--site", "shop", "--set", str(tmp_path / "eager.json")])
    assert result.exit_code == 0, result.output
    assert f"workers read its items with {eager.version}" in result.output
    shown = runner.invoke(args=["model", "hostility-head", "--site", "shop"])
    assert f"its own head {eager.version}" in shown.output
    assert "the workers' head" in runner.invoke(args=["model", "hostility-head", "--site", "other"]).output

    quiet = "Lovely soft jumper, true to size, I bought it in two colours."
    mine = submit(app.test_client(), review(rating=5, body=quiet))
    theirs = submit(
        app.test_client(), review(rating=5, body=quiet), site="other", headers={"Origin": "http://other.test"}
    )
    hostile_elsewhere = submit(
        app.test_client(), {"kind": "comment", "body": HOSTILE[0], "author": {"name": "Max"}}, site="other",
        headers={"Origin": "http://other.test"},
    )  # fmt: skip
    assert {r.status_code for r in (mine, theirs, hostile_elsewhere)} == {202}
    monkeypatch.setattr(default_classifier, "tap_layers", None)  # as a fresh worker's classifier
    run_worker(app, lambda _app: default_classifier)

    with app.app_context():
        cases = {c.item_id: c for c in db.session.execute(select(Case)).scalars()}
        own = cases[mine.get_json()["id"]].evidence[Reason.SUSPECTED_ABUSE]
        assert own["reader"] == eager.version and own["threshold"] == 0.5 and own["probability"] > 0.99
        assert theirs.get_json()["id"] not in cases  # the same text on the other site: the bundled head reads it
        other = cases[hostile_elsewhere.get_json()["id"]].evidence[Reason.SUSPECTED_ABUSE]
        assert other["reader"] == bundled.version and other["threshold"] == round(bundled.threshold, 4)
        event = db.session.execute(select(AuditEvent).where(AuditEvent.action == "site.hostility_head")).scalar_one()
        assert event.before == {"hostility_head": None} and event.after["hostility_head"] == eager.version

    cleared = runner.invoke(args=["model", "hostility-head", "--site", "shop", "--clear"])
    assert cleared.exit_code == 0 and "back to the workers' head" in cleared.output
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        assert site.hostility_head is None and site.hostility_head_version is None
    # A head over vectors no worker here makes (another model's layers) is stored, with a note saying so.
    elsewhere = HostilityHead(bundled.weights, bundled.bias, 0.8, "tap:another-model-0123:l9", {})
    save_head(elsewhere, tmp_path / "elsewhere.json")
    noted = runner.invoke(args=["model", "hostility-head", "--site", "shop", "--set", str(tmp_path / "elsewhere.json")])
    assert noted.exit_code == 0 and "note: " in noted.output and "tap:another-model-0123:l9" in noted.output
    assert "note: " not in result.output  # the eager head reads the bundled classifier's layers
    refused = runner.invoke(args=["model", "hostility-head", "--site", "nowhere", "--clear"])
    assert refused.exit_code != 0 and "site 'nowhere' not found" in refused.output
    not_a_head = tmp_path / "not-a-head.json"
    not_a_head.write_text('{"kind": "something else"}')
    refused = runner.invoke(args=["model", "hostility-head", "--site", "shop", "--set", str(not_a_head)])
    assert refused.exit_code != 0 and "is not a hostility head" in refused.output


_EMBEDDER = None


def shared_embedder(app):
    """``SUSPECTED_ABUSE_EMBEDDER_FACTORY`` for these tests: the module's embedder, loaded once from the test cache."""
    assert _EMBEDDER is not None
    return _EMBEDDER
