"""Teasing between friends, and a rival beaten at a game: where a listed word is said with warmth, not aimed to hurt.

Forum regulars call each other names the lists hold when said to a stranger: "lol Dave you absolute muppet, you
forgot the tongs again, love you mate", "t'es un boulet, à dimanche !". What tells them apart is not the word but
what comes with it: the writer meets, treats, kisses or thanks the one they tease. So a **mild** insult (the
``SOFT`` entries: a fool, a dead weight, never a slur nor a sexual or a worthless-person word) is teasing where
the text also carries warmth (``_WARMTH``: "see you Sunday", "coffee's on me", "love ya", "bisous", "à
dimanche", "tu me dois une bière", a kiss or a heart). Everything else the text says is read as before: a threat,
a put-down or a slur beside the teasing still holds it, and staff named in the sentence keep their protection.

A killing word said laughing of one's own people named just before ("mon mari a rempli ma gourde de vin, je vais le
tuer 😂") is a joke at home (``joking_at_kin``), unless staff are named there too.

A killing verb with a contest after it ("il va te tuer au classement Strava", "she'll destroy you on the climbs")
is a rival's boast, not a threat (``a_boast``).
"""

from __future__ import annotations

import re

from moderation.content.normalise import base_view
from moderation.content.phases.shapes import DAYS as _DAYS
from moderation.content.phases.shapes import STAFF_EN, STAFF_FR, sentence_around
from moderation.content.verdict import Context

# Entries of data/abuse_*.txt (without their @target or @you) that friends call each other: fools, dead weights.
SOFT = frozenset(
    {
        "muppet*",
        "pillock*",
        "plonker*",
        "numpty",
        "nitwit*",
        "dork*",
        "idiot",
        "idiote",
        "clown*",
        "loser*",
        "boulet",
        "boulets",
        "neuneu*",
        "guignol*",
        "bouffon*",
        "naze*",
        "nazes",
        "espèce d'andouille",
        "quelle andouille",
        "pauvre andouille",
    }
)

_TREATS = r"(?:coffees?|beers?|pints?|drinks?|rounds?|brunch|lunch|breakfast|cakes?|bevvies|the next one)"
_WARMTH = re.compile(
    r"\b(?:love (?:you|ya|u)|luv (?:you|ya|u)|miss (?:you|ya|u)|proud of (?:you|ya|u)|bless (?:him|her|you|ya)"
    rf"|(?:see|c) (?:you|ya|u)(?: all| guys| lot)? (?:soon|later|tomorrow|tmrw|tmw|next (?:week|time|ride|run|session)|"
    rf"(?:on |this |next )?{_DAYS}|at (?:the )?(?:ride|run|parkrun|club|session|match|game|pub|bbq|party|start|cafe))"
    rf"|{_TREATS}(?:'s| is| are)? on me|you owe me (?:a|an|one)\b|(?:i'll|ill|i will) (?:lend|save|bring) (?:you|ya|u)"
    rf"|a (?:demain|plus|tout a l'heure|tout de suite|ce soir|la prochaine|bientot|{_DAYS})"
    rf"|(?:rdv|rendez-vous) (?:a |au |ce )?(?:{_DAYS}|demain|depart|cafe|parking)"
    r"|on se (?:voit|retrouve|capte)|je (?:t'|vous )aime|bisous?|bises|gros bisous"
    r"|(?:tu me dois|je te dois|je (?:te|vous) (?:paie|paye|offre)) (?:une|un|la|le|ma|ta) "
    r"(?:biere|binouze|mousse|cafe|verre|tournee|apero|crepe|part)"
    r"|c'est ma tournee|je te (?:prete|passe|ramene|garde)|sans (?:toi|vous) ce (?:serait|sera))\b"
    r"|(?:^|\s)(?:x{1,3}|xoxo)\s*$"
)
_WARM_EMOJI = re.compile("[\U0001f618\U0001f970\u2764\u2665\U0001f495\U0001f917\U0001f49b\U0001f499\U0001f49a]")


# Staff by their job ("the cashier"), not "the only guy I know": a friend is a guy too.
_STAFF = re.compile(rf"\b(?:{STAFF_EN}|{STAFF_FR})\b")


