"""What the rules read by their shape share: the apostrophe, staff by their job (English and French), going to a place,
a handle, one pattern of many, the sentence around a match, a quotation, what was reported, the words of a story,
and the matches of a view kept as spans of the original."""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderation.content.normalise import Mapped, base_view
from moderation.content.verdict import Action, Context, Match, Reason

Q = "['’]"  # the apostrophe as typed on a keyboard or a phone
# Wishing something on someone, what is wished to follow: "I hope", "may", "j'espère que", "pourvu qu'" (``threats``:
# harm wished on a person; ``safety_talk``: such harm is no hazard told).
EN_WISH = r"(?:(?:hope|wish|pray)(?: that)?|may)"
# An adverb may stand between: "j'espère sincèrement que", "je souhaite vraiment que".
FR_HOPE = r"(?:sincerement|vraiment|franchement|de tout coeur|tellement|bien|juste|tous) "
FR_WISH = rf"(?:j{Q}?\s*espere|esperons|je souhaite|pourvu) (?:{FR_HOPE})?(?:que |qu{Q}\s*)"
# Staff by their job, in English: whom an insult or a threat next to them is aimed at (``words``, ``threats``).
STAFF_EN = (
    r"(?:sellers?|vendors?|owners?|managers?|staff|employees?|agents?|reps?|couriers?|technicians?|cashiers?|clerks?"
    r"|waiters?|waitress(?:es)?|receptionists?|salesm[ae]n|saleswom[ae]n|salespe(?:rson|ople)|moderators?|admins?)"
)


# The same in French, plurals included (``words``, ``threats``, ``contempt``).
STAFF_FR = (
    r"(?:vendeu(?:r|se)s?|livreu(?:r|se)s?|gerante?s?|patron(?:ne)?s?|conseill(?:er|ere)s?|employee?s?|"
    r"caissier(?:e)?s?|serveu(?:r|se)s?|techniciens?|responsables?|directeurs?|directrices?|proprios?|proprietaires?|"
    r"chauffeurs?|commerciaux|agents?|receptionnistes?|hotesses?)"
)
# People by what they do, for an insult beside them ("stupid seller", "ce livreur idiot"), and the word alone.
PERSON_NOUN = rf"(?:{STAFF_EN}|guy|woman|lady|{STAFF_FR})"
STAFF = re.compile(rf"\b{PERSON_NOUN}\b")
# A young child named by age, word or what only babies use (a teether, a dummy): harm shapes that need one.
YOUNG_CHILD = re.compile(
    r"\b(?:baby|babies|toddler|infant|\d+[- ]?(?:yr|year|month|mo)s?[- ]?old|bebe|bambin|tout-petit|"
    r"(?:fils|fille|enfant|petit|petite) de \d+ (?:mois|ans)|teethers?|teething|pacifiers?|dumm(?:y|ies)|tetines?|"
    r"anneaux? de dentition|hochets?|rattles?|sucettes?)\b"
)
# The days of the week, in English and French, as the folded views spell them.
DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
)
# Going to a place, the place to follow: "come down to", "I'm heading over to", "turn up at" (``attacks``,
# ``threats``: going there, then attacking it or the people in it; ``veiled``: a visit, its own places after
# ``EN_GO``), and when ("…tomorrow and …").
EN_GO = (
    r"(?:come|coming|go|going|head|heading|walk|walking|drive|driving|turn up|turning up|show up|showing up|pop|"
    r"popping|swing|roll|march|marching|storm|storming|be|get|getting)(?: (?:down|over|back|round|around|up|in|"
    r"straight))?"
)
# The speaker's own intent (``threats``, ``reprisal``), spelt as typed in anger too: "ill", "il", "i ll", "imma",
# "ima", "i'ma", "im gonna", "i swear ill" ("ill" before a verb of violence and a person is no illness).
EN_INTENT = (
    rf"(?:{Q}ll| ll| will| shall|{Q}m going to|{Q}m gonna|{Q}m finna| am going to| am gonna| are going to| are "
    rf"gonna|{Q}re going to|{Q}re gonna| r gonna| gonna| finna| wanna| want to)"
)
EN_SPEAKER = rf"(?:(?:i|we) swear,? )?(?:(?:i|we){EN_INTENT}|ill|il|imma|ima|i{Q}m+a|im (?:going to|gonna|finna)|ahma)"
EN_GO_TO = rf"{EN_GO} (?:to|at|into|by)"
EN_SOON = r"(?: (?:tomorrow|tonight|today|later|soon|one day|one night|next week|this weekend|after work))?"
# The same in French, the speaker included, the place to follow: "je vais passer", "j'irai demain", "on débarque ce
# soir", "je me pointe en personne" (``attacks``, ``veiled``).
FR_I_GO = (
    rf"\b(?:je|j{Q}\s*|on|nous)\s*(?:(?:vais|va|allons|irai|ira|compte|comptons|peux|pourrais) )?(?:venir|viens|"
    r"vient|viendrai|viendra|viendrons|aller|vais|va|allons|irai|ira|irons|passer|passe|passerai|passera|passerons|"
    r"debarquer|debarque|debarquerai|debarquera|me pointe|me pointer|monte|monter|descends|descendre|retourne|"
    r"retourner)(?: (?:directement|moi-meme|en personne|demain|ce soir|un jour|un soir|bientot|cette semaine|lundi|"
    r"samedi))?"
)
# A sentence that speaks to someone ("you", "tu", "ton"), in the folded views.
SECOND_PERSON = re.compile(r"\b(?:you|your|yourself|u|ur|tu|toi|ton|ta|tes|te)\b|\bt'")
# A handle on a social or messaging app, or of a commenter replied to ("@camille_run"): ``links``, ``commenters``.
HANDLE = r"@[a-z0-9_.]{3,32}(?<![._])"


