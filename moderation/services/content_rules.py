"""Content rules that need no model. They run before the 202, so a spam link is never public."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..vocabulary import Reason

# Schemes, "www.", and bare domains with a common TLD (shorteners such as bit.ly/xyz included).
LINK_RE = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://\S+)"
    r"|(?:\bwww\.\S+)"
    r"|(?:\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|ly|me|fr|be|ch|ca|uk|de|eu|ru|cn|xyz"
    r"|top|site|online|shop|store|link|click|gl|gd|to|tk|us)(?:/\S*)?\b)",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Phone numbers written the way people write them: groups with separators ("06 12 34 56 78",
# "+33 6 12 34 56 78", "555-123-4567") or a French 10-digit run. Bare long digit runs are order numbers.
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,5}\b|\b0[1-9]\d{8}\b")

# A short default list; each site adds its own (console admin, ``moderation site create --word``). Words that
# are ordinary in the other language stay out ("retard" is "late" in French).
DEFAULT_WORDS = (
    "connard",
    "connasse",
    "enculé",
    "encule",
    "salope",
    "pute",
    "fils de pute",
    "nique ta mère",
    "fuck you",
    "motherfucker",
    "asshole",
    "bitch",
    "cunt",
    "nigger",
    "faggot",
    "pédé",
)


@dataclass
class RuleResult:
    reasons: list[str] = field(default_factory=list)
    evidence: dict[str, list[str]] = field(default_factory=dict)

    @property
    def hold(self) -> bool:
        return bool(self.reasons)


def fold(text: str) -> str:
    """Lower-case and strip accents so 'Enculé' and 'encule' match the same entry."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matched_words(text: str, words: list[str] | tuple[str, ...]) -> list[str]:
    folded = fold(text)
    found = []
    for word in words:
        w = fold(word.strip())
        if w and re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", folded):
            found.append(word)
    return found


def check_content(texts: list[str], site_words: list[str]) -> RuleResult:
    """Apply the model-free rules to the customer's texts (title, body, name)."""
    result = RuleResult()
    joined = "\n".join(t for t in texts if t)
    # An email address is personal data, not a link: take it out before looking for domains.
    links = [m.group(0) for m in LINK_RE.finditer(EMAIL_RE.sub(" ", joined))]
    if links:
        result.reasons.append(Reason.LINKS)
        result.evidence[Reason.LINKS] = links[:5]
    words = matched_words(joined, tuple(DEFAULT_WORDS) + tuple(site_words or ()))
    if words:
        result.reasons.append(Reason.ABUSIVE)
        result.evidence[Reason.ABUSIVE] = sorted(set(words))
    phones = [m.group(0) for m in PHONE_RE.finditer(joined) if 9 <= sum(c.isdigit() for c in m.group(0)) <= 15]
    personal = EMAIL_RE.findall(joined) + phones
    if personal:
        result.reasons.append(Reason.PERSONAL_DATA)
        # Evidence names the kind, not the data: the audit trail must not copy personal data around.
        result.evidence[Reason.PERSONAL_DATA] = [f"{len(personal)} match(es)"]
    return result
