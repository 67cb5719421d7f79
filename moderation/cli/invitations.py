"""``moderation invite SITE FILE.csv``: verified-buyer invitations in bulk, through the API's shape and service."""

from __future__ import annotations

import csv
from typing import Any

import click
from flask.cli import with_appcontext

from ..extensions import db
from ..schemas.invitations import check_invitation
from ..services import invitations
from ..services.accounts import get_site
from ..services.errors import ServiceError
from .common import fail, service_errors

COLUMNS = ("order_reference", "subject", "email", "name")
OPTIONAL = ("lang", "send_after")


def orders(rows: list[tuple[int, dict[str, str]]]) -> dict[tuple[str, ...], tuple[list[int], dict[str, Any]]]:
    """Rows of one order (same reference, customer, language and date) become one request with its products."""
    grouped: dict[tuple[str, ...], tuple[list[int], dict[str, Any]]] = {}
    for line, row in rows:
        values = {k: (row.get(k) or "").strip() for k in COLUMNS + OPTIONAL}
        key = tuple(values[k] for k in ("order_reference", "email", "name", "lang", "send_after"))
        lines, payload = grouped.setdefault(
            key,
            (
                [],
                {
                    "order_reference": values["order_reference"],
                    "subjects": [],
                    "customer": {"email": values["email"], "name": values["name"]},
                    **({"lang": values["lang"]} if values["lang"] else {}),
                    **({"send_after": values["send_after"]} if values["send_after"] else {}),
                },
            ),
        )
        lines.append(line)
        payload["subjects"].append(row.get("subject") or "")
    return grouped


@click.command("invite")
@click.argument("site_slug", metavar="SITE")
@click.argument("path", metavar="FILE.csv", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def invite_command(site_slug: str, path: str) -> None:
    """Invite the buyers listed in FILE.csv to review what they bought (verified purchase).

    Columns: order_reference, subject, email, name, and optionally lang (fr, en) and send_after (ISO 8601 with a
    time zone). One row per product; the rows of one order get one mail. Importing a file again invites nobody
    twice (order reference + subject). Every buyer is invited, whatever they may think.
    """
    with service_errors():
        site = get_site(site_slug)
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            fail(f"{path}: missing column(s): {', '.join(missing)} (expected {', '.join(COLUMNS + OPTIONAL)})")
        rows = [(reader.line_num, row) for row in reader]
    created = existing = refused = 0
    for lines, payload in orders(rows).values():
        try:
            results = invitations.invite(site, check_invitation(payload))
            db.session.commit()
        except ServiceError as exc:
            db.session.rollback()
            refused += len(lines)
            where = ", ".join(str(n) for n in lines)
            click.echo(f"line {where}: {exc.field or '-'}: {exc.message}", err=True)
            continue
        created += sum(1 for _, new in results if new)
        existing += sum(1 for _, new in results if not new)
    click.echo(f"{created} invitation(s) created, {existing} already invited, {refused} row(s) refused")
    if refused:
        raise SystemExit(1)
