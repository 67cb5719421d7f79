"""Threats, calls to harm a group, and self-harm (``phases.threats``)."""

import pytest

from moderation.content.phases.shapes import quoted

from .helpers import assert_held_as_abuse, assert_published, verdict_of

# Threats against a person, and hate against a group: both held as abuse, each by its own rule.
THREATS = [
    "I will kill you",
    "I'm gonna find you and hurt you, watch out",
    "Next time I'll beat the shit out of the delivery guy",
    "we know where you live",
    "i'm going to k i l l you",
    "I'll break your legs if I see you again",
    "Someone should shoot the owner",
    "je vais te tuer",
    "J'vais t'buter, tu vas voir",
    "on va te retrouver et te faire la peau",
    # A beating deserved by a person, death wished on "vous", the wait outside.
    "That lazy courier deserves a proper kicking",
    "Anyone who designed this packaging deserves to be punched",
    "Ce gérant mérite des gifles, il m'a raccroché au nez",
    "Elle mérite une bonne raclée, cette vendeuse",
    "J'espère qu'ils vont crever, ces voleurs",
    "J'espère que vous mourrez dans votre entrepôt",
    "On t'attend à la sortie, tu vas comprendre",
    "Somebody needs to teach that rude cashier some respect with a belt",
    "That grumpy salesman deserves a good beating",  # staff by their job, one list for words and threats
    "Je te tuerai si tu reviens",
    "Je vais lui casser la gueule au livreur",
    "je sais où tu habites",
    "Faudrait le buter ce vendeur",
    # Going there to harm the people in it, or harm arranged for them.
    "I will come to the shop and hurt someone.",
    "I'm going down to the store tomorrow to punch the manager",
    "Refund me or I'll make sure your staff get hurt.",
    # Finding the person, or coming to them.
    "I will find where you live and kill you",
    "I'm going to find out where you live",
    "We're going to find out where you work",
    "I will track down your address and pay you a visit",
    "We will come to your house and burn it down",
    "You better watch out, I'm coming for you",
    "I'm coming to your house tonight",
    "Je vais trouver où tu habites",
    "On va trouver où tu bosses",
    "Je vais venir chez toi et tout casser",
    "On va venir chez toi régler ça",
    "Tu vas le regretter, je connais ton adresse",
    "Fais gaffe à toi, on sait où te trouver",
    # Wishing it, or saying it is deserved.
    "I hope someone stabs you",
    "I hope you die in a fire",
    "You deserve to be shot",
    "You deserve to get beaten",
    "Someone should put a bullet in your head",
    "J'espère que quelqu'un va te buter",
    "J'espère que tu vas crever",
    "Tu mérites de crever",
    "Tu mériterais qu'on te casse la gueule",
    "Je vais te faire regretter d'être né",
    # Setting fire to or smashing up the person's shop, home or car.
    "If my refund isn't here by Friday I'll burn your store down",
    "Keep ignoring me and we're gonna torch your warehouse",
    "I will set fire to your house",
    "Je vais brûler ton magasin si tu me rembourses pas",
    "On va foutre le feu à votre entrepôt",
    "Je cramerai ta baraque",
    # Going there first, then attacking "it" ("phases.attacks").
    "If my order doesn't arrive by Friday I will come to your store and burn it down.",
    "I'm going to come down to your shop tomorrow and torch it",
    "I'm coming to your warehouse and I'll burn the place down",
    "I am storming over to your store tomorrow and I will burn it down",
    "Je vais venir à votre magasin et le brûler.",
    "J'irai à votre agence et j'y mettrai le feu",
    "On va débarquer dans votre entrepôt ce soir et tout brûler",
    # Without a verb of violence: the mobster's way.
    "Would be a shame if something happened to your family",
    "Something bad is going to happen to you if I don't get my refund",
    "Your days are numbered, seller",
    "Sleep with one eye open, you thief",
    "I know which school your kids go to",
    "Ce serait dommage qu'il t'arrive quelque chose",
    "Il va t'arriver des bricoles si tu me rembourses pas",
    "Tes jours sont comptés, escroc",
    "Je sais où sont tes enfants",
    "Dors que d'un œil, voleur",
    # Someone else's bones; finding the person, said as the whole sentence; revenge; wishing their shop burns.
    "If I see that delivery guy again I'll break his legs",
    "I will find you.",
    "We will hunt you down and make you pay",
    "Vous êtes des escrocs, je vais vous retrouver et vous allez le payer cher.",
    "Tu vas me le payer, sale voleur",
    "I hope your warehouse burns down",
    "I hope it burns with all of you inside",
    "J'espère que votre magasin va cramer",
    # A fire deserved.
    "This store deserves to burn",
    "The shop should burn down.",
    "Votre magasin devrait brûler",
    "You should just die, scammer",
    "I hope you choke on your overpriced coffee",
    # A bullet deserved, whoever it is said of; a lesson or a visit with a weapon.
    "Ce vendeur mérite une balle dans la tête",
    "ce vendeur mérite une balle.",
    "Ce type mérite une balle et basta",
    "That seller deserves a bullet",
    "Someone should teach that delivery guy a lesson with a baseball bat",
    "I'll pay you a little visit with my crowbar",
    "On va lui donner une bonne leçon à coups de batte",
]
HATE = [
    "dirty j3ws everywhere",
    "All immigrants should be deported",
    "sales arabes",
    "Il faut tous les gazer les juifs",
    "les arabes sont tous des voleurs",
    "All muslims are terrorists",
    "les juifs contrôlent tout",
    "Sieg heil",
    "women belong in the kitchen",
    "les femmes c'est fait pour la cuisine",
    "Les femmes sont toutes des putes",
    # Sent back, burned, called a plague.
    "All gays should burn in hell",
    "All Chinese should go back to China",
    "Immigrants are ruining this country, send them all back",
    "Muslims are a cancer",
    "Les noirs devraient retourner en Afrique",
    "Les étrangers n'ont qu'à rentrer chez eux",
    "Les musulmans sont une plaie pour ce pays",
    # People called animals by where they come from.
    "Typical, made by monkeys in China",
    "Sold by rats from Pakistan, no surprise it's junk",
    "made by a bunch of chinese monkeys",
    "Ces singes d'Africains ne savent pas coudre",
    "Fabriqué par des singes en Chine",
    # The conspiracy line whatever it names, bans, whole groups called stupid or thieves by a verb.
    "Les juifs contrôlent cette marque, c'est pour ça que c'est si cher",
    "The jews run this company",
    "Muslims should be banned from buying here",
    "Les musulmans devraient être interdits de séjour",
    "Women are too stupid to use this drill anyway",
    "Blacks are so dumb",
    "Les femmes sont trop connes pour bricoler",
    "Les arabes qui bossent dans votre entrepôt volent les colis",
    "All the gypsies steal",
    # Where they are said to be, as "les noirs du magasin sont des voleurs".
    "The muslims working here are all terrorists",
    "All the blacks in this store steal",
    "The blacks in this store are thieves",
    "Les handicapés n'ont rien à faire dans votre magasin",
    "Immigrants don't belong here",
    "Les gitans ont volé mes outils, évidemment",
    "The gypsies robbed my van, typical",
    "Retourne dans ta cuisine, la mécanique c'est pour les hommes",
    "Nice try. Now get back in the kitchen",
    # Denied a right as a group; the street slogan.
    "Women shouldn't be allowed to review tools",
    "Muslims should not be allowed in this store",
    "Les étrangers ne devraient pas avoir le droit de laisser des avis",
    "Juifs dehors.",
    "Immigrants out!",
    # Coded: the antisemitic echo; sent back to a place and called an animal, in words or emoji.
    "(((They))) own this brand",
    "Go back to Africa 🐒🐒",
    "Retourne en Afrique, sale singe",
]


