import pytest

from moderation.content.phases.personal_data import MASK

from .helpers import spans, verdict_of


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Mon numéro : +33612345678", "+33612345678"),
        ("Appelez-moi au 06 12 34 56 78 svp", "06 12 34 56 78"),
        ("Appelez-moi au O6 l2 34 56 78 svp", "O6 l2 34 56 78"),  # letters typed for digits
        # Said in words: in pairs, as a French number is read out, or digit by digit.
        (
            "mon 06 ? zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
            "zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
        ),
        (
            "call me at four one five, five five five, oh one three two",
            "four one five, five five five, oh one three two",
        ),
        ("Joignable au 01.45.67.89.10", "01.45.67.89.10"),
        ("Call me at (415) 555-0132", "(415) 555-0132"),
        ("reach me at +44 20 7946 0958", "+44 20 7946 0958"),
        ("Contact joe (at) example (dot) org", "joe (at) example (dot) org"),
        ("écrivez à jean arobase gmail point com", "jean arobase gmail point com"),
        ("email me: tom dot baker at gmail dot com", "tom dot baker at gmail dot com"),
        ("contact me: tom at gmail dot com", "tom at gmail dot com"),  # a plain "at" before a mail provider
        # A plain "at" before a word that is no address ("me at marie"): the address starts inside that candidate.
        ("Write to me at marie point dupont arobase gmail point com", "marie point dupont arobase gmail point com"),
        ("Send it to anna.k@example.com please", "anna.k@example.com"),
        ("Livré au 12 rue de la Paix au lieu de chez moi", "12 rue de la Paix"),
        ("Le magasin m'a livré chez moi au 12 rue de la Paix", "12 rue de la Paix"),
        # A shop named in the sentence, and a name before the address, but the address is a home's.
        ("Le magasin m'a livré chez moi, 12 rue de la Paix, en retard", "12 rue de la Paix"),
        ("The store is useless, Mark lives at 22 Baker Street, go tell him", "22 Baker Street"),
        ("Deliver to 221B Baker Street, not the depot", "221B Baker Street"),
    ],
)
def test_personal_data_is_found(text, span):
    assert spans(text, "personal_data") == [span]


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        # Test numbers the networks publish: valid prefix, length and Luhn digit.
        ("Ma carte 4111 1111 1111 1111 12/26 a été débitée deux fois", "payment_card", "4111 1111 1111 1111"),
        ("charged twice on 5555555555554444, refund please", "payment_card", "5555555555554444"),
        ("ma carte n° 4111 1111 1111 1111 est débitée", "payment_card", "4111 1111 1111 1111"),
        ("card 5105-1051-0510-5100 was declined", "payment_card", "5105-1051-0510-5100"),
        ("Amex 3782 822463 10005 then cvv", "payment_card", "3782 822463 10005"),
        ("Remboursez sur FR76 3000 6000 0112 3456 7890 189 merci", "iban", "FR76 3000 6000 0112 3456 7890 189"),
        ("mon iban fr7630006000011234567890189 svp", "iban", "fr7630006000011234567890189"),
        ("refund to GB82 WEST 1234 5698 7654 32 thanks", "iban", "GB82 WEST 1234 5698 7654 32"),
        # A NIR whose key (97 - the first 13 digits mod 97) is right; an SSN of a valid area, group and serial.
        ("mon numéro de sécu 1 85 05 78 006 084 91, aidez-moi", "national_id", "1 85 05 78 006 084 91"),
        ("Ma carte vitale : 185057800608491", "national_id", "185057800608491"),
        ("They asked for my SSN 536-22-8726 on the phone", "national_id", "536-22-8726"),
    ],
)
def test_payment_card_and_bank_account_numbers_are_held(text, rule, span):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == ["personal_data"]
    assert [(m.rule, text[m.start : m.end]) for m in verdict.matches] == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "ma carte 4111 1111 1111 1112 a été refusée",  # the Luhn digit is wrong
        "Amazon order 405-1234567-1234567 never came",  # not grouped as a card
        "EAN 3760123456789 sur la boîte",  # a barcode: no network issues 13 digits from 3
        "Commande n° 5105105105105100 jamais livrée, suivi 4111111111111111",  # named as an order, a tracking
        "paid 4 111 111 111 111 111 in total",  # groups of three: an amount, not a card
        "Remboursez FR76 3000 6000 0112 3456 7890 180 merci",  # wrong IBAN check digits
        "Le modèle FR12 ABCD 1234 5678 9012 345 chauffe",  # an IBAN's shape, not its checksum
        "numéro de sécu 1 85 05 78 006 084 92 ?",  # wrong NIR key
        "colis 185057800608491 jamais arrivé",  # a valid key but neither named nor in a NIR's groups
        "commande n° 1 85 05 78 006 084 91",  # named as an order
        "tracking 536-22-8726 shows nothing",  # nine digits not named as an SSN
        "my SSN is 000-12-3456",  # area 000 is never issued
    ],
)
def test_numbers_that_only_look_like_cards_or_ibans(text):
    assert [m for m in verdict_of(text).matches if m.rule in ("payment_card", "iban", "national_id")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Order 4471-2290-88 never arrived.",
        "Commande n° 20240518-7731 jamais reçue",
        "Payé 1 299,99 € le 12/05/2024",
        "Model XJ-2000, serial 5566778899",
        "I live on Baker Street and it arrived quickly",
        "Ten out of ten, would buy again for my 2 kids",
        "Voiture 2 places, 3 routes possibles",
        "I'm at home most days",
        "Modèle 2o24, taille 42, il 1 an",
        "J'ai essayé deux ou trois fois, un deux trois soleil",
        "One two three four five six, a great toy for counting",
        # A shop's or a pick-up point's address.
        "Acheté au magasin du 15 rue Nationale, accueil sympa.",
        "Bought it at the store at 12 High Street",
        "Point relais situé au 3 avenue Foch, pratique",
        # A shop named first, its address after: the address is the shop's.
        "Pour ceux qui demandaient, le magasin où j'ai acheté le cadre c'est Vélos Dupont, 8 rue Victor Hugo à Lille.",
        "the bike shop I always use is called Spoke & Chain: 4 Mill Lane, Bristol, ask for Tom",
        # A place one stays at; prose that reads like a spelled e-mail ("lui.il", "one.in").
        "The main hotel was poor. We stayed at 52 Inverness Place which was good",
        "Christian ne sort plus de chez lui. Il recourt à des livreurs.",
        "Elle ne peut plus vivre seule chez elle. Au-delà du fait que…",
        "At one point in the night I woke up",
        "The first book is Vernor's Ginger Ale, ISBN-10: 0738551856",
    ],
)
def test_numbers_that_are_not_personal_data(text):
    assert verdict_of(text).hold_reasons == []


