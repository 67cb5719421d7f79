"""More harms told by what happened (``harm.harms`` yields these too): a device that smokes, hisses or melts what it
touches, plastic or rubber found in food, a pet ill after its food or a part swallowed, and symptoms a supplement or
a remedy brought on.

``small_harms`` reads harms told small (a device so hot it marked the skin, a tingle from an appliance touched, a fire
that only started, a swelling after a food said to be free of an allergen).

Each needs two things that are harmless apart, as in ``harm``: smoke and a device, melting and a socket or a shelf,
plastic and a food, symptoms and a pet or a pill. Melted cheese, a smoker that smokes, a cat that will not eat a
flavour and a plot that "gave me a headache" have one of them only. Matching is on the accent-folded ``base`` view,
and each shape runs only where its words are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderation.content.phases.literals import words_of
from moderation.content.phases.shapes import YOUNG_CHILD, Q, sentence_around
from moderation.content.phases.small_harms import small_harms

# ---- Heat and smoke from a device -----------------------------------------------------------------------------------
_DEVICE = re.compile(
    r"\b(?:batter(?:y|ies)|batteries|batterie|chargers?|chargeurs?|plugs?|sockets?|outlets?|adapt(?:e|o)rs?|"
    r"adaptateurs?|cables?|cords?|extension leads?|extension|power ?banks?|e-?bikes?|velo electrique|scooters?|"
    r"trottinettes?|hoverboards?|laptops?|phones?|heaters?|radiateurs?|chauffage|toasters?|grille-pain|kettles?|"
    r"bouilloires?|lamps?|lampes?|bulbs?|ampoules?|electric fans?|ventilateurs?|drones?|vapes?|prises?|multiprises?|"
    r"rallonges?|irons?|fer a repasser|hair ?dryers?|seche-cheveux|straighteners?|lisseurs?|fairy lights|guirlandes?|"
    r"consoles?|controllers?|manettes?|appliances?|appareils?|motors?|moteurs?|candles?|bougies?|flames?|flammes?|"
    r"microwaves?|micro-ondes|air ?fryers?|friteuses?|blenders?|mixeurs?|electric blankets?|couvertures? chauffantes?)"
    r"\b"
)
_SMOKE = re.compile(
    r"\b(?:start\w*|began|begin|kept|was|were|is|went on|commence\w*|se met|s" + Q + r"est mise?)\s+(?:\w+\s+){0,3}?"
    r"(?:smoking|hissing|sparking|to smoke|to hiss|to spark|a fumer|a siffler|a gresiller)\b"
    r"|\bsmoke (?:came|comes|coming|was coming|poured|pouring|billow\w*|rising|rose|started) (?:\w+ )?(?:out|from|of)\b"
    r"|\b(?:degag\w*|sort\w*|s" + Q + r"echapp\w*)\s+(?:\w+\s+){0,2}?fumee\b|\bfumee (?:sort\w*|s" + Q + r"echapp\w*|"
    r"noire|blanche|epaisse)\b"
)
_MELT = re.compile(
    r"\b(?:melted|melting|melty|scorched|scorch marks?|charred|fondu\w*|fondre|roussi\w*|noirci\w*|"
    r"carbonis\w*|crame\w*|brule\w*|burnt|burned)\b"
)
# What melting or scorching harms: a socket, a cord, a shelf or a wall, not the food or the fabric it was for.
_PART = re.compile(
    r"\b(?:plugs?|sockets?|outlets?|prises?|cables?|cords?|wires?|leads?|casing|housing|shelf|shelves|walls?|worktops?|"
    r"counter(?:top)?s?|curtains?|carpet|floor|fils?|cordons?|boitiers?|etageres?|murs?|rideaux?|plan de travail|"
    r"moquette|tapis|parquet|coques?|adaptateurs?|multiprises?|rallonges?|socle|insulation|gaine)\b"
)
_HEAT_WORDS = frozenset(
    """smoking hissing sparking smoke fumer siffler gresiller fumee melted melting melt scorched scorch charred fondu
    melty fondue fondus fondre roussi noirci noircie carbonise burnt burned brule brulee crame""".split()
)

# ---- Glass, metal, plastic or rubber in food ----------------------------------------------------------------------
_FOOD_EN = (
    r"(?:food|meal|yog(?:h)?urts?|cereal|soup|sandwich|burger|pizza|salad|bread|loaf|chocolate|sauce|jar|tin|can|"
    r"bowl|pouch|puree|biscuits?|cookies?|crisps|chips|rice|pasta|curry|cake|sausages?|chicken|meat|fish|pie|"
    r"smoothie|juice|milk|formula|drink|mouth|bite|porridge|granola|muesli|nuggets|wrap|noodles)"
)
_FOOD_FR = (
    r"(?:yaourts?|compotes?|soupe|sandwich|burger|pizza|salade|pain|chocolat|sauce|pot|bocal|boite|conserve|plat|"
    r"assiette|bouche|biberon|lait|gateau|biscuits?|cereales|riz|pates|viande|poulet|poisson|jambon|fromage|puree|"
    r"petit pot|gourde|nourriture|repas|croquettes|paquet de \w+|steak|nuggets|soupe)"
)
# Glass, metal, plastic or rubber where it should not be: "un éclat de verre dans le pot", "a sliver of wire in the
# granola", "a piece of blue plastic in my kid's yoghurt", "un éclat de verre sur la cuillère", a pan's coating
# flaking into the eggs.
_FOREIGN_BODY = re.compile(
    r"\b(?:eclats?|morceaux?|bouts?|fragments?|debris|copeaux) de (?:verre|metal|ferraille|fil de fer|fil "
    r"metallique|plastique dur|agrafe)\b(?=[^.!?]{0,30}?\bdans\b)"
    r"|\b(?:pieces?|shards?|slivers?|chunks?|fragments?|bits?|flakes?|shavings?) of (?:glass|metal|wire|steel|"
    r"hard plastic)\b|\b(?:glass shards?|metal (?:shavings|filings|fragments|pieces|shards))\b"
    r"|\b(?:coating|revetement|teflon)\s+(?:\w+\s+){0,2}?(?:flak\w*|peel\w*|s" + Q + r"ecaill\w*|se decoll\w*|part)\s+"
    r"(?:off\s+)?(?:into|in|dans) (?:the |my |our |la |les |nos |mes )?(?:food|eggs?|pan|nourriture|plats?|"
    r"aliments?|oeufs?|assiettes?)\b"
    r"|\b(?:pieces?|bits?|chunks?|shards?|strips?|slivers?|fragments?|lumps?) of (?:\w+ ){0,2}?(?:plastic|rubber|"
    r"glass|metal|wire|string|foil|silicone)\b[^.!?]{0,30}?\bin (?:\w+" + Q + r"?s? ){0,3}?" + _FOOD_EN + r"\b"
    r"|\b(?:morceaux?|bouts?|eclats?|fragments?|lamelles?|fils?) de (?:plastique|caoutchouc|verre|metal|fer|"
    r"ferraille|silicone|papier alu)\b[^.!?]{0,30}?\bdans (?:\w+" + Q + r"?\s?){0,3}?" + _FOOD_FR + r"\b"
    r"|\b(?:eclats?|morceaux?|bouts?|shards?|slivers?|pieces?|chunks?) (?:de|of) (?:verre|glass)\b[^.!?]{0,40}?"
    r"\b(?:sur|dans|on|in) (?:la|le|les|the|a|my|his|her|sa|son|ses) (?:cuillere|spoon|fourchette|fork|tetine|teat|"
    r"biberon|bottle|petit pot|pot|jar|bol|bowl|assiette|plate)\b"
)
_FOREIGN_WORDS = frozenset(
    """verre metal ferraille fil agrafe plastique glass wire steel plastic coating revetement teflon rubber string
    foil silicone caoutchouc fer""".split()
)

# ---- A pet taken ill, or a part swallowed ---------------------------------------------------------------------------
_PET = re.compile(
    r"\b(?:dogs?|pupp(?:y|ies)|pups?|cats?|kittens?|chiens?|chienne|chiots?|chats?|chatte|chatons?|lapins?|rabbits?|"
    r"hamsters?|parrots?|perroquets?|birds?|oiseaux?|ferrets?|furets?)\b"
)
# Symptoms told of a pet in the same sentence: "le chat vomit sans arrêt", "our puppy keeps throwing up". A pet
# that "won't eat" a flavour is a review of its taste.
_PET_ILL = re.compile(
    r"\b(?:vomit\w*|throw\w* up|threw up|diarrh\w*|letharg\w*|seizures?|convuls\w*|bloody (?:stool|poo)|sang dans|"
    r"(?:was|been|got|became|is) (?:really |very |so )?(?:sick|ill)\b(?! of)|malades?|tombee? malade|crises?)\b"
)
# What the pet had: its food, a treat, a toy, a collar, a flea treatment (a novel's cats fall ill of nothing sold).
_PET_CAUSE = re.compile(
    r"\b(?:food|treats?|chews?|toys?|kibble|biscuits?|collars?|flea|tick|shampoo|spray|litter|croquettes|patee|"
    r"friandises?|jouets?|os a macher|colliers?|antipuces?|pipettes?|litiere|pills?|tablets?|supplements?|"
    r"medication|side effects?|effets? secondaires|comprimes?|ate|eaten|eating|mange\w*)\b"
)
_VET_OR_FEE = re.compile(
    r"\b(?:vets?|veto|veterinaire|surgery|operation|opere\w*|chirurgie)\b|[$€£]\s?\d|\d\s?(?:€|euros?)"
)
_SWALLOWED = re.compile(
    r"\b(?:swallowed|ingested|(?:a|ont|avait|l" + Q + r"a) avale)\s+(?:\w+\s+){0,3}?(?:squeakers?|stuffing|buttons?|"
    r"batter(?:y|ies)|piles?|magnets?|aimants?|beads?|perles?|eyes?|yeux|oeil|couinement|rembourrage|boutons?|"
    r"billes?|small parts?|petites? pieces?|plastic|plastique|silicone|rubber|caoutchouc|string|ficelle|rope|"
    r"corde|needle|aiguille|pieces?|bouts?|morceaux?|parts?|chunks?|fragments?|eclats?|bits?)\b"
    r"|\b(?:emergency (?:surgery|op|operation)|operation d" + Q + r"urgence|operee? en urgence|intestinal blockage|"
    r"occlusion intestinale|bowel obstruction)\b"
)
_PET_WORDS = frozenset(
    """dog dogs puppy puppies pup pups cat cats kitten kittens chien chiens chienne chiot chiots chat chats chatte
    chaton chatons lapin lapins rabbit rabbits hamster hamsters parrot perroquet bird birds oiseau oiseaux ferret
    furet""".split()
)
_SWALLOW_WORDS = frozenset(
    "swallowed ingested avale emergency urgence intestinal occlusion obstruction operee operation".split()
)

# ---- Scalded, or something lodged inside ---------------------------------------------------------------------------
# Hot liquid over a body ("hot oil went over my arm", "de l'eau bouillante sur la main de ma fille"), and something
# lodged in or taken out of a stomach or a throat ("the vet had to remove them from his stomach", "coincé dans sa
# gorge").
_BODY = (
    r"(?:arms?|hands?|legs?|feet|foot|face|chest|stomach|belly|lap|fingers?|wrist|neck|thighs?|bras|mains?|jambes?|"
    r"pieds?|visage|poitrine|ventre|doigts?|poignet|cou|cuisses?)"
)
_SCALD = re.compile(
    r"\b(?:hot|boiling|scalding) (?:oil|water|coffee|tea|soup|liquid|steam|milk|wax)\b[^.!?]{0,30}?\b(?:over|on|onto|"
    r"across|into) (?:my|his|her|their|our|the) (?:[\w'’]+ )?" + _BODY + r"\b"
    r"|\b(?:huile|eau|cafe|the|soupe|vapeur|lait|cire) (?:bouillante?|brulante?|chaude)\b[^.!?]{0,30}?\b(?:sur|dans) "
    r"(?:le |la |les |l" + Q + r"|mon |ma |mes |son |sa |ses )(?:\w+ )?" + _BODY + r"\b"
)
_LODGED = re.compile(
    r"\b(?:stuck|lodged|removed?|remove|removing|taken out|retir\w*|coince\w*|bloque\w*|extract\w*)\s+(?:\w+\s+){0,3}?"
    r"(?:in|from|out of|dans|de) (?:his|her|its|their|my|our|son|sa|ses|mon|ma|the|l" + Q + r"|la) (?:stomach|belly|"
    r"intestines?|gut|bowels?|throat|oesophagus|esophagus|windpipe|airway|estomac|ventre|intestins?|gorge|oesophage|"
    r"trachee)\b"
)
_SCALD_WORDS = frozenset("hot boiling scalding bouillante bouillant brulante brulant chaude chaud".split())
_LODGED_WORDS = frozenset(
    """stomach belly intestine intestines gut bowel bowels throat oesophagus esophagus windpipe airway estomac ventre
    intestin intestins gorge oesophage trachee""".split()
)

# ---- Breathing, a catch, a near miss, gas ---------------------------------------------------------------------------
# Breathing trouble ("couldn't breathe", "throat felt tight", "du mal à respirer", "lips turned blue", "wheezing");
# hair or a finger caught in a moving part ("hair got caught in the fan", "se sont pris dans la brosse rotative");
# a near miss told as one ("nearly lost a finger", "j'ai failli perdre un doigt", "could have lost an eye"); a lid
# blown off a pressure cooker; gas smelt or carbon monoxide detected.
_BREATH = re.compile(
    r"\b(?:couldn" + Q + r"?t|could not|can" + Q + r"?t|cannot|unable to|struggl\w* to|hard to|trouble) breath(?:e|ing)"
    r"\b(?! (?:in|through) (?:it|the|this|these))|\bthroat (?:\w+ )?(?:felt |feels |was |went |started )?(?:tight|"
    r"closing|closed up|swelling|swelled)\b|\b(?:wheez\w+|gasping for (?:air|breath)|asthma attack|anaphyla\w*)\b"
    r"|\b(?:lips?|face|skin) (?:\w+ )?(?:turned|went|were|was|going) (?:\w+ )?blue\b"
    r"|\b(?:du mal a|de la peine a|n" + Q + r"?arriv\w* (?:plus |pas )?a|ne pouvai\w* plus|impossible de) respirer\b"
    r"|\bgorge (?:serree|gonflee|qui se (?:serre|ferme|gonfle))\b|\bcrise d" + Q + r"asthme\b|\bsiffl\w* en respirant\b"
    r"|\b(?:levres|visage) (?:\w+ )?(?:sont devenues?|est devenue?|etaient|virai\w*) (?:toutes? )?bleu\w*\b"
)
_CAUGHT = re.compile(
    r"\b(?:hair|fingers?|thumb|hand|toes?|cheveux|doigts?|pouce|main|orteils?)\s+(?:\w+\s+){0,3}?(?:got |were |was |"
    r"se sont |s" + Q + r"est |s" + Q + r"est retrouve\w* )?(?:caught|trapped|pinched|crushed|sucked|wound|tangled|"
    r"pris|prise|coince\w*|ecrase\w*|aspire\w*|entortille\w*|happe\w*)\s+(?:in|into|between|under|dans|entre|sous)\s+"
    r"(?:the|a|its|la|le|les|l" + Q + r"|une?)\b"
)
_NEAR_MISS = re.compile(
    r"\b(?:nearly|almost|could have|could\s?ve|would have|narrowly avoided) (?:lost|losing|cut off|sliced off|"
    r"taken off|taken out|blinded|electrocuted|burned down|set fire|strangled|choked|drowned|broken|broke|lose) "
    r"(?:(?:a|an|my|his|her|their|our|the) )?(?:\w+ )?(?:fingers?|thumbs?|eyes?|hands?|toes?|tips?|him|her|me|us|"
    r"them|house|flat|kitchen|neck|arm|leg)\b"
    r"|\b(?:failli|manque de|aurait pu) (?:perdre|me couper|lui couper|se couper|m"
    + Q
    + r"eborgner|l"
    + Q
    + r"eborgner|"
    r"m" + Q + r"electrocuter|l" + Q + r"electrocuter|mettre le feu|bruler|etrangler|m" + Q + r"etouffer|"
    r"l" + Q + r"etouffer|s" + Q + r"etouffer|me noyer|se noyer)\b(?! (?:patience|la tete|le nord|espoir|"
    r"le fil|confiance|mon temps|du temps))"
)
_BLOWN = re.compile(
    r"\b(?:lid|couvercle|cap|bouchon|valve|soupape)\s+(?:\w+\s+){0,2}?(?:blew off|blown off|flew off|shot off|"
    r"exploded|burst off|a saute|a explose|a vole|s" + Q + r"est envole\w*)\b"
    r"|\bs" + Q + r"est (?:decroche\w*|detache\w*) et (?:a )?(?:vole|ete projete\w*|parti\w* a travers)\b"
)
_GAS = re.compile(
    r"\b(?:carbon monoxide|monoxyde de carbone|co alarm|co detector) (?:\w+ )?(?:alarm |detecteur )?(?:went off|"
    r"goes off|going off|sounded|beep\w*|triggered|s" + Q + r"est declench\w*|sonn\w*|se declench\w*)\b"
    r"|\b(?:smell|smelt|smelled|stink|reek\w*) (?:\w+ ){0,2}?(?:of )?gas\b|\bgas (?:smell|leak|leaking|odou?r)\b"
    r"|\bodeur (?:\w+ )?de gaz\b|\bfuite (?:\w+ )?de gaz\b|\bsent le gaz\b"
)
# Small parts a young child can reach: "the magnets fell out of the toy, my toddler had one in his hand".
_LOOSE_PARTS = re.compile(
    r"\b(?:magnets?|small parts?|beads?|button batter\w*|batter(?:y|ies)|eyes?|aimants?|billes?|perles?|petites? "
    r"pieces?|piles?(?: bouton)?|yeux)\s+(?:\w+\s+){0,2}?(?:fell out|fall out|came out|come out|came off|come off|"
    r"came loose|popped out|pop out|se sont detache\w*|se detach\w*|sont tombe\w*|tombent|sortent|sont sorti\w*|"
    r"est sorti\w*|est tombe\w*|s.est detache\w*|"
    r"se decroch\w*|se sont decroche\w*)\b"
)
# A garment too tight to breathe in is a fit ("when I zipped it up I couldn't breathe"); a French near miss is the
# writer's or their family's ("j'ai failli perdre un doigt"), not a novel's heroine's ("elle manque de se noyer").
_TOO_TIGHT = re.compile(
    r"\b(?:tight|zip\w*|fitted|sizes?|sized|waist|chest|bust|snug|small|xs|xsp|dress|jeans|bra|corset|bodice|serree?s?|"
    r"taille|robe|jean|ceinture|soutien-gorge|corsage|etroite?)\b"
)
_FIRST_OR_FAMILY = re.compile(
    r"\b(?:j" + Q + r"|je|me|m" + Q + r"|moi|mon|ma|mes|nous|notre|nos|on)\b|\b(?:son|sa) (?:fils|fille|bebe|enfant)\b"
)
_BREATH_WORDS = frozenset(
    """breathe breathing throat wheezing wheeze wheezed gasping asthma anaphylaxis anaphylactic blue respirer gorge
    asthme bleu bleue bleues bleus""".split()
)
_CAUGHT_WORDS = frozenset(
    """caught trapped pinched crushed sucked wound tangled pris prise coince coincee coinces coincees ecrase ecrasee
    aspire aspiree aspires entortille entortilles happe happes happee""".split()
)
_NEAR_WORDS = frozenset("nearly almost could couldve would narrowly failli manque aurait".split())
_BLOWN_WORDS = frozenset("lid couvercle cap bouchon valve soupape decroche decrochee detache detachee".split())
_GAS_WORDS = frozenset("gas gaz monoxide monoxyde".split())

# ---- Treated, strangled, a blockage, a scrape ------------------------------------------------------------------------
# What treating an injury looks like: "le poignet dans le plâtre", "ended up in a cast", "arm in a sling"; a cord or a
# strap around a neck ("a red mark around his neck", "la lanière s'est enroulée autour du cou"); a pet's blockage at
# the vet ("tout avalé, occlusion"); a scrape told of a body part ("scraped my forearm", "écorché le bras"). Glass on a
# spoon is a foreign body (``_FOREIGN_BODY``).
_TREATED = re.compile(
    r"\b(?:dans le|au|sous) platre\b|\bplatre (?:pour|pendant) \d+ (?:jours|semaines|mois)\b|\b(?:in|into) a "
    r"(?:cast|sling|splint|neck brace|leg brace)\b|\bsous attelle\b|\bune attelle\b"
)
_NECK = re.compile(
    r"\b(?:cord|cords|drawstring|string|strap|lanyard|ribbon|cordon|cordons|lanieres?|sangles?|ficelle|ruban|lacet)\b"
    r"[^.!?]{0,80}?\b(?:around (?:his|her|their|the|my) (?:neck|throat)|autour (?:du|de son|de sa) (?:cou|gorge))\b"
)
# What makes a cord around a neck a hazard rather than how a lanyard is worn.
_CONSTRICTED = re.compile(
    r"\b(?:marks?|marques?|red|rouges?|caught|snagged|stuck|coince\w*|accroch\w*|pull\w*|yank\w*|tir\w*|strangl\w*|"
    r"etrangl\w*|tighten\w*|serr\w*|chok\w*|etouff\w*|enroul\w*|wrapped|wound|twisted|tangled|entortill\w*)\b"
)
_BLOCKAGE = re.compile(r"\b(?:occlusion|blockage|obstruction|bouchon intestinal)\b")
_SCRAPE = re.compile(
    r"\b(?:scraped|grazed|skinned|gashed|tore|ripped) (?:up )?(?:my|his|her|their) (?:\w+ )?(?:forearms?|arms?|hands?|"
    r"legs?|knees?|shins?|elbows?|fingers?|knuckles?|palms?|face|chin)\b|\b(?:ecorche|egratigne|entaille|arrache)\w* "
    r"(?:le|la|les|l" + Q + r"|mon|ma|mes|son|sa|ses) (?:bras|avant-bras|main|mains|jambe|jambes|genou|genoux|doigts?|"
    r"coude|visage)\b"
)
_TREATED_WORDS = frozenset("platre cast sling splint brace attelle".split())
_NECK_WORDS = frozenset("neck throat cou gorge".split())
_SCRAPE_WORDS = frozenset("scraped grazed skinned gashed tore ripped".split())

# ---- Symptoms a remedy brought on -----------------------------------------------------------------------------------
# "Ces gélules m'ont donné des palpitations", "these gummies gave me heart palpitations": a pill, a supplement, a
# cream or a drink named in the sentence, and what it gave. "The plot gave me a headache" names none.
_REMEDY = re.compile(
    r"\b(?:gelules?|capsules?|pills?|tablets?|supplements?|complements?|comprimes?|cachets?|gumm(?:y|ies)|teas?|"
    r"tisanes?|drinks?|boissons?|creams?|cremes?|serums?|sprays?|dyes?|teintures?|shampoos?|shampooings?|medicine|"
    r"medicaments?|remed(?:y|ies)|remedes?|powders?|poudres?|shots?|vitamins?|vitamines?|melatonin\w*|pre-?workout|"
    r"lotions?|huiles?|oils?|patches|patchs)\b"
)
_BROUGHT = re.compile(
    r"\b(?:gave|given|giving|gives|caused|causes|triggered|brought on|left) (?:me|him|her|us|them|my \w+)\b"
    r"|\b(?:m|lui|nous|leur)" + Q + r"?\s?(?:ont|a|avait|avaient) (?:donne|provoque|cause|file)\b|\bprovoque\w*\b"
)
_SYMPTOMS = re.compile(
    r"\b(?:palpitations|heart racing|racing heart|tachycardi\w*|dizz\w*|vertiges?|nausea|nausees?|vomit\w*|"
    r"diarrh\w*|hives|urticaire|rash|rashes|plaques|boutons|insomnia|insomnies?|chest pains?|douleurs? (?:a|dans) la "
    r"poitrine|migraines?|headaches?|maux de (?:tete|ventre)|tremors|tremblements|shaking|shakes|cramps|crampes|"
    r"brulures d" + Q + r"estomac|swelling|gonflements?)\b"
)
_BROUGHT_WORDS = frozenset(
    "gave given giving gives caused causes triggered brought left donne provoque cause file".split()
)

# ---- Burnt, shocked, a fall taken or nearly taken --------------------------------------------------------------------
# A burn told by what it took off a body ("burnt the hair off my forearm", "scorched the skin on his wrist"), and a
# blister beside a burn or a flame ("flared up and left a blister", "une cloque sur la main en touchant la vitre
# brûlante"), not one from new boots or a paint that blisters.
_LIMB = (
    r"(?:arms?|forearms?|hands?|fingers?|wrists?|legs?|shins?|face|chest|knuckles?|palms?|thumbs?|head|neck|"
    r"bras|avant-bras|mains?|doigts?|poignets?|jambes?|visage|poitrine|paumes?|pouces?|tete|cou)"
)
_SKIN_BURNT = re.compile(
    r"\b(?:burn(?:t|ed)|scorched|melted|singed) (?:off )?(?:all |most |some |half )?(?:of )?(?:the |my |his |her |"
    r"their )?(?:hairs?|skin|eyebrows?|eyelashes|lashes) (?:off|on|from|of) (?:my|his|her|their|our|the) (?:\w+ )?"
    + _LIMB
    + r"\b"
)
_BLISTER = re.compile(r"\b(?:blister(?:s|ed|ing)?|cloques?)\b")
_BURN_BESIDE = re.compile(
    r"\b(?:burn\w*|scald\w*|flames?|flared?|fire|steam|boiling|brul\w*|flammes?|feu|vapeur|ebouillant\w*|crame\w*)\b"
)
_NOT_A_BURN_BLISTER = re.compile(
    r"\b(?:shoes?|boots?|heels?|trainers?|sneakers?|sandals?|socks?|insoles?|walk\w*|hik\w*|runs?|running|rub\w*|"
    r"chaussures?|bottes?|baskets?|talons?|chaussettes?|semelles?|marche|rando\w*|frott\w*|paint\w*|peinture|vernis|"
    r"varnish|enamel|email|coating|revetement|film|papier peint|wallpaper|plaster|enduit)\b"
)
# An electric shock in slang, from touching a thing: "je me suis pris une bonne châtaigne en touchant le cadre",
# "got a nasty jolt off the metal casing", "got zapped by the toaster's frame". "Une châtaigne" is also a punch and
# a jolt is also coffee's, so a thing touched or the current must be in the sentence.
_SLANG_SHOCK = re.compile(
    r"\b(?:pris|prendre|prend|prends|ramasse|recu|eu|pris une|pris un) (?:une |un |la |le )?(?:(?:bonne|bon|belle|beau|"
    r"sacree|sacre|grosse|gros|petite|petit|sale|vraie|vrai|jolie|joli) )?(?:chataigne|coup de jus|decharge|jus)\b"
    r"|\b(?:got|get|gets|getting|felt|feel|received|took|had) (?:a |an |quite a |such a )?(?:\w+ )?(?:jolt|zap|"
    r"belt|tingle)\b|\b(?:got|get|gets|getting) zapped\b|\bzapped (?:me|him|her|us)\b"
)
_TOUCHED = re.compile(
    r"\b(?:touch\w*|contact|metal\w*|cadre|carcasse|boitier|chassis|carter|inox|prise|cable|fil|courant|electri\w*|"
    r"branch\w*|debranch\w*|masse|terre|volts?|disjonct\w*|frame|casing|case|plug|socket|wire|current|live|earth|"
    r"earthed|grounded|mains|tap|robinet)\b"
)
# A fall nearly taken in everyday words: "j'ai failli me vautrer dans l'escalier", "a deux doigts de me casser la
# figure", "nearly went down the stairs", "almost face-planted". Not a fine picked up ("me ramasser une amende").
_FALL_NEARLY = re.compile(
    r"\b(?:failli|manque de|a deux doigts de|presque) (?:me |m" + Q + r"|se |s" + Q + r"|te |t" + Q + r"|nous )"
    r"(?:vautrer|etaler|ramasser(?! une (?:amende|prune|pv|contravention))|gameller|viander|casser la (?:figure|"
    r"gueule|margoulette|binette|tete)|peter la gueule|fracasser|prendre une gamelle|prendre un gadin|tordre la "
    r"cheville|rompre le cou|briser le cou)\b"
    r"|\b(?:nearly|almost) (?:tripped(?! (?:the|a|my) (?:breaker|fuse|switch|alarm))|went (?:down|over|flying down|"
    r"head over heels|arse over)|face-?planted|ate (?:it|dirt|pavement|concrete|tarmac|the floor)|took a (?:tumble|"
    r"header|nasty fall|spill)|broke my neck)\b"
)
# A fall taken face first, onto something hard: "went face-first into the tarmac", "tête la première sur le bitume";
# and the stitches counted after it ("6 stitches"), not a knit's or a seam's.
_FACE_FIRST = re.compile(
    r"\b(?:face|head)[- ]?first (?:into|onto|on|over|down|against) (?:the |a |some )?(?:tarmac|asphalt|pavement|"
    r"ground|floor|road|concrete|gravel|kerb|curb|dirt|rocks?|stairs|steps|wall|door|handlebars?|bars|trail|path|"
    r"ice|pole|post|tree|car)\b"
    r"|\btete la premiere (?:sur|dans|contre) (?:le |la |l" + Q + r"|les |un |une )?(?:bitume|sol|goudron|trottoir|"
    r"route|mur|escaliers?|marches|pave|cailloux|graviers|porte|poteau|arbre|voiture)\b"
)
_STITCHES = re.compile(r"\b\d+ (?:stitches|staples)\b")
_FALL_OR_WOUND = re.compile(
    r"\b(?:fell|fall|falling|crash\w*|tarmac|a&e|hospital|gash\w*|wound|cut|sliced|chute|tombee?|urgences|plaie|"
    r"(?:my|his|her|their) (?:face|head|chin|lip|forehead|eyebrow|knee|hand|finger|thumb|arm|leg|foot|scalp))\b"
)
_CRAFT = re.compile(
    r"\b(?:knit\w*|crochet\w*|cast on|yarn|rows?|pattern|needles?|sew\w*|seams?|hem|thread|tricot\w*|laine|rangs?|"
    r"couture|coudre|aiguilles?|fil)\b"
)
_BURNT_WORDS = frozenset("burnt burned scorched melted singed".split())
_SHOCK_WORDS = frozenset("chataigne jus decharge jolt zap zapped belt tingle".split())
_FALL_NEARLY_WORDS = frozenset("failli manque doigts presque nearly almost".split())


def _burns_shocks_falls(text: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
    """The shapes above (``hazards`` runs them with the rest)."""
    if not _BURNT_WORDS.isdisjoint(words):
        yield from _SKIN_BURNT.finditer(text)
    if any(w.startswith(("blister", "cloque")) for w in words):
        for m in _BLISTER.finditer(text):
            sentence = sentence_around(text, m.start(), m.end())
            if _BURN_BESIDE.search(sentence) and not _NOT_A_BURN_BLISTER.search(sentence):
                yield m
    if not _SHOCK_WORDS.isdisjoint(words):
        for m in _SLANG_SHOCK.finditer(text):
            if _TOUCHED.search(sentence_around(text, m.start(), m.end())):
                yield m
    if not _FALL_NEARLY_WORDS.isdisjoint(words):
        yield from _FALL_NEARLY.finditer(text)
    if "first" in words or "premiere" in words:
        yield from _FACE_FIRST.finditer(text)
    if ("stitches" in words or "staples" in words) and not _CRAFT.search(text):
        for m in _STITCHES.finditer(text):
            if _FALL_OR_WOUND.search(sentence_around(text, m.start(), m.end())):
                yield m


def hazards(text: str) -> Iterator[re.Match[str]]:
    """The shapes above in ``text`` (the accent-folded base view), each as the match to report."""
    words = words_of(text)
    if not _HEAT_WORDS.isdisjoint(words) and _DEVICE.search(text):
        yield from _SMOKE.finditer(text)
        for m in _MELT.finditer(text):
            if _PART.search(sentence_around(text, m.start(), m.end())):
                yield m
    if not _FOREIGN_WORDS.isdisjoint(words):
        yield from _FOREIGN_BODY.finditer(text)
    if not _PET_WORDS.isdisjoint(words) and _PET_CAUSE.search(text):
        for m in _PET_ILL.finditer(text):
            if _PET.search(sentence_around(text, m.start(), m.end())):
                yield m
    if not _SCALD_WORDS.isdisjoint(words):
        yield from _SCALD.finditer(text)
    if not _LODGED_WORDS.isdisjoint(words):
        yield from _LODGED.finditer(text)
    if not _BREATH_WORDS.isdisjoint(words):
        for m in _BREATH.finditer(text):
            if "breath" not in m.group(0) or not _TOO_TIGHT.search(text, max(0, m.start() - 150), m.end() + 60):
                yield m
    if not _CAUGHT_WORDS.isdisjoint(words):
        yield from _CAUGHT.finditer(text)
    if not _NEAR_WORDS.isdisjoint(words):
        for m in _NEAR_MISS.finditer(text):
            if m.group(0).startswith(("nearly", "almost", "could", "would", "narrowly")) or _FIRST_OR_FAMILY.search(
                sentence_around(text, m.start(), m.end())
            ):
                yield m
    if not _BLOWN_WORDS.isdisjoint(words):
        yield from _BLOWN.finditer(text)
    if not _GAS_WORDS.isdisjoint(words):
        yield from _GAS.finditer(text)
    if YOUNG_CHILD.search(text):
        yield from _LOOSE_PARTS.finditer(text)
    if not _TREATED_WORDS.isdisjoint(words):
        yield from _TREATED.finditer(text)
    if not _NECK_WORDS.isdisjoint(words):
        for m in _NECK.finditer(text):
            if _CONSTRICTED.search(sentence_around(text, m.start(), m.end())):
                yield m
    if not _SCRAPE_WORDS.isdisjoint(words) or any(w.startswith(("ecorch", "egratign", "entaill")) for w in words):
        yield from _SCRAPE.finditer(text)
    if not _PET_WORDS.isdisjoint(words) and _VET_OR_FEE.search(text):
        yield from _BLOCKAGE.finditer(text)
    if not _SWALLOW_WORDS.isdisjoint(words):
        yield from _SWALLOWED.finditer(text)
    if not _BROUGHT_WORDS.isdisjoint(words) or any(w.startswith("provoqu") for w in words):
        for m in _SYMPTOMS.finditer(text):
            sentence = sentence_around(text, m.start(), m.end())
            if _BROUGHT.search(sentence) and _REMEDY.search(sentence):
                yield m
    yield from _burns_shocks_falls(text, words)
    yield from small_harms(text, words)
