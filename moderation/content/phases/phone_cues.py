"""A number written the international way ("+229 67 45 12 33") after a messaging app or a call ("contactez-le sur
WhatsApp au", "text me on", "appelez le"): a person's number given out, even where ``phonenumbers`` no longer knows
the national plan it was written in (Benin's eight digits before its ten, a range just opened). The country code must
be one that exists and the national part as long as a phone's, so an amount or a date after "call" is none.
"""

from __future__ import annotations

import re

import phonenumbers

# A messaging app or a call, at most 30 characters before the number and no sentence end between them.
_CUE = re.compile(
    r"\b(?:whats ?app|wh?ats?ap+|wa|telegram|tg|signal|viber|wechat|imo|botim|appel\w*|call\w*|text|sms|tel|"
    r"telephone|phone|numero|number|num|portable|mobile|cell|joindre|joignable|joignez|rappel\w*|reach|ring|"
    r"contact\w*|ecri\w*|write|message\w*|dm)\b[^.!?\d]{0,30}$"
)
_INTERNATIONAL = re.compile(r"\+(\d[\d .-]{6,}\d)")


def international_after_a_cue(text: str, run: re.Match[str]) -> bool:
    """Whether ``run`` (a run of digits in ``text``) is a "+" and a country code, then seven to twelve digits, after
    a cue (``_CUE``)."""
    written = _INTERNATIONAL.fullmatch(run.group(0).strip())
    if written is None or not _CUE.search(text, max(0, run.start() - 40), run.start()):
        return False
    digits = re.sub(r"\D", "", written.group(1))
    for length in (1, 2, 3):
        region = phonenumbers.region_code_for_country_code(int(digits[:length]))
        if region != phonenumbers.UNKNOWN_REGION:
            # "001" is a code of no country: freephone and shared-cost ranges (+800, +808), satellites.
            return region != "001" and 7 <= len(digits) - length <= 12
    return False