def test_excerpt_masks_the_data_itself():
    (match,) = verdict_of("call +33612345678").matches
    assert match.excerpt == MASK


@pytest.mark.parametrize(
    "text",
    [
        "J'ai appelé le SAV au 0 800 123 456 (gratuit), très efficace",
        "I called customer service at 1-800-555-0199 and they sent a new one",
        "Service client au 0 825 01 02 03, injoignable",
    ],
)
def test_a_companys_service_line_is_not_personal_data(text):
    assert verdict_of(text).hold_reasons == []


def test_the_brands_own_address_is_not_personal_data_but_a_customers_is():
    own = ["https://www.decathlon.fr"]
    assert verdict_of("écrivez à sav@decathlon.fr, ils répondent", own_sites=own).hold_reasons == []
    assert verdict_of("écrivez à sav@decathlon.fr, ils répondent").hold_reasons == ["personal_data"]
    assert "personal_data" in verdict_of("écrivez-moi : lea.martin@gmail.com", own_sites=own).hold_reasons
    assert "personal_data" in verdict_of("Appelez-moi au 06 12 34 56 78", own_sites=own).hold_reasons


def test_an_address_whose_name_ends_like_a_suffix_is_personal_data_not_a_link():
    """.dupont is a brand's top-level domain; "jean.dupont@…" is still one e-mail address, not a link too."""
    assert verdict_of("écrivez à jean.dupont@gmail.com").hold_reasons == ["personal_data"]


