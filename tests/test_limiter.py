"""The limiter's before-request check: skipped while no limit applies beyond the decorated routes, run as the library
runs it as soon as one does (``extensions.Limiter``)."""

from moderation.extensions import limiter


def test_without_limits_beyond_the_routes_every_request_passes(make_app, monkeypatch):
    monkeypatch.setattr(limiter.limit_manager, "_application_limits", [])  # another test's app may have set some
    client = make_app().test_client()
    assert not limiter.limits_beyond_routes()
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 200]


def test_an_application_wide_limit_still_applies_to_every_route(make_app, monkeypatch):
    # The limiter is one object for every app of the process: what this app sets is put back after the test.
    monkeypatch.setattr(limiter.limit_manager, "_application_limits", [])
    client = make_app(RATELIMIT_APPLICATION="2 per minute").test_client()
    assert limiter.limits_beyond_routes()
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 429]


def test_a_release_that_keeps_its_limits_elsewhere_gets_the_full_check(make_app, monkeypatch):
    make_app()
    monkeypatch.setattr(limiter, "limit_manager", object())  # none of the attributes read
    assert limiter.limits_beyond_routes() is True
