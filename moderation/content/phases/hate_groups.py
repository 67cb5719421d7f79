"""The groups hate is said of, by their names, in the ``words`` view (accents and case folded): peoples, faiths,
sexual orientation, gender identity, disability (``hate``, ``hate_exclusion``)."""

GROUPS_EN = (
    r"(?:jews?|arabs?|illegals|illegal (?:immigrants?|aliens?|migrants?)|asylum seekers?|"
    r"muslims?|moslems?|blacks?|negro(?:es)?|immigrants?|migrants?|refugees?|gypsies|gypsy|roma|"
    r"mexicans?|chinese|asians?|indians?|pakis?|africans?|gays?|lesbians?|trans(?:gender)? people|homosexuals?|"
    r"christians?|catholics?|hindus?|sikhs?|foreigners?|disabled people|the disabled|cripples|autistic people|"
    r"trann(?:y|ies|ys)|transgenders?|transsexuals?)"
    # An adjective of a thing, not people: "Chinese chargers, all dead in a week, send them all back".
    r"(?! (?:made |brand |branded )?(?:chargers?|cables?|phones?|products?|parts?|batter(?:y|ies)|knock-?offs?|copies|"
    r"copy|fakes?|goods|stuff|items?|junk|rubbish|crap|tools?|toys?|imports?|brands?|factor(?:y|ies)|plastic|quality|"
    r"sizes?|sizing|apps?|shoes|clothes|clothing|food|takeaways?|restaurants?|cuisine|tea|dishes|version|models?|"
    r"knives|screws|bolts|lights|bulbs|leds?|electronics|components?)\b)"
)
GROUPS_FR = (
    r"(?:juifs?|juives?|clandestins|sans-papiers|demandeurs d.asile|"
    r"arabes?|musulman(?:e|s|es)?|noir(?:e|s|es)?|negres?|immigres?|migrants?|refugies?|"
    r"gitan(?:e|s|es)?|roms?|chinois(?:e|es)?|asiatiques?|africain(?:e|s|es)?|homos?|pedes?|gouines?|lesbiennes?|"
    r"trans|homosexuel(?:le|s|les)?|chretien(?:ne|s|nes)?|catho(?:lique)?s?|etrangers?|etrangeres?|maghrebins?|"
    r"renois|rebeus?|feujs?|handicape(?:e|s|es)?|autistes|trisomiques|mongoliens?|pds?|tarlouzes?)"
)
