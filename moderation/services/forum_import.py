"""Forum exports → external posts: a Discourse topic export (JSON), a Disqus export (XML), a WordPress export's
comments (WXR). Idempotent: a post is known by its id within its forum (``services.external``).

XML is untrusted input: it is parsed with defusedxml, which refuses any DTD, so entity expansion ("billion
laughs") and external entities (XXE) never happen. The stdlib parser alone would expand internal entities.
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as parse_xml
from flask import current_app

from ..models import Site
from ..schemas.common import subject_id_problem
from .errors import ServiceError
from .external import ExternalPostData, ExternalReport, add_posts
from .submissions import check_subject_id

# One post as a parser found it: the subject it belongs to unless the caller names one, where it was found
# (source key and name), and the post.
Found = tuple[str, str, str | None, ExternalPostData]


class ForumFormat(enum.StrEnum):
    DISCOURSE = "discourse"
    DISQUS = "disqus"
    WXR = "wxr"


def refused(message: str) -> ServiceError:
    return ServiceError("invalid_file", message, field="file", status=422)


def parse_date(value: Any) -> datetime | None:
    """ISO 8601 (Discourse, Disqus) or WordPress's ``YYYY-MM-DD HH:MM:SS`` (GMT); None when absent or unreadable."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def subject_key(value: str, fallback: str) -> str:
    """A thread's own id as the default subject when it can name one (a Disqus identifier may be a URL), else
    ``fallback``, made of the export's numeric id."""
    return value if value and subject_id_problem(value) is None else fallback


# -- Discourse ---------------------------------------------------------------------------------------------------


def discourse_topics(document: Any) -> list[dict[str, Any]]:
    """A topic (``/t/{id}.json``, with ``post_stream``), a list of topics, or ``{"topics": [...]}``."""
    if isinstance(document, dict) and "post_stream" in document:
        return [document]
    topics = document.get("topics") if isinstance(document, dict) else document
    if not isinstance(topics, list) or not all(isinstance(t, dict) for t in topics):
        raise refused("not a Discourse topic export (no post_stream)")
    return topics


def read_discourse(path: str, base_url: str | None) -> Iterator[Found]:
    try:
        with open(path, encoding="utf-8") as fh:
            document = json.load(fh)
    except (ValueError, UnicodeDecodeError) as exc:
        raise refused(f"not valid JSON: {exc}") from None
    for topic in discourse_topics(document):
        base = (base_url or topic.get("base_url") or "").rstrip("/")
        source = "discourse:" + (urlsplit(base).netloc or base or "forum")
        topic_id, slug = topic.get("id"), topic.get("slug") or "topic"
        posts = (topic.get("post_stream") or {}).get("posts") or []
        for post in posts:
            if not isinstance(post, dict) or post.get("id") is None or post.get("hidden") or post.get("deleted_at"):
                continue
            number = post.get("post_number")
            url = f"{base}/t/{slug}/{topic_id}/{number}" if base and topic_id is not None and number else None
            yield (
                f"discourse-{topic_id}",
                source,
                topic.get("title"),
                ExternalPostData(
                    guid=str(post["id"]),
                    body=post.get("cooked") or post.get("raw") or "",
                    author=post.get("name") or post.get("username"),
                    url=url,
                    title=topic.get("title") if number == 1 else None,
                    published_at=parse_date(post.get("created_at")),
                ),
            )


# -- XML: Disqus and WordPress -----------------------------------------------------------------------------------


def local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(element: Element, name: str) -> Element | None:
    return next((c for c in element if local(c.tag) == name), None)


def text_of(element: Element | None, name: str | None = None) -> str:
    found = element if name is None or element is None else child(element, name)
    return (found.text or "").strip() if found is not None else ""


def attribute(element: Element | None, name: str) -> str:
    if element is None:
        return ""
    return next((v for k, v in element.attrib.items() if local(k) == name), "")


def read_xml(path: str) -> Element:
    """The document's root, parsed without DTDs, entities or external references."""
    try:
        return parse_xml(path, forbid_dtd=True, forbid_entities=True, forbid_external=True).getroot()
    except DefusedXmlException as exc:
        raise refused(f"refused: the file declares a DTD or entities ({type(exc).__name__})") from None
    except ParseError as exc:
        raise refused(f"not well-formed XML: {exc}") from None


