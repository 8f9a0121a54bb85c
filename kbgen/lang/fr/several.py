"""What, written before a surname, makes it several people's in French (kbgen.lang.Rules.several_before)."""

import re

# A plural determiner or a number, perhaps with plural nouns after it, lower case: 'les frères ',
# 'Deux ', 'les deux ', 'Les deux sœurs '. Closed classes of the language, not names.
SEVERAL_BEFORE = re.compile(
    r"(?<![\w'-])(?i:les|des|ces|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)(?:\s+[a-zà-ÿœæ]+[sx])*\s+$"
)