@pytest.mark.parametrize(("text", "rule"), [(t, "threat: ") for t in THREATS] + [(t, "hate: ") for t in HATE])
def test_threats_and_hate_are_held_as_abuse(text, rule):
    assert_held_as_abuse(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        # Hyperbole and products: no speaker, no person, or a thing as the object.
        "This blender will kill you with its noise",
        "I'd kill for these shoes",
        "I could kill you for this, darling, best gift ever",
        "Killer deal, this price is fire",
        "I'll cut them to length, the hem is easy",
        "I'll shoot them in daylight for better photos",
        "I'm gonna break them in before the hike",
        "I'll shoot you an email with the receipt",
        "We will beat any price you find",
        "we'll find you a replacement",
        "It kills the bacteria and the smell",
        "je vais le descendre à la cave",
        "Le livreur m'a dit je vais vous descendre le colis, très aimable",
        "They should kill him off in season two, the character is useless",
        "Dead Man Walking est un chef-d'œuvre",
        "Fais gaffe à toi et profite bien du vélo !",
        "Je vais l'achever ce soir, super livre",
        "je vais la défoncer cette boîte, impossible à ouvrir",
        "Un son qui tue",
        "sale temps pour les livraisons",
        "Des traces sales noires sur le tissu après un lavage",
        "Mort aux rats très efficace",
        "The rats are all gone after using it",
        "Les voleurs sont tous des lâches, le colis a disparu",
        "Le livre raconte comment Hitler avait pris le pouvoir",
        "Women are all going to love this dress",
        "Les femmes sont toutes ravies de ce modèle",
        "Ma femme est dans la cuisine tous les soirs avec ce robot",
        "Dans le film, le personnage crie « Heil Hitler » avant de mourir",
        # Coming, hoping, deserving: a shop, a wish, what a customer deserves.
        "I'll find out where the store is and return them",
        "I know where the store is, I'll return them there",
        "I'm coming back to this store for sure",
        "We'll come to your shop on Saturday to exchange them",
        "I hope the seller reads this and fixes the sizing",
        "I hope you enjoy them as much as I do",
        "You deserve better than these cheap shoes",
        "Je vais trouver une autre marque",
        "On va venir chez vous au magasin samedi",
        "Je vais passer chez toi te rendre ton livre",
        "J'espère que la prochaine version sera mieux",
        "Ma fille mérite mieux que ça",
        "Tu mérites de te faire plaisir avec ce sac",
        "Vous allez le regretter si vous ne le prenez pas, il est top",
        # Colours and versions sent back are no group.
        "Les noires devraient revenir en stock vite",
        "Les noirs devraient retourner au magasin, défaut de teinture",
        "The Chinese version should go back to the old packaging",
        "Les chinois sont une référence pour ce genre de produit",
        # Burning calories and CDs, a bad review "bombed", real animals on a trip, apes in a department.
        "I'd burn through a set of tyres a month before",
        "I will burn the CD for you",
        "I will bomb your store with 1 star reviews",
        "Je vais brûler les calories avec ce vélo",
        "Je vais cramer mon budget dans votre magasin",
        "My sunglasses were stolen by monkeys in Bali",
        "We saw monkeys in India, this backpack survived",
        "A book about African apes",
        "Une bande de singes en Inde nous a volé le sac",
        "Les singes du Japon se baignent, beau documentaire",
        "Des vrais rats de bibliothèque, mes enfants adorent",
        "Run by apes from the marketing department",
        # Warnings, fans and parents: nobody is told what will happen to them.
        "Something bad will happen to your knees if you run in these.",
        "It would be a shame if something happened to this brand, I love it.",
        "Ce serait dommage qu'il arrive quelque chose à ce modèle, je le rachèterais.",
        "Les jours sont comptés pour mes vieilles baskets.",
        "Je sais où sont les piles de rechange, dans la poignée.",
        "My kids go to school with it every day, still holds up.",
        "I sleep with one eye open since the baby, this monitor helps.",
        "Je dors que d'un œil depuis la naissance, ce babyphone rassure.",
        # A shop finding something for you, a friend, a price, someone's hair, a small shop wished success.
        "we will find you a better size",
        "Contact me and I will find you one, promise",
        "I will find you and give you a hug lol",
        "Je vais vous retrouver le lien",
        "On va te retrouver, promis, à la prochaine braderie",
        "Vous allez le payer cher ce produit, mais il vaut le coup",
        "I will cut his hair shorter with these",
        "I hope your little shop blows up, you deserve it",
        "I hope your store gets more stock soon",
        "The tent burns in seconds with you inside, dangerous",
        # Groups with what they are not accused of; colours that steal the show.
        "The chinese instructions are dumb",
        "the blacks steal the show in this collection",
        "Les noirs volent la vedette cette saison",
        "You should die your hair with this, the colour holds",
        "Great for my disabled son",
        "Les enfants n'ont rien à faire dans ce rayon sans leurs parents",
        "I had to go back to the kitchen for a knife",
        # No group denied anything, "out" that is no slogan, a ball for the dog, a lesson that teaches.
        "Kids shouldn't be allowed near it without an adult",
        "Asians out there, this one runs small",
        "Chinese out of stock again",
        "Tout est sorti du sèche-linge, les noirs dehors et les blancs dedans",
        "Mon chien mérite une balle aussi solide",
        "Ce joueur mérite une balle de match, quel tennis",
        "Le livreur mérite une balle neuve pour son chien",
        "The gypsies in the town stole the show at the festival",
        "This store deserves to burn its old stock, not sell it to us",
        "The house will burn with this heater on, careful",
        "Your car is going to burn down with that battery, recall it",
        "Le magasin va brûler les prix samedi",
        "The blacks in this print are deep and rich",
        # The product worn out with use.
        "Je vais le tuer à force de l'utiliser haha",
        "Je vais les buter tellement je les porte, trop bien",
        "The refund policy deserves a slap on the wrist at most",
        "Des effets spéciaux qui méritent des claques tellement ils sont ratés",
        "Je l'attendrai à la sortie du prochain tome",
        "Shut up and take my money, best kettle ever",
        "Ce robot aspirateur a un QI d'huître, il tourne en rond",
        "I paid with a gift card to get the discount, worked fine",
        "Pets shouldn't be allowed to chew the cable, keep it out of reach",
        "I gave her a lesson with the knife set, she loved it",
        "Je vais lui donner une leçon de cuisine avec un couteau",
        "Go back to Italy, you will love it",
        "((( hugs ))) to everyone who helped",
        # Harm, a place and a person in one sentence, but none done to anyone there.
        "We'll make sure nobody gets hurt, the straps are solid",
        "I'll make sure my kids get hurt less with these pads",
        "I'm going to the store to kill time before the movie",
        "I'll go to the shop and punch the holes myself",
        "I'll go to the house and hurt my back again moving this sofa",
        # Going to a place and doing something to "it" that is no attack on it: a CD, a memory, a stage, an airbed.
        "I'll go to the store and burn a CD of it",
        "I will go to the shop and burn it into my memory",
        "I went to the store and they burned my toast",
        "We're going to the venue tonight and we'll set it on fire!",
        "On va passer au bar ce soir et mettre le feu !",
        "I'll go to the store and blow it up to show them the leak",
        "Je vais passer au magasin et le faire échanger",
        "Je vais aller au magasin demain et tout cramer en promos",
        # Quoted: a title, or what someone else said.
        "Le téléfilm « Quand je serai grande, je te tuerai » est décevant",
        'The driver told me "I know where you live" and drove off. Shocking service.',
    ],
)
def test_reviews_that_only_sound_violent_are_published(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == []
    assert not any(m.rule.startswith(("threat", "hate", "self-harm")) for m in verdict.matches)


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "honestly i'm suicidal since the accident",
        "je vais me suicider",
        "J'ai des idées noires depuis des semaines",
        "je n'ai plus envie de vivre",
        "I've been thinking about ending it all",
        "I keep thinking about killing myself",
        "Je pense à en finir",
        "J'ai envie d'en finir",
        "Je veux plus vivre",
    ],
)
def test_self_harm_lifts_the_case_and_holds_nothing(text):
    verdict = verdict_of(text)
    assert verdict.lifts == ["safety"]
    assert verdict.hold_reasons == []
    assert any(m.rule.startswith("self-harm: ") for m in verdict.matches)


