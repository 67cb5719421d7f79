"""Shapes shared by every resource: the error body, ids, timestamps, query-string integers."""

from __future__ import annotations

import re
from typing import Annotated, Any

from email_validator import SPECIAL_USE_DOMAIN_NAMES
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError, core_schema

MAX_ID = 2_147_483_647  # ids are 32-bit integers in the tables
DIGITS = re.compile(r"[+-]?[0-9]{1,12}")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that show nothing: spaces, separators, controls, format characters (zero-width space/joiners, BOM,
# bidi marks, tag characters), i.e. what ``str.isspace`` says and the categories Zs, Zl, Zp, Cc and Cf. Written out
# so the published document can say it (``TEXT_PATTERN``); ``tests/security/test_input.py`` recomputes the class
# from ``unicodedata``. The Basic Multilingual Plane as escapes every regex engine reads (Python, Rust, ECMAScript);
# the astral format characters as the characters themselves, since no escape for them is read alike everywhere.
INVISIBLE_CATEGORIES = {"Zs", "Zl", "Zp", "Cc", "Cf"}
# With the letters and symbols that draw nothing, which blank posts and names are made of: the Hangul fillers,
# the blank Braille pattern, the Khmer inherent vowels and the combining grapheme joiner.
BLANK_GLYPHS = "\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0"
INVISIBLE = (
    r"\u0000-\u0020\u007f-\u00a0\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f\u1160"
    r"\u1680\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u2800\u3000\u3164\ufeff"
    r"\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_VISIBLE = re.compile(f"[^{INVISIBLE}]")
NOT_BLANK = r"\S"  # JSON Schema's "pattern" searches: one character that is not a space means "not blank"
# Spaces as any regex engine's \s reads them: Unicode White_Space (Rust's \s, in the patterns pydantic enforces)
# and ECMAScript's (how JSON Schema reads the document's patterns: with U+FEFF, without U+0085). Spelled out, so the
# server and a client reading the document never disagree on a character; NOT_BLANK only goes to pydantic. With
# U+001C-U+001F, which Python's str.strip removes: a name of only those would be stored empty.
SPACES = r"\u0009-\u000d\u001c-\u001f\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# A text a person wrote, as the server takes it: no NUL (refused anywhere in a body, ``http.reject_nul``), and
# empty or with a visible character (``visible_text``). A lookahead rather than ``^(…)?$``: a Python ``$`` also
# matches before a final newline, which would let a lone "\n" through.
TEXT_PATTERN = f"^(?![{INVISIBLE}]+$)[^\\x00]*$"


def no_lone_surrogate(value: Any) -> Any:
    """JSON's ``"\\ud800"`` is not a character, and the database cannot encode it: refused before the other
    checks, which would otherwise report it as a pattern mismatch."""
    if isinstance(value, str) and LONE_SURROGATE.search(value):
        raise PydanticCustomError("invalid_text", "contains an unpaired surrogate (\\ud800-\\udfff): not text")
    return value


def visible_text(value: str | None) -> str | None:
    """Non-empty text shows at least one character: zero-width-only text is blank to a reader."""
    if value and not _VISIBLE.search(value):
        raise PydanticCustomError("invisible_text", "has no visible character")
    return value


MAX_SUBJECT_ID = 200  # subjects.external_id
# What a subject id may not hold: controls (tab, newline, NUL, DEL…), format characters (zero-width, bidi
# overrides that reorder what a moderator reads), surrogates, line and paragraph separators; nor "/" (a path
# segment). Spaces, any of them, are fine inside but not at either end.
HIDDEN_IN_IDS = {"Cc", "Cf", "Zl", "Zp"}  # and surrogates ("Cs"), refused first: no regex engine takes them
# Written out as a pattern so the published OpenAPI document says exactly what the server accepts, in a form
# Python, Rust (pydantic) and ECMAScript read alike: the Basic Multilingual Plane's characters of those
# categories, and "/" (``tests/security/test_subjects.py`` recomputes both classes from ``unicodedata``). A
# portable pattern cannot name astral format characters (tag characters): those are not refused.
SUBJECT_ID_REFUSED = (
    r"\u0000-\u001f\u002f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    r"\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
# The same, plus the characters ``str.strip`` removes: refused as an id's first or last character.
SUBJECT_ID_REFUSED_AT_ENDS = (
    r"\u0000-\u0020\u002f\u007f-\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u1680\u180e"
    r"\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb"
)
SUBJECT_ID_PATTERN = f"^[^{SUBJECT_ID_REFUSED_AT_ENDS}]([^{SUBJECT_ID_REFUSED}]*[^{SUBJECT_ID_REFUSED_AT_ENDS}])?$"
_SUBJECT_ID = re.compile(SUBJECT_ID_PATTERN)


def subject_id_problem(value: str) -> str | None:
    """Why ``value`` cannot be a subject id (a product's SKU, a page's id), or None.

    One rule wherever an id enters: the public path, imports, the console and the command line. An id is
    compared as stored, so two that only differ by an invisible character or a space at an end would be two
    subjects to the platform and one to a person.
    """
    if not value:
        return "subject is required"
    if LONE_SURROGATE.search(value):
        return "subject contains an unpaired surrogate (\\ud800-\\udfff): not text"
    if len(value) > MAX_SUBJECT_ID:
        return f"subject must be at most {MAX_SUBJECT_ID} characters"
    if _SUBJECT_ID.fullmatch(value):
        return None
    if value != value.strip():
        return "subject has a space at its start or end"
    if "/" in value:
        return "subject may not contain /"
    return "subject contains a control or invisible formatting character"


def valid_subject_id(value: str) -> str:
    problem = subject_id_problem(value)
    if problem is not None:
        raise PydanticCustomError("invalid_text", problem.removeprefix("subject "))
    return value


class Text:
    """Marks a field as text a person wrote (``Annotated[str, Field(...), Text]``): no lone surrogate, and
    something visible. After the field's own checks, so "too long" and "blank" keep the codes the widget
    translates; the surrogate check wraps them (a before-validator) so it is named for what it is."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        return core_schema.no_info_before_validator_function(
            no_lone_surrogate, core_schema.no_info_after_validator_function(visible_text, handler(source))
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        """The document says what the server takes (``TEXT_PATTERN``), in place of "not blank", which lets NUL and
        invisible-only text through. A field with a pattern of its own (a URL) keeps it, and says "no NUL" itself."""
        out = handler(schema)
        for branch in out.get("anyOf", [out]):
            if branch.get("type") == "string" and branch.get("pattern", NOT_BLANK) == NOT_BLANK:
                branch["pattern"] = TEXT_PATTERN
        return out


class Body(BaseModel):
    """A JSON request body: types as sent (no "5" for 5, no true for 1), unknown fields refused."""

    model_config = ConfigDict(strict=True, extra="forbid")


# A text with no NUL character (the server refuses one anywhere in a URL).
NO_NUL = r"^[^\x00]*$"


def any_case(name: str) -> str:
    """``test`` → ``[Tt][Ee][Ss][Tt]``: JSON Schema patterns have no flags, and domains ignore case."""
    return "".join(f"[{c.upper()}{c}]" if c.isalpha() else re.escape(c) for c in name)


# An address the e-mail validator takes (``email_validator``, deliverability not checked), as far as a pattern can
# say it, so a client following the document is not refused:
# - special-use and reserved domains (RFC 6761, 6762, 7686: .test, .invalid, .localhost, .local, .onion, .arpa) can
#   never receive mail and are refused whatever ``check_deliverability`` says (``SPECIAL_USE_DOMAIN_NAMES``), after
#   the last "@", in any case (ASCII spelling: look-alikes that IDNA maps onto them are refused by the server
#   all the same);
# - one "@", 254 characters in all; a domain with a dot, labels of at most 63 characters,
#   ending with a letter (every top-level domain does), and no NUL. So "" is no address, even to a reader that
#   treats "format" as a mere annotation.
MAX_EMAIL_CHARS = 254
RESERVED_DOMAINS = "|".join(any_case(name) for name in SPECIAL_USE_DOMAIN_NAMES)
EMAIL_PATTERN = (
    rf"^(?!.*@(?:[^@]*\.)?(?:{RESERVED_DOMAINS})$)(?![^@]*@(?:[^.@]*\.)*[^.@]{{64}})"
    r"[^@\x00]+@[^@\x00]*\.[^@\x00]*[A-Za-z\u0080-\uffff]$"
)
EMAIL = {
    "type": "string",
    "format": "email",
    "maxLength": MAX_EMAIL_CHARS,
    "pattern": EMAIL_PATTERN,
    "description": "an address that can receive mail: special-use domains ("
    + ", ".join(f".{name}" for name in SPECIAL_USE_DOMAIN_NAMES)
    + ") are refused",
}
# An optional address: "" is what a form with an empty optional field sends.
OPTIONAL_EMAIL = {"anyOf": [EMAIL, {"enum": ["", None]}]}


class Query(BaseModel):
    """Query-string parameters: every value arrives as text; an unknown one is refused, naming it (a typo such as
    ``per_pag`` would otherwise be silently ignored)."""

    model_config = ConfigDict(extra="forbid")


class Shape(BaseModel):
    """A response: built from the services' dicts, serialised as JSON."""

    model_config = ConfigDict(from_attributes=True)


def query_int(value: Any) -> Any:
    """A whole number written in decimal: "7", never "7.0", "7_0" or "" (which Python's int() or pydantic take)."""
    if isinstance(value, str):
        if not DIGITS.fullmatch(value.strip()):
            raise PydanticCustomError("int_parsing", "must be a whole number")
        return int(value)
    return value


def whole_number(low: int, high: int, description: str | None = None, optional: bool = False) -> Any:
    """A query parameter holding a whole number from ``low`` to ``high``.

    The bounds come before the parser: in that order pydantic writes them into the schema as minimum/maximum.
    """
    kind = int | None if optional else int
    return Annotated[kind, Field(ge=low, le=high, description=description), BeforeValidator(query_int)]


def integral(value: Any) -> Any:
    """JSON has one number type: 4.0 is the whole number 4 (JSON Schema's "integer" says so too); 4.5 is not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(integral)]
# Written by ``services.listing.iso``: UTC with a "Z".
Timestamp = Annotated[str, Field(json_schema_extra={"format": "date-time"})]


class ErrorDetail(Shape):
    code: str = Field(description="machine-readable: required, too_long, invalid, not_found, …")
    message: str = Field(description="a sentence for a person")
    field: str | None = Field(description="the field at fault (`author.email`, `rating`, `Origin`, …) or null")


class Error(Shape):
    """Every 4xx and 5xx of the API has this one shape."""

    error: ErrorDetail


class SitePath(BaseModel):
    site_slug: str = Field(min_length=1, max_length=64, pattern=r"^[^/\x00]+$", description="the site's slug")


SubjectId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_SUBJECT_ID,
        json_schema_extra={"pattern": SUBJECT_ID_PATTERN},  # checked by valid_subject_id, with its reasons
        description="a product's SKU or a page's id on the site: no control or invisible character, no space at "
        "either end",
    ),
    AfterValidator(valid_subject_id),
]


class SubjectPath(SitePath):
    subject: SubjectId