def read_disqus(path: str) -> Iterator[Found]:
    root = read_xml(path)
    if local(root.tag) != "disqus":
        raise refused("not a Disqus export (the root element is not <disqus>)")
    threads: dict[str, tuple[str, str, str]] = {}
    for thread in (e for e in root if local(e.tag) == "thread"):
        threads[attribute(thread, "id")] = (text_of(thread, "id"), text_of(thread, "link"), text_of(thread, "forum"))
    for post in (e for e in root if local(e.tag) == "post"):
        if text_of(post, "isDeleted") == "true" or text_of(post, "isSpam") == "true":
            continue
        post_id = attribute(post, "id")
        thread_ref = attribute(child(post, "thread"), "id")
        identifier, link, forum = threads.get(thread_ref, ("", "", ""))
        author = child(post, "author")
        yield (
            subject_key(identifier, f"disqus-{thread_ref}"),
            f"disqus:{forum or 'forum'}",
            forum or None,
            ExternalPostData(
                guid=post_id,
                body=text_of(post, "message"),
                author=text_of(author, "name") or text_of(author, "username"),
                url=f"{link}#comment-{post_id}" if link and post_id else None,
                published_at=parse_date(text_of(post, "createdAt")),
            ),
        )


def read_wxr(path: str) -> Iterator[Found]:
    root = read_xml(path)
    channel = child(root, "channel")
    if local(root.tag) != "rss" or channel is None:
        raise refused("not a WordPress export (no <rss><channel>)")
    blog_link, blog_title = text_of(channel, "link"), text_of(channel, "title")
    source = "wxr:" + (urlsplit(blog_link).netloc or blog_link or "blog")
    for entry in (e for e in channel if local(e.tag) == "item"):
        link = text_of(entry, "link")
        subject = subject_key(text_of(entry, "post_name"), f"wp-{text_of(entry, 'post_id')}")
        for comment in (c for c in entry if local(c.tag) == "comment"):
            if text_of(comment, "comment_approved") in ("spam", "trash"):
                continue
            comment_id = text_of(comment, "comment_id")
            yield (
                subject,
                source,
                blog_title or None,
                ExternalPostData(
                    guid=comment_id,
                    body=text_of(comment, "comment_content"),
                    author=text_of(comment, "comment_author"),
                    url=f"{link}#comment-{comment_id}" if link and comment_id else None,
                    # WordPress writes GMT without a zone: naive, which is this platform's UTC convention.
                    published_at=parse_date(text_of(comment, "comment_date_gmt")),
                ),
            )


def read_forum(path: str, kind: ForumFormat, base_url: str | None = None) -> list[Found]:
    """Every post of an export, read before anything is written (a refused file writes nothing).

    Raises:
        ServiceError: 422 naming ``file`` for a file too large, unreadable, or not of the format.
    """
    if os.path.getsize(path) > current_app.config["FORUM_IMPORT_MAX_BYTES"]:
        raise refused("the file is larger than FORUM_IMPORT_MAX_BYTES")
    if kind == ForumFormat.DISCOURSE:
        return list(read_discourse(path, base_url))
    if kind == ForumFormat.DISQUS:
        return list(read_disqus(path))
    return list(read_wxr(path))


def import_forum(
    site: Site, path: str, kind: ForumFormat, subject: str | None = None, base_url: str | None = None
) -> ExternalReport:
    """Import an export's posts as external items (the caller commits, then asks for scoring)."""
    if subject is not None:
        check_subject_id(subject)
    groups: dict[tuple[str, str, str | None], list[ExternalPostData]] = {}
    for default_subject, source, source_name, post in read_forum(path, kind, base_url):
        key = (subject or default_subject, source, source_name)
        groups.setdefault(key, []).append(post)
    total = ExternalReport()
    for (subject_id, source, source_name), posts in groups.items():
        report = add_posts(site, subject_id, source, source_name, posts)
        total.created += report.created
        total.skipped += report.skipped
        total.errors.extend(report.errors)
        total.last_item_id = report.last_item_id or total.last_item_id
    return total
