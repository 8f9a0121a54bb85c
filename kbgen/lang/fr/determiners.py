"""What the words right before a name or a word say of it in French: a determiner before a common noun
(kbgen.lang.Rules.noun_determiners), a verb of a match before an opponent (Rules.opponent_before), the speaker of a quotation (Rules.speaker_before), a company's people's adjective
(Rules.origin_adjective_before), what follows a medium (Rules.medium_after)."""

import re

# A determiner, then a word in lower case (group 1): a common noun as the text uses it ('ce matin',
# 'de basket', 'les nouvelles', "l'immobilier"). The determiners are a closed class of the language.
NOUN_DETERMINERS = re.compile(
    r"(?<![\w'’-])(?:(?i:le|la|les|un|une|de|des|du|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos)\s+"
    r"|(?i:l|d)['’]\s*)([a-zà-ÿœæ][a-zà-ÿœæ-]*)(?![\w'’])"
)

# A verb of a match and what may come between it and the name: who is played, met or beaten
# ('affronter le ', 'recevra ', 'a battu ', 'match contre ', "s'est imposée dimanche face à").
OPPONENT_BEFORE = re.compile(
    r"(?:\b(?:affront(?:er|e|ent|era|eront|ait|é|ée|és)|re(?:çoit|çoivent|cevra|cevront|cevait|cevoir)"
    r"|bat(?:tre|tent|tra|tront|tait|tu|tue|tus|tues)?)|\bmatch\s+contre|\bimposée?s?(?:\s+\S+){0,4}?\s+face\s+(?:à|au|aux))"
    r"\s+(?:(?:le|la|les)\s+|l['’]\s*)?$",
    re.IGNORECASE,
)

# The end of a quotation, a comma and one word in lower case, the verb of the incise: who said it comes
# next ('», résume ', '», assure '). Punctuation and the incise's shape only, no list of verbs; the
# word is no preposition, conjunction or article, closed classes ('», dans Lyon', '», et Paris').
INCISE_NOT = (
    "à|au|aux|dans|de|des|du|d|en|sur|sous|chez|pour|par|selon|vers|avec|contre|entre|depuis|pendant|après|avant"
    "|devant|derrière|sans|malgré|et|ou|mais|donc|car|ni|or|comme|puis|alors|quand|lors|le|la|les|l|un|une"
)
SPEAKER_BEFORE = re.compile(rf"[»”\"][^\S\n]*,[^\S\n]*(?!(?:{INCISE_NOT})(?![\w-]))[a-zà-ÿ][\w-]*[^\S\n]+$")

# A definite article (a closed class, capitalised at a sentence's start too) and a word in lower case
# of the shape of a people's adjective: a company named by where it is from ('le français Orano', 'du
# chinois ByteDance', 'la française MaiaSpace', "l'ancien Twitter"). The suffixes are the language's
# way of making such adjectives; a person's people is a capitalised noun ('le Français Dupont').
ORIGIN_ADJECTIVE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:(?i:le|la|du|au|de\s+la|à\s+la)\s+|(?i:l|de\s+l)['’]\s*)"
    r"[a-zà-ÿ]+(?:ais|aise|ois|oise|ain|aine|and|ande|ien|ienne)\s+$"
)

# What may follow a medium named after 'sur' ('diffusé sur Arte à l'automne', 'sur Strava.'): the
# clause's end, a preposition or a conjunction opening the next complement or item, a demonstrative
# opening a time ('ce soir'); not an article, which opens the object of the verb before it ('nourrir
# sur Staline des illusions'). Closed classes of the language.
MEDIUM_AFTER = re.compile(
    r"[^\S\n]*(?:[^\w\s'’-]|\n|$|(?:à|au|aux|dans|en|pour|par|dès|depuis|devant|avec|et|ou|mais|pendant|jusqu|lors"
    r"|entre|après|avant|sans|puis|comme|ce|cet|cette)(?![\w-]))"
)
