"""/metrics is not for the internet: a bearer token in production, loopback by default for workers' own."""

from __future__ import annotations

from unittest import mock

from moderation.cli.worker import worker

LOCAL = {"REMOTE_ADDR": "10.0.0.7"}  # behind a reverse proxy every request comes from a private address


def test_production_without_a_token_answers_nobody(make_app):
    client = make_app(ENV="production").test_client()
    assert client.get("/metrics", environ_base=LOCAL).status_code == 404
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "127.0.0.1"}).status_code == 404


def test_production_with_a_token_wants_it_as_a_bearer(make_app):
    client = make_app(ENV="production", METRICS_TOKEN="scrape-" + "s" * 32).test_client()
    refused = client.get("/metrics", environ_base=LOCAL)
    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", environ_base=LOCAL, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.get("/metrics", environ_base=LOCAL, headers={"Authorization": "Bearer scrape-" + "s" * 32})
    assert ok.status_code == 200 and b"moderation_" in ok.data


def test_development_with_a_token_set_wants_it_too(make_app):
    client = make_app(METRICS_TOKEN="dev-token").test_client()
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "127.0.0.1"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer dev-token"}).status_code == 200


def run_worker_command(app, *args: str) -> mock.MagicMock:
    with (
        mock.patch("moderation.cli.worker.serve_worker_metrics") as serve,
        mock.patch("moderation.cli.worker.build_worker") as build,
        mock.patch("moderation.cli.worker.work_until_stopped"),
    ):
        build.return_value.model_version = "stub"
        build.return_value.name = "w"
        build.return_value.queue_names.return_value = ["scoring"]
        with app.app_context():
            result = app.test_cli_runner().invoke(worker, ["--metrics-port", "9100", *args])
        assert result.exit_code == 0, result.output
    return serve


def test_worker_metrics_listen_on_loopback_unless_told(app):
    assert run_worker_command(app).call_args.args == (9100, "127.0.0.1")
    assert run_worker_command(app, "--metrics-host", "0.0.0.0").call_args.args == (9100, "0.0.0.0")