@pytest.mark.parametrize(
    "text",
    [
        "This manual makes me want to die",
        "Ce service client donne envie de se suicider",
        "The suicide squad soundtrack is great",
        "Je pense à en finir avec cette marque",
        "Je veux plus vivre comme ça, ce matelas me tue le dos",
    ],
)
def test_hyperbole_about_a_product_does_not_lift(text):
    assert verdict_of(text).lifts == []


def test_a_threat_span_indexes_the_original_text():
    text = "Livraison ratée. Je vais te TUER, compris ?"
    [match] = [m for m in verdict_of(text).matches if m.rule.startswith("threat")]
    assert text[match.start : match.end].lower().endswith("tuer")


def test_quoted_needs_both_marks():
    text = 'He said "I will kill you" and left'
    start = text.index("I will")
    assert quoted(text, start, start + 15)
    assert not quoted('I will kill you "soon', 0, 15)
    assert not quoted("« fin » puis je vais te tuer", 18, 28)


def test_a_text_that_is_only_a_quoted_threat_is_still_held():
    assert verdict_of("« Je vais te tuer »").hold_reasons == ["abusive"]
    assert verdict_of('"I know where you live"').hold_reasons == ["abusive"]


# Veiled threats, contempt for staff, and group hate in the shapes the probes of 2026-12-06 found.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Le livreur a intérêt à changer de trottoir quand il me verra.", "threat: "),
        ("Si je recroise ce vendeur je lui refais le portrait.", "threat: "),
        ("Si je recroise ce livreur je lui pète les deux genoux.", "threat: "),
        ("Next time that delivery guy shows up he's going home in a body bag.", "threat: "),
        ("si on me rembourse pas je crève le premier livreur que je vois", "threat: "),
        ("Je sais à quelle heure le gérant finit son service, qu'il fasse attention.", "threat: "),
        ("I know what car she drives. Refuse my refund again and see.", "threat: "),
        ("Nice car you've got there, Steve. Would be a shame if something happened to it.", "threat: "),
        ("Dommage qu'il arrive quelque chose au vendeur du rayon vélo en sortant ce soir.", "threat: "),
        ("He'd better be careful walking home after how he treated me.", "threat: "),
        ("Pas remboursé vendredi ? Je fous le feu à votre rayon vélo.", "threat: "),
        ("Remboursez-moi ou je reviens avec un bidon d'essence devant votre dépôt.", "threat: "),
        ("Your warehouse staff have the brain cells of a goldfish, three wrong orders in a row.", "harassment: "),
        ("Les vendeurs de ce magasin ont un QI de bulot, impossible d'avoir une réponse.", "harassment: "),
        ("Proud white man. 1488", "hate: "),
        ("Le grand remplacement, on le voit bien dans ce magasin.", "hate: "),
        ("Encore une chance pour la France qui m'a servi à la caisse.", "hate: "),
        ("Ces maudits immigrés comprennent rien au comptoir, qu'ils retournent chez eux.", "hate: "),
        ("Les homos qu'ils restent chez eux, pas dans vos pubs.", "hate: "),
        ("Prices up again, the jews running the warehouses take their cut.", "hate: "),
        ("ces pd devraient même pas avoir le droit de courir avec nous", "hate: "),
        ("Les trans qui traînent dans les cabines c'est des malades mentaux.", "hate: "),
        ("Transgenders are mentally ill, stop the ads.", "hate: "),
        ("Campers in the lay-by again, gypsies. Vermin, the lot of them.", "hate: "),
        ("Females can't handle engineering, this harness proves it.", "hate: "),
        ("Les nanas comprennent rien à la mécanique, faut pas leur vendre de vélos.", "hate: "),
        # "Those people" after a named group carries the group's hate.
        (
            "Slow tills, but what do you expect when the whole staff is black, those people are lazy by nature.",
            "hate: ",
        ),
        ("Le magasin est rempli de barbus et de voilées, ces gens-là devraient retourner prier chez eux.", "hate: "),
        ("Encore des migrants au rayon, ces gens ont rien à faire ici.", "hate: "),
    ],
)
def test_veiled_threats_contempt_for_staff_and_group_hate_are_held(text, rule):
    assert_held_as_abuse(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        # Numbers, places and products that only look like the shapes above.
        "J'ai payé 1488 € pour ce vélo et la chaîne a sauté au bout d'une semaine.",
        "Commande 1488 reçue en retard.",
        "Avis 1488",  # the load tests' titles: a number after a word
        "Chaussures confortables (#1488)",
        "Remplacement de la batterie en magasin, grand merci au vendeur.",
        "Fabriqué en France, une vraie chance pour la France d'avoir encore des usines comme ça.",
        "J'ai dû changer de trottoir tellement le chemin était boueux, les chaussures ont tenu.",
        "The ambulance crew said the helmet saved my son's life.",
        "This robot vacuum has the IQ of a goldfish, it keeps hitting the same chair.",
        "Women shouldn't be paying more for the same razor in pink.",
        "Nice car seat. It would be a shame if anything happened to it, so I bought the cover too.",
        "Indians are great cooks and this spice mix proves it.",
        "Dommage qu'il arrive quelque chose au moteur après deux mois, le vendeur a été top.",
        "J'ai pris un bidon d'essence de 5 L, il fuit au bouchon.",
        "You should be careful walking home in these, the soles are slippery when wet.",
        "Les femmes ne peuvent pas conduire ce vélo cargo sans assistance, il pèse 40 kg.",
        # A film's or an album's line.
        "Brutal film. The villain's line 'I'll gut you like a fish' still gives me chills.",
        "The new Rage album is brutal, 'f*** you' in every chorus, love it.",
        # "Those people" with no group named before: a complaint about whoever they are; a colour is no group.
        "Those people at the returns desk are lazy, twenty minutes for one parcel.",
        "The black leggings are great, but those people at the till are lazy.",
        "The shoes are black. Those people at the till are lazy, twenty minutes to pay.",
        "J'ai pris le modèle noir. Ces gens du SAV n'ont rien à faire dans un magasin de sport.",
    ],
)
def test_their_lookalikes_are_published(text):
    assert_published(text)


