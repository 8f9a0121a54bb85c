"""What, written before a word in lower case, makes it a common noun in French (kbgen.lang.Rules.noun_determiners)."""

import re

# A determiner, then a word in lower case (group 1): a common noun as the text uses it ('ce matin',
# 'de basket', 'les nouvelles', "l'immobilier"). The determiners are a closed class of the language.
NOUN_DETERMINERS = re.compile(
    r"(?<![\w'’-])(?:(?i:le|la|les|un|une|de|des|du|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos)\s+"
    r"|(?i:l|d)['’]\s*)([a-zà-ÿœæ][a-zà-ÿœæ-]*)(?![\w'’])"
)