@pytest.mark.parametrize(
    "text",
    [
        "écrivez-moi pour des rabais, cinq un quatre, huit deux trois, quarante-sept dix-neuf, demandez Steph",
        "appelle-moi au zéro six, dix-huit, vingt-deux, dix-neuf, trente",
    ],
)
def test_a_phone_number_spelled_with_dix_sept_to_dix_neuf_is_found(text):
    assert verdict_of(text).hold_reasons == ["personal_data"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Sa femme c'est m.benali.pro@gmail.com. Partagez un max", "m.benali.pro@gmail.com"),
        ("son mail perso: julie.r@orange.fr. Lâchez-vous", "julie.r@orange.fr"),
        ("his email is dan_w@yahoo.co.uk. Spam him", "dan_w@yahoo.co.uk"),
        ("écrivez-lui : paul @ gmail . com . Bonne chance", "paul @ gmail . com"),
    ],
)
def test_an_address_before_a_sentence_end_is_found_without_the_next_word(text, span):
    """Spaces are allowed around an address's dots, so its run carries on into the next sentence's first word."""
    assert spans(text, "personal_data") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Le prix@5.Partagez pas",  # no label after the first is a public suffix
        "Super service. Merci à tous, je recommande.",
        "écrivez à sav@decathlon.fr. Ils répondent vite",  # the brand's own address
    ],
)
def test_no_address_where_no_label_ends_on_a_public_suffix(text):
    assert verdict_of(text, own_sites=["https://www.decathlon.fr"]).hold_reasons == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Camionnette blanche immatriculée FG-482-KL, il s'appelle Mehdi B.", "FG-482-KL"),
        (
            "White van reg KX19 TFU. Driver is a bald guy called Steve, lives on Carver Road, his kid goes to St "
            "Mary's primary. Share this everywhere.",
            "KX19 TFU",
        ),
        ("La camionnette immatriculée GH-472-KP conduite par Rachid Benali a défoncé mon portail", "GH-472-KP"),
        ("the car that hit me was AB12 CDE, driven by a guy named Tom", "AB12 CDE"),
    ],
)
def test_a_plate_told_with_its_driver_is_personal_data(text, span):
    assert spans(text, "personal_data") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Support de plaque au format AB-123-CD, solide, le chauffeur de mon mari l'a posé",
        "Cadre de plaque pour le format FG-482-KL, facile à monter",
        "My reg KX19 TFU, the driver's seat cover fits perfectly",
        "Bought for my van, reg number KX19 TFU, driver side mirror fits",
        "The plate holder takes the usual AB12 CDE plates, my husband the driver loves it",
        "Acheté au magasin du 12 rue Nationale, ouvert de 9h à 19h, demandez le chauffeur-livreur",
    ],
)
def test_plates_as_a_format_or_ones_own_car_are_not(text):
    assert verdict_of(text).hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        # Numbers no operator has assigned (fiction ranges, typos), introduced as someone's phone.
        "Le gérant c'est Marc, son portable perso c'est le 06 39 98 00 72, appelez-le.",
        "her mobile is 07700 900461, text her and tell her what you think",
        "Son numéro : 06 39 98 01 15",
        # Introduced by an app or a verb to reach someone by.
        "reach me on 07700 900123",
        "whats app 07700900461 for the cheaper ones",
        "telegram 07700 900461",
        # A shop cue does not make a person's own number the shop's.
        "Le gérant du magasin, son numéro perso c'est le 02 61 91 24 30",
        "The store manager's home number is 0161 496 0123",
        # A mobile is a person's, whatever shop it is said of.
        "le magasin m'a appelé du 06 12 34 56 78",
    ],
)
def test_a_phone_said_to_be_someones_is_held(text):
    assert verdict_of(text).hold_reasons == ["personal_data"]


@pytest.mark.parametrize(
    "text",
    [
        # A shop's landline, given as the shop's.
        "Le magasin de Nantes répond bien au 02 61 91 24 30, du lundi au samedi.",
        "The Leeds store's customer line is 0113 496 0000, they sorted my exchange.",
        "Appelez plutôt la boutique de Lille au 03 20 55 12 34, ils sont top.",
        "Le magasin de Rouen ouvre le dimanche, et leur standard c'est le 02 35 71 12 00.",
        "The Bristol store is open late and their public line is 0117 496 0000.",
        # A digit run that is an order, not introduced as a phone.
        "Commande n° 06 39 98 00 71 reçue en retard.",
    ],
)
def test_a_shops_line_or_an_order_is_not_personal(text):
    assert verdict_of(text).hold_reasons == []


def test_a_date_after_a_call_is_no_phone():
    assert verdict_of("J'ai appelé le SAV le 12/03/2024, réponse rapide.").hold_reasons == []


