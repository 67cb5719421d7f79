"""Coded hate and its tropes (``phases.hate``): each class held in many phrasings, French and English; reviews that
discuss them, and their product lookalikes, published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

PUPPET_MASTERS = [
    "Les banques, les médias... toujours les mêmes qui tirent les ficelles",
    "you know who pull the strings at the banks",
    "vous savez qui contrôle les médias ✡️",
    "Prices up again. The media, the banks ✡️ always the same ones pulling the strings",
    "C'est toujours les mêmes qui tirent les ficelles ✡️",
    "We all know who runs the banks 😉 you know who controls the media",
    "(((Goldberg))) owns this company",
    "Greedy ✡️ as usual",
]
FOURTEEN_WORDS = [
    "the fourteen words",
    "Les quatorze mots, pensez-y",
    "Fourteen words. 88",
    "We must secure the existence of our people and a future for white children",
    "quatorze mots et 88, les vrais savent",
]
JUNGLE_AND_MONKEYS = [
    "go back to the jungle",
    "Rude driver. Go back to the jungle",
    "retourne dans ta brousse",
    "Le livreur qu'il retourne dans sa jungle",
    "ils sont à peine descendus des arbres",
    "the delivery driver 🐒🐒🍌",
    "Our courier today 🦍",
    "ce livreur c'est un vrai singe",
    "The new cashier looks like a gorilla",
    "Ces vendeurs 🐒",
    "He just came down from the trees",
]
GROOMING_AND_SICKNESS = [
    "Trans ads everywhere. They want to indoctrinate our children",
    "les pd veulent pervertir nos gosses",
    "The LGBT crowd is trying to groom our kids",
    "Les homos endoctrinent nos enfants avec vos pubs",
    "gays are out to recruit our children 🤮",
    "ces homos, ces gens-là sont des malades",
    "Trans people should be sterilised",
    "Les gays, faudrait les soigner de force",
    "Les trans sont des malades",
    "Gay couple in your ad. They should all be locked up",
    "Being trans is a mental illness",
    "L'homosexualité est une maladie",
]


@pytest.mark.parametrize("text", PUPPET_MASTERS + FOURTEEN_WORDS + JUNGLE_AND_MONKEYS + GROOMING_AND_SICKNESS)
def test_coded_hate_and_tropes_are_held(text):
    assert_held_as_abuse(text, "hate: ")


@pytest.mark.parametrize(
    "text",
    [
        # Reviews of books and films that discuss them.
        "Un roman poignant sur l'antisémitisme des années 30",
        "The film shows how the bullies call him a monkey",
        "Un livre essentiel sur la propagande : toujours les mêmes qui tirent les ficelles, disaient-ils, les banques",
        "A brave novel about a gay teacher accused of trying to groom the kids in his class",
        "Le film montre comment on traitait les homos de malades",
        # A jungle-themed game, Tarzan, a jungle gym, a cat in a tree.
        "Retour dans la jungle, super jeu pour les enfants",
        "Tarzan must go back to the jungle, lovely Blu-ray",
        "The kids just want to go back to the jungle gym",
        "Le chat est descendu de l'arbre tout seul",
        # Monkeys that are toys or children, strings that are guitar strings, the Star of David as jewellery.
        "My son is a cheeky little monkey 🐒, loves this onesie",
        "The courier left it with the monkey plush on top, so cute",
        "Guitar strings: you pull the strings gently before tuning",
        "Beautiful Star of David pendant ✡️, well packed",
        "Our kids loved the drag queen story hour book",
        "Quatorze mots de plus et la notice aurait été claire",
        "The title is only fourteen words long",
    ],
)
def test_reviews_that_discuss_them_and_lookalikes_are_published(text):
    assert_published(text)