def test_single_quotes_are_told_from_apostrophes():
    text = "The villain's line 'I'll gut you' still gives me chills."
    start = text.index("I'll")
    assert quoted(text, start, start + len("I'll gut you"))
    assert not quoted("I'll gut you, that's what I'll do.", 0, len("I'll gut you"))


# Death or harm wished on a third person (staff, the boss, whoever made the thing): "you" was already held.
WISHED_ON_SOMEONE = [
    "I hope the manager dies in a fire.",
    "I hope the delivery driver gets hit by a bus.",
    "Hope the CEO chokes on his bonus.",
    "I hope whoever designed this strap burns in hell.",
    "May the seller rot in hell.",
    "J'espère que le patron de cette boîte crève.",
    "J'espère que le livreur se fera écraser.",
    "Qu'il crève, ce vendeur.",
    "Ce vendeur, qu'il crève.",
    "J'espère que le gérant s'étouffe avec.",
]


@pytest.mark.parametrize("text", WISHED_ON_SOMEONE)
def test_harm_wished_on_someone_else_is_held_as_a_threat_and_lifts_no_safety_case(text):
    assert_held_as_abuse(text, "threat: ")
    assert verdict_of(text).lifts == []


@pytest.mark.parametrize(
    "text",
    [
        # A thing, a negation, a worry, a figure, a tyre.
        "I hope the battery dies soon so I can get a refund.",
        "I hope the battery doesn't die on me.",
        "I hope the driver didn't get hurt, the parcel was smashed.",
        "My mum laughed so hard, I hope she dies of laughter at the next one.",
        "I hope the seller sees this review.",
        "J'espère que la batterie ne va pas mourir trop vite.",
        "Le pneu, qu'il crève ou non, la jante tient.",
        # A villain in a story ("he", a curse alone), a wish of peace, a criminal's prison.
        "I hope he dies in the sequel, what a villain.",
        "Le méchant est odieux. Qu'il crève !",
        "My old dog loves this food, I hope the old man dies peacefully when his time comes.",
        "I hope the man who did this rots in jail.",
    ],
)
def test_wishes_that_harm_no_one_are_published(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == [], verdict.matches


def test_a_child_choking_still_lifts_beside_the_wish_rule():
    assert verdict_of("I hope nobody chokes on these, the pieces are tiny.").lifts == ["safety"]
    assert verdict_of("J'espère que le bébé ne s'étouffe pas avec les petites pièces.").lifts == ["safety"]


@pytest.mark.parametrize(
    "text",
    [
        # Finding where someone named lives; their back to watch, in French; a lesson with fists; the next meeting.
        "I'm going to find out where the manager lives and pay him a visit.",
        "La caissière a intérêt à faire gaffe à elle.",
        "Quelqu'un devrait lui apprendre la politesse à coups de poing, à ce vendeur.",
        "Si je recroise ce livreur il va le regretter.",
    ],
)
def test_veiled_threats_at_someone_named_are_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize(
    "text",
    [
        "I'll find out where the store is and go back tomorrow.",
        "La vendeuse a intérêt à faire attention à elle et à sa santé, elle tousse beaucoup.",
        "Mon fils a intérêt à faire gaffe à lui avec ce vélo, il va vite.",
        "Le prof de yoga m'a appris la politesse et le respect à coups de méditation.",
        "Si je recroise ce vendeur je lui dirai merci, il était top.",
    ],
)
def test_their_neighbours_are_published(text):
    assert_published(text)


# Harm wished on a person named by their job: with their name after it, after "j'espère sincèrement", or a disaster
# wished "with him inside".
@pytest.mark.parametrize(
    "text",
    [
        "Hope the delivery driver 'Gaz' gets run over on his next shift.",
        "I hope the manager, Kevin, gets hit by a bus",
        "Je souhaite vraiment que le gérant crève.",
        "J'espère franchement que le patron de cette boîte se fera écraser.",
        "I hope their plane crashes with him on board",
        "j'espère que sa voiture explose avec lui dedans",
    ],
)
def test_harm_wished_on_a_named_person_is_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize(
    "text",
    [
        "j'espère que le bateau ne coule pas avec nous dedans, il prend l'eau",
        "hope the driver never gets hit by a car on that road, it's dangerous",
        "J'espère sincèrement que le vendeur aura une promotion, il le mérite.",
    ],
)
def test_worries_and_good_wishes_are_published(text):
    assert_published(text)


# SMS French: "je vais te retrouver" ended by "tkt" ("t'inquiète") is no promise to find a link.
def test_a_promise_to_find_someone_with_tkt_is_held():
    assert_held_as_abuse("le modo jvais te retrouver tkt", "threat: ")
    assert_held_as_abuse("je vais te retrouver, t'inquiète", "threat: ")