def teasing_a_friend(ctx: Context, entry: str, start: int, end: int) -> bool:
    """Whether the listed ``entry`` matched at the original ``[start:end]`` is a mild name said with warmth."""
    if entry not in SOFT:
        return False
    original = ctx.text.original
    if _STAFF.search(base_view(sentence_around(original, start, end)).text):
        return False
    return _WARMTH.search(ctx.text.base.text) is not None or _WARM_EMOJI.search(original) is not None


# A contest after a killing verb: "va te tuer au classement", "kill you on the climbs", "destroy you at chess".
_CONTESTS = (
    r"(?:classements?|sprints?|courses?|points|echecs|scrabble|poker|belote|tarot|chronos?|montees?|cotes?|cols?|"
    r"bosses?|strava|segments?|rankings?|leaderboards?|scoreboards?|races?|climbs?|hills?|fifa|mario ?kart|matchs?|"
    r"games?|quiz|jeux?|parties?|tennis|squash|padel|golf|ping ?pong|babyfoot|flechettes|darts|pool|billard|cards|"
    r"cartes|petanque|chess|checkers|monopoly|uno|cluedo|trivia|pub quiz|bowling|karting|go-?karts?|paintball|fortnite|"
    r"\d+ ?k(?:m|ms)?|semis?|marathons?|trails?|parkruns?|kom|qom|pb|pr|records?|finish|arrivee)"
)
_CONTEST_AFTER = re.compile(
    r"\s+(?:au|aux|a la|a l'|en|sur|dans|on|at|in|over)(?:\s+(?:the|le|la|les|l'|ce|cette|ton|ta|tes|your|ur|my|mon|"
    rf"ma|mes|a|un|une|next|prochaine?|prochain))*\s*{_CONTESTS}\b"
)
_KILLING = re.compile(r"tu(?:er|e|erai|era)\b|kill|bute|defonc|destroy|detrui|massacr|crush|ecras|smash|demoli|murder")


def a_boast(words: str, after: str) -> bool:
    """Whether ``words`` (a killing word aimed at someone, folded) are followed, in ``after``, by the game they are won
    at."""
    return _KILLING.search(words) is not None and _CONTEST_AFTER.match(after) is not None


# One's own people, named before a joking threat: "mon mari a rempli ma gourde de vin, je vais le tuer 😂", "my son
# ate the last biscuit, I'm going to kill him lol". Laughter right after it, and nobody on the staff in the same
# sentences ("le livreur a jeté mon colis, je vais le tuer 😂" is still a threat).
_KIN = re.compile(
    r"\b(?:my|mon|ma|mes)\s+(?:husband|hubby|wife|son|sons|daughters?|kids?|children|boyfriend|girlfriend|bf|gf|"
    r"partner|brothers?|sisters?|dad|mum|mom|friends?|flatmate|roommate|mari|femme|homme|fils|filles?|enfants?|gosses?|"
    r"gamins?|gamines?|copain|copine|cheri|cherie|frere|freres|soeurs?|pere|mere|potes?|ami|amie|colocs?)\b"
)
_JOKING_THREAT = re.compile(
    r"\b(?:kill|murder|strangle|throttle|tuer|tue|tuerai|buter|bute|buterai|etrangler|etrangle|etranglerai)\b"
)
_AT_ONE_OF_THEM = re.compile(r"\b(?:him|her|them|le|la|les)\b|\bl'")
_LAUGHTER = re.compile(r"^\W{0,8}(?:[😂🤣😆😅😜🙃😁😄]|(?:lol|lmao|haha\w*|hihi\w*|mdr|ptdr|xd|jk)\b)")


def joking_at_kin(ctx: Context, start: int, end: int, excerpt: str) -> bool:
    """Whether a threat found at the original ``[start:end]`` ("je vais le tuer") is said, laughing, of one's own
    people named just before it, with no staff named there."""
    if not _JOKING_THREAT.search(excerpt) or not _AT_ONE_OF_THEM.search(excerpt):
        return False
    original = ctx.text.original
    if not _LAUGHTER.search(base_view(original[end : end + 20]).text):
        return False
    before = base_view(original[max(0, start - 120) : end]).text
    return _KIN.search(before) is not None and _STAFF.search(before) is None


__all__ = ["SOFT", "a_boast", "joking_at_kin", "teasing_a_friend"]
