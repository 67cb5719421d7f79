"""A site's public moderation charter (L111-7-2 of the French consumer code and its decree, NF ISO 20488): what
is checked and how, the longest wait before publication, why a review can be refused, the order reviews are shown
in, how long they are kept, whether any is rewarded — every figure read from the site's own settings, so the page
cannot promise what the platform does not do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Site
from ..vocabulary import ReportReason
from . import mail
from .site_rules import stored_rules


@dataclass
class Retention:
    """One "how long is it kept" setting of the site, if the site has such settings."""

    setting: str
    days: int | None


@dataclass
class Charter:
    brand: str
    lang: str
    site_hold_rules: int
    model_version: str | None
    sla_urgent_hours: int
    sla_default_hours: int
    sla_safety_hours: int
    duplicate_window_hours: int
    # A copy-paste campaign (services.submitters.find_duplicate): 0 copies when the rule is off.
    campaign_min_copies: int
    campaign_min_words: int
    refusal_reasons: list[tuple[str, str]]
    report_reasons: list[str]
    rewards_reviews: bool
    retention: list[Retention] = field(default_factory=list)

    @property
    def max_hold_hours(self) -> int:
        """The longest a held review waits for a moderator's decision under the site's SLA."""
        return max(self.sla_urgent_hours, self.sla_default_hours)


# The site's retention settings (services.retention), in the order the charter lists them.
RETENTION_SETTINGS = ("retain_reviews_days", "retain_emails_days", "retain_rejected_days")


def retention_settings(site: Site) -> list[Retention]:
    """The site's retention windows when it set any (``None`` = kept with no limit); an empty list when it set
    none: reviews are then kept until removed, withdrawn or erased."""
    values = [Retention(name, getattr(site, name, None)) for name in RETENTION_SETTINGS]
    return values if any(r.days is not None for r in values) else []


def charter_for(site: Site, lang: str, config: dict[str, Any]) -> Charter:
    return Charter(
        brand=site.brand_name or site.name,
        lang=lang,
        site_hold_rules=sum(1 for rule in stored_rules(site.word_list) if rule["action"] == "hold"),
        model_version=site.active_model_version,
        sla_urgent_hours=site.sla_low_rating_hours,
        sla_default_hours=site.sla_default_hours,
        sla_safety_hours=int(config.get("SLA_SAFETY_HOURS", 4)),
        duplicate_window_hours=int(config.get("DUPLICATE_WINDOW_HOURS", 24)),
        refusal_reasons=list(mail.REASON_EXPLANATIONS[lang].items()),
        report_reasons=[r.value for r in ReportReason],
        rewards_reviews=bool(site.rewards_reviews),
        retention=retention_settings(site),
        campaign_min_copies=int(config["CAMPAIGN_MIN_COPIES"]),
        campaign_min_words=int(config["CAMPAIGN_MIN_WORDS"]),
    )