def any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_SENTENCE_END = re.compile(r"[.!?]")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``: from the last full stop, "!" or "?" before it to the
    next one after it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[ends[-1] if ends else 0 : after.start() if after else len(text)]


_QUOTES = (("«", "»"), ("“", "”"), ('"', '"'))
# The last single quote that opens (after a space or a bracket, before a letter) and one that closes (after a letter
# or punctuation, before a space or punctuation): an apostrophe sits between two letters ("villain's", "I'll").
_SINGLE_OPENING = re.compile(r"(?<![\w'‘’])['‘](?=\w)")
_SINGLE_CLOSING = re.compile(r"(?<=[\w.!?,])['’](?!\w)")
_WORD = re.compile(r"[^\W\d_]{3,}")
# What someone else said to the author, reported to complain of it: "someone called me a 'stupid cow' and told me to
# 'go die'", "il m'a traité de « connard »". Only words said to the author ("me"): "I told him 'go die'" is not.
_REPORTED_TO_ME = re.compile(
    r"(?:\b(?:called|calling|call|calls|told|tells|telling|said to|wrote to|messaged|dm'?d|(?:yelled|shouted|"
    r"screamed|snapped|barked) at) me\b|\bm['’]\s*(?:a|ont|avait|avaient) (?:\w+ )?(?:traitée?|dit|écrit|ecrit|"
    r"appelée?|insultée?|lancé|lance|balancé|balance|crié|crie|hurlé|hurle|sorti)|\bm(?:a|ont|avait|avaient) "
    r"(?:traitée?|dit|écrit|ecrit|lancé|balancé|crié|hurlé|sorti)\b|\bme (?:traite|traitent|dit|disent|"
    r"lance|crie|hurle)|\ben me traitant)"
    r"[^.!?]{0,40}$",
    re.IGNORECASE,
)
# Said out loud, then aimed at the author after the quotation: "the manager yelled 'get out you stupid cow' at me".
_SAID_BEFORE = re.compile(
    r"\b(?:said|yelled|shouted|screamed|snapped|barked|told|wrote|replied|answered|went)\b[^.!?]{0,70}$", re.IGNORECASE
)
# Someone else's words, the quotation opened right after the verb of saying: "Staff member muttered 'stupid old bitch'
# as I walked away", "le vendeur a lâché : « pauvre conne »". Not the author's ("I said 'you idiot'").
_SAID_THEN_QUOTED = re.compile(
    r"(?<!\bi )(?<!\bwe )(?<!\bj'ai )(?<!\bon a )\b(?:muttered|mumbled|murmured|whispered|hissed|grumbled|spat|"
    r"said|says|yelled|shouted|screamed|snapped|barked|sneered|replied|answered|called out|went|marmonne|murmure|"
    r"grommele|lache|lance|crie|hurle|repondu|balance|dit)\s*[:,]?\s*['\"«“‘][^'\"«»“”‘’.!?]{0,60}$",
    re.IGNORECASE,
)
_AT_ME_AFTER = re.compile(
    r"\W{0,3}\s*(?:at|to) (?:me|my face|us)\b|\W{0,3}\s*(?:his|her|their) (?:words|exact words)\b", re.IGNORECASE
)


def quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies between quotation marks inside a longer text: a film's title ("Quand je serai
    grande, je te tuerai"), a song, or what someone else said ("the driver told me 'I know where you live'") is not
    the author's own threat. A text that is nothing but the quotation gets no such benefit of the doubt."""
    for opening, closing in _QUOTES:
        before = text[:start]
        if opening == closing:
            inside = before.count(opening) % 2 == 1
        else:
            inside = before.rfind(opening) > before.rfind(closing)
        after = text.find(closing, end)
        if inside and after >= 0:
            outside = text[: before.rfind(opening)] + text[after + 1 :]
            return bool(_WORD.search(outside))
    # Single quotes, told from apostrophes by what is around them: "the villain's line 'I'll gut you like a fish'".
    openings = [m for m in _SINGLE_OPENING.finditer(text, 0, start + 1) if m.start() < start]
    if openings:
        opening = openings[-1]
        closing = _SINGLE_CLOSING.search(text, end)
        if closing and not _SINGLE_CLOSING.search(text, opening.end(), start):
            return bool(_WORD.search(text[: opening.start()] + text[closing.end() :]))
    return False


# Received, told without quotation marks: "he muttered something like useless old bitch", "the mechanic said I was a
# clueless wanker", "told my partner he was too dumb", "il m'a dit texto : vous êtes trop con". From the report to the
# word, one clause: "he called me a liar, what an idiot" and "… , il est con" are the author's own.
_RECEIVED = re.compile(
    r"\b(?:called|told|said(?: to)?|says|muttered|mumbled|whispered|yelled|shouted|screamed|snapped|barked|hissed)\s+"
    r"(?:(?:something|words|stuff) (?:like|along the lines of)\b|(?:me|us|my (?:partner|wife|husband|son|daughter|mum|"
    r"mom|mother|dad|father|friend|kid|boyfriend|girlfriend))\b|(?:that )?(?:i|we) (?:was|were|am|are)\b|i.m\b)"
    r"|\bm['’]\s*(?:a|ont|avait|avaient) (?:\w+ )?(?:trait[ée]e?s?|dit|lanc[ée]|balanc[ée]|cri[ée]|hurl[ée]|sorti|"
    r"appel[ée]e?|insult[ée]e?)\b|\bm(?:a|ont|avait|avaient) (?:trait[ée]e?s?|dit|lanc[ée]|cri[ée]|hurl[ée])\b"
    r"|\ben me traitant\b|\bme (?:traite|traitent)\b|\ba (?:dit|lanc[ée]|cri[ée]|hurl[ée]) [àa] (?:mon|ma|mes) \w+",
    re.IGNORECASE,
)
_OWN_AFTER = re.compile(
    r"(?:[,;!]|\b(?:and|but|so|et|mais|donc|alors)\b)\s*(?:what|quel(?:le)?s?|he(?:'s| is)|she(?:'s| is)|"
    r"they(?:'re| are)|you|u|ur|ya|il est|elle est|c.est|t.es|tu es|vous [eê]tes|toi|esp[eè]ce|this|that|ce|cette|"
    r"what an?|total|vraiment)\b",
    re.IGNORECASE,
)