def test_a_phone_found_two_ways_is_evidence_once():
    text = "This is the guy who sold me the fake ones, his personal cell is 07700 900461. Blow it up."
    assert [m.rule for m in verdict_of(text).matches] == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Best prices at jerseyking dot com, trust me",
        "same exact boots for £60 at boots-clearance dot shop",
        "Acheté 29,90 euros chez decathlon point com, livré en deux jours",
    ],
)
def test_a_shop_after_at_or_chez_is_a_link_not_an_address(text):
    # "at" and "chez" are everyday words: before a shop's name, spelled out, it is a link (held for links), not
    # someone's e-mail address: the author is told the right reason.
    verdict = verdict_of(text)
    assert "links" in verdict.hold_reasons and "personal_data" not in verdict.hold_reasons


@pytest.mark.parametrize("text", ["écrivez-moi, jean chez orange point fr", "tom at gmail dot com for the photos"])
def test_an_address_spelled_with_at_or_chez_and_a_mail_provider_is_personal_data_not_a_link(text):
    assert verdict_of(text).hold_reasons == ["personal_data"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # A name given bare beside the plate: "name's", "nom :".
        ("Silver Clio immatriculée FG-482-KL, nom : Karim B., il m'a rayé la portière", "FG-482-KL"),
        ("Black BMW, reg KX19 TFU, name is Dean Walsh, knocked my mirror off and drove away", "KX19 TFU"),
        ("Van that blocked the car park exit all day: AB12 CDE, name's Paul Rigby. Share it.", "AB12 CDE"),
    ],
)
def test_a_plate_told_with_a_bare_name_is_personal_data(text, span):
    assert spans(text, "personal_data") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Bought a plate frame for the FG-482-KL format, the product name is misleading",
        "Cadre de plaque, format AB-123-CD, le nom est trompeur",
    ],
)
def test_a_plate_format_beside_a_products_name_is_not(text):
    assert verdict_of(text).hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        # A business place's desk, counter or reception line, given as such.
        "Call the hotel reception on 0117 496 0000, they were lovely.",
        "Le guichet de la gare de Lyon répond au 04 72 40 10 10, plus efficace que le site.",
        "The front desk at the Premier Inn, 020 7946 0000, sorted the refund.",
        "Skip the app, the ticket office answers on 0161 496 0000 and changed my seat.",
    ],
)
def test_a_business_desk_line_is_not_personal(text):
    assert verdict_of(text).hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        # A person's number at the desk is still theirs; a mobile is a person's.
        "The manager at the desk gave me his home number 020 7946 0000",
        "La caissière du guichet m'a donné son numéro perso 04 72 40 10 11",
        "the driver's mobile is 07700 900461, the terminal desk gave it to me",
    ],
)
def test_a_persons_number_at_a_desk_is_held(text):
    assert verdict_of(text).hold_reasons == ["personal_data"]


@pytest.mark.parametrize(
    "text",
    [
        # A shop named, then its address set off in brackets, after a dash or a comma.
        "La librairie Le Divan, 203 rue de la Convention, a un super rayon BD.",
        "The bike shop Spoke & Chain - 4 Mill Lane - fixed my wheel in an hour.",
        "La boutique Cycles Martin (12 avenue Jean Jaurès à Nantes) répare en 48h.",
    ],
)
def test_a_business_named_with_its_address_set_off_is_not_personal(text):
    assert verdict_of(text).hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        # The words between tell of a person or a time: the address set off is a home's.
        "Le magasin était fermé, il habite au 12 rue des Lilas, allez le voir",
        "Le magasin hier (12 rue des Lilas) m'a dit",
        "The store was shut, my sister lives at 22 Baker Street",
    ],
)
def test_an_address_set_off_after_a_person_or_a_time_is_held(text):
    assert verdict_of(text).hold_reasons == ["personal_data"]


@pytest.mark.parametrize(
    "text",
    [
        # Written the international way after an app or a call, in a national plan the library no longer knows.
        "Contactez-la sur WhatsApp au +229 97 45 12 33 pour le bon prix",
        "Écrivez-lui sur Telegram : +229 66 08 09 10",
        "whatsapp him +229 61 23 45 67 for the real deal",
        "appelez le +229 95 12 34 56 de ma part",
    ],
)
def test_an_international_number_after_an_app_or_a_call_is_held(text):
    assert verdict_of(text).hold_reasons == ["personal_data"], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "Il m'a appelé 3 fois, +20 % sur la facture au final",
        "call them for +1 500 points on the loyalty card",
        "numéro de commande +229 67 45 12 33",
        "Prices went up +229 67 45 12 33 times lol",
    ],
)
def test_a_plus_and_digits_that_are_no_phone_are_not_held(text):
    assert verdict_of(text).hold_reasons == [], verdict_of(text).matches
