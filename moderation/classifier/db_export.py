"""Stand-in for ``moderation.services.training_data.export_labelled`` until the web app provides it.

Plain SQL against the documented schema, so it needs no ORM model: table ``items`` (``kind`` 'review' or
'comment', ``rating`` nullable, ``title``, ``body``) and table ``cases`` (``item_id``, ``state``).
Labels follow the platform's convention, 1 = negative and 0 = positive:

- a review rated 1–2★ is negative, 4–5★ positive (3★ says nothing);
- a case a moderator ``dismissed`` was a false alarm: its item is positive; an ``answered`` case is negative.
  A moderator's decision overrides the rating.
"""

from __future__ import annotations

import os


def export_labelled(site: str | None = None, database_url: str | None = None) -> list[tuple[str, int]]:
    """(text, label) pairs from the platform's database; the text is the title and body joined.

    Raises:
        ValueError: no database URL is configured.
    """
    from sqlalchemy import create_engine, text

    url = database_url or os.environ.get("MODERATION_DATABASE_URL")
    if not url:
        raise ValueError("set MODERATION_DATABASE_URL (or pass --database-url) to export from the database")
    site_join = "JOIN sites s ON s.id = i.site_id" if site else ""
    site_where = "AND s.slug = :site" if site else ""
    query = text(
        f"""
        SELECT i.id, i.rating, i.title, i.body,
               (SELECT c.state FROM cases c WHERE c.item_id = i.id
                 AND c.state IN ('dismissed', 'answered') ORDER BY c.id DESC LIMIT 1) AS decision
        FROM items i {site_join}
        WHERE 1 = 1 {site_where}
        """
    )
    engine = create_engine(url)
    out: list[tuple[str, int]] = []
    with engine.connect() as connection:
        for row in connection.execute(query, {"site": site} if site else {}):
            body = " ".join(part for part in (row.title, row.body) if part).strip()
            if not body:
                continue
            if row.decision == "dismissed":
                out.append((body, 0))
            elif row.decision == "answered":
                out.append((body, 1))
            elif row.rating is not None and row.rating <= 2:
                out.append((body, 1))
            elif row.rating is not None and row.rating >= 4:
                out.append((body, 0))
    engine.dispose()
    return out
