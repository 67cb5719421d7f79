"""The author's own intent to harm themselves, in French and English: nothing is held, the case goes up the queue
(``safety``, a lift) so that a person reads it within the safety deadline and can answer with help. Hyperbole about a
product ("this manual makes me want to die") is left to the reply queue: only the speaker's own intent or state
counts. Matching is on the ``words`` view."""

from __future__ import annotations

from moderation.content.phases.shapes import Q as _Q
from moderation.content.phases.shapes import any_of, unquoted
from moderation.content.verdict import Action, Context, Match, Reason

_SELF_HARM = [
    rf"\b(?:i|im|i{_Q}m|i am)(?:{_Q}ll| will| going to| gonna| want to| wanna| am going to| plan(?:ning)? to| "
    rf"(?:am )?thinking (?:about|of)|(?:{_Q}ve| have) been thinking (?:about|of)| keep thinking (?:about|of)| feel "
    r"like| might| could)? (?:just )?(?:kill(?:ing)? myself|end(?:ing)? (?:my life|"
    r"it all)|commit(?:ting)? suicide|hang(?:ing)? myself|slit(?:ting)? my wrists|overdos(?:e|ing))\b",
    rf"\b(?:i{_Q}?m|i am|i feel|feeling) (?:so |really |very )?suicidal\b|\bsuicidal (?:thoughts|feelings)\b",
    rf"\b(?:i|i{_Q}?ve) (?:have been |been |keep )?(?:cutting|hurting|harming) myself\b|\bself[- ]harm(?:ing)?\b",
    rf"\b(?:i have|i{_Q}?ve got|there{_Q}?s) no reason to live\b|\bi don{_Q}?t want to (?:live|be alive) "
    r"(?:anymore|any more)\b",
    rf"\b(?:je|j{_Q}?)\s*(?:vais|veux|voudrais|compte|pense a|pense|ai envie de|ai envie d{_Q}\s*)\s*(?:me suicider|me "
    rf"tuer|me foutre en l{_Q}air|me pendre|en finir avec (?:la|ma) vie|en finir\b(?! avec)|me jeter (?:sous|du|"
    rf"d{_Q}\s*un))",
    r"\bje (?:ne |n.)?veux plus (?:vivre|etre en vie|etre la)\b(?! comme ca| ainsi| avec| dans| sans)",
    rf"\b(?:j{_Q}?ai|j ai) (?:des )?(?:idees|pensees) (?:suicidaires|noires)\b|\bje suis suicidaire\b|\bje (?:me suis|"
    rf"m{_Q}\s*suis) (?:scarifie|mutile|ouvert les veines)\w*|\bje (?:me scarifie|me mutile)\b",
    rf"\b(?:je n{_Q}\s*ai|j{_Q}?ai) plus (?:envie|aucune raison) de vivre\b|\bje veux mourir\b",
]

# The label of a self-harm match's rule ("self-harm: …"): the console tells a person at risk from a product hazard
# by it, both being ``safety`` evidence.
SELF_HARM = "self-harm"
_SELF_HARM_RE = any_of(_SELF_HARM)


def self_harm(ctx: Context) -> list[Match]:
    """The author's own intent to harm themselves: the case goes up the queue (``safety``), nothing is held."""
    view = ctx.text.words
    return unquoted(ctx, view, _SELF_HARM_RE.finditer(view.text), SELF_HARM, Reason.SAFETY.value, Action.LIFT)
