"""Outside conversations: ``moderation feed add|list|remove|poll`` and ``moderation import-forum``."""

from __future__ import annotations

import http.client
import os
import sys
import tempfile

import click
from flask import current_app
from flask.cli import with_appcontext

from ..extensions import db
from ..services import feeds
from ..services.accounts import get_site
from ..services.forum_import import ForumFormat, import_forum
from ..services.outbound import RefusedTarget
from ..services.scheduling import request_scoring
from .accounts import print_table, when
from .common import service_errors


@click.group("feed")
def feed_group() -> None:
    """RSS/Atom feeds a site follows: their posts land in the queue as external items."""


@feed_group.command("add")
@click.argument("site")
@click.argument("url")
@click.option("--subject", default="outside", show_default=True, help="Subject the feed's posts are filed under.")
@click.option("--allow-private", is_flag=True, help="Allow loopback and private-network addresses (SSRF risk).")
@with_appcontext
def feed_add(site, url, subject, allow_private) -> None:
    """Follow a feed; the worker of the feeds queue polls it."""
    with service_errors():
        feed = feeds.add_feed(get_site(site), url, subject, allow_private)
    db.session.commit()
    click.echo(f"feed {feed.id} added for {site}: {feed.url} (subject {feed.subject})")


@feed_group.command("list")
@click.argument("site", required=False)
@with_appcontext
def feed_list(site) -> None:
    """List followed feeds (of one site, or all)."""
    with service_errors():
        rows = [
            (
                str(f.id),
                str(f.site_id),
                f.url,
                f.subject,
                str(f.items_found),
                when(f.last_polled_at) if f.last_polled_at else "never",
                str(f.last_status or ""),
                f.last_error or "",
            )
            for f in feeds.list_feeds(get_site(site) if site else None)
        ]
    print_table(("id", "site", "url", "subject", "found", "polled", "status", "error"), rows)


@feed_group.command("remove")
@click.argument("feed_id", type=int)
@with_appcontext
def feed_remove(feed_id) -> None:
    """Stop following a feed (the posts already found stay)."""
    with service_errors():
        feeds.remove_feed(feeds.get_feed(feed_id))
    db.session.commit()
    click.echo(f"feed {feed_id} removed")


@feed_group.command("poll")
@click.argument("feed_id", type=int)
@with_appcontext
def feed_poll(feed_id) -> None:
    """Poll one feed now, in this process."""
    with service_errors():
        feed = feeds.get_feed(feed_id)
    outcome = feeds.poll(feed.id)
    feed = feeds.get_feed(feed_id)
    click.echo(
        f"feed {feed_id}: {outcome}, {feed.items_found} found in all"
        + (f" ({feed.last_error})" if feed.last_error else "")
    )


def download(url: str, allow_private: bool, directory: str) -> str:
    """Fetch an export through the feeds' SSRF guard into ``directory``; the file's path."""
    cap = current_app.config["FORUM_IMPORT_MAX_BYTES"]
    try:
        fetched = feeds.fetch(url, None, None, allow_private, max_bytes=cap)
    except (RefusedTarget, feeds.FeedTooLarge, OSError, http.client.HTTPException) as exc:
        raise click.ClickException(f"could not fetch {url}: {exc}") from None
    if fetched.status != 200:
        raise click.ClickException(f"could not fetch {url}: HTTP {fetched.status}")
    path = os.path.join(directory, "export")
    with open(path, "wb") as fh:
        fh.write(fetched.body)
    return path


@click.command("import-forum")
@click.argument("site")
@click.argument("source")
@click.option("--format", "kind", required=True, type=click.Choice([f.value for f in ForumFormat]))
@click.option("--subject", default=None, help="File every post under this subject (default: one per thread).")
@click.option("--base-url", default=None, help="Discourse: the forum's address, for links to each post.")
@click.option("--allow-private", is_flag=True, help="SOURCE is a URL on a private network (SSRF risk).")
@with_appcontext
def import_forum_command(site, source, kind, subject, base_url, allow_private) -> None:
    """Import a forum export (Discourse JSON, Disqus XML, WordPress WXR) as external items; idempotent.

    SOURCE is a file, or an http(s) URL fetched like a feed."""
    with tempfile.TemporaryDirectory() as directory, service_errors():
        if source.startswith(("http://", "https://")):
            path = download(source, allow_private, directory)
        elif os.path.isfile(source):
            path = source
        else:
            raise click.ClickException(f"no such file: {source}")
        report = import_forum(get_site(site), path, ForumFormat(kind), subject, base_url)
    db.session.commit()
    if report.last_item_id:
        request_scoring(report.last_item_id)
    click.echo(f"created {report.created}, already there {report.skipped}, refused {len(report.errors)}")
    for message in report.errors[:20]:
        click.echo(f"  {message}", err=True)
    if report.errors and not report.created and not report.skipped:
        sys.exit(1)