def received(text: str, start: int) -> bool:
    """Whether the word at ``start`` of the original ``text`` is told as received without quotation marks
    (``_RECEIVED``, in its sentence, with no clause of the author's own between)."""
    window = text[max(0, start - 80) : start]
    window = window[max(window.rfind("."), window.rfind("!"), window.rfind("?")) + 1 :]
    cues = list(_RECEIVED.finditer(window))
    if not cues:
        return False
    # A quotation closed after the report ends what was said: "m'a dit de 'redémarrer' : t'es un cas social".
    after = window[cues[-1].end() :]
    # One letter more, so that an elision right before the word ("espèce d'abrutie") is no closing quotation mark.
    closed = _SINGLE_CLOSING.search(after + text[start : start + 1]) is not None or any(m in after for m in '"»”')
    return not closed and _OWN_AFTER.search(after) is None


def reported(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is quoted as what someone said or wrote to the author (``_REPORTED_TO_ME``), or
    told as received without quotation marks (``received``)."""
    if not quoted(text, start, end):
        return received(text, start)
    if _REPORTED_TO_ME.search(text, max(0, start - 60), start) is not None or received(text, start):
        return True
    if _SAID_THEN_QUOTED.search(base_view(text[max(0, start - 90) : start]).text):
        return True
    closing = re.compile("['\"»”’]").search(text, end, end + 80)
    return (
        closing is not None
        and _SAID_BEFORE.search(text, max(0, start - 90), start) is not None
        and _AT_ME_AFTER.match(text, closing.end()) is not None
    )


# A review that tells a story names a novel, a character, a plot, an author, a book, a film, a series or a video
# game, or reading it (``safety``, ``words``). Product reviews say "read" and "histoire" too: what the story words
# change is only what a sentence without the reviewer, a product or a hazard of its own means.
NARRATIVE = re.compile(
    r"\b(?:romans?|personnages?|heros|heroine|auteure?|autrice|intrigue|tome|recit|saga|chapitres?|ecrivain|"
    r"realisateur|scenario|narrat(?:eur|rice)|polar|thriller|novels?|characters?|plot|author|chapters?|narrator|"
    r"livres?|lecture|ouvrages?|films?|bouquins?|lu|lire|histoire|books?|movies?|novella|read|reading|storyline|"
    r"subplot|sequel|prequel|trilog(?:y|ie)|gameplay|video ?games?|jeux? video|boss|bosses|tv series|tv shows?|"
    r"sitcom|serie (?:tele|tv|televisee|medicale|policiere)|season \d+|saison \d+|blu-?ray|dvd|documentaire|"
    r"documentary|mangas?|bande dessinee|villains?|hero|plot twists?|rebondissements?|page[- ]turner|(?:couldn'?t|"
    r"could not|can'?t) put it down)\b"
)


def unquoted(
    ctx: Context,
    view: Mapped,
    found: Iterable[re.Match[str]],
    label: str,
    reason: str = Reason.ABUSIVE.value,
    action: Action = Action.HOLD,
) -> list[Match]:
    """Matches of a shape on ``view``, as spans of the original text labelled "label: words", but for what is quoted
    (``quoted``: a title, a line of dialogue, what someone else said)."""
    kept = []
    for m in found:
        start, end = view.span(m.start(), m.end())
        if not quoted(ctx.text.original, start, end):
            kept.append(Match(reason, f"{label}: {m.group(0)}", start, end, ctx.text.original[start:end], action))
    return kept
