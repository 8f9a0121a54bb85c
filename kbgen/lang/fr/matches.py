"""What, written before a name, makes it an opponent in a match in French (kbgen.lang.Rules.opponent_before)."""

import re

# A verb of a match and what may come between it and the name: who is played, met or beaten
# ('affronter le ', 'recevra ', 'a battu ', 'match contre ', "s'est imposée dimanche face à").
OPPONENT_BEFORE = re.compile(
    r"(?:\b(?:affront(?:er|e|ent|era|eront|ait|é|ée|és)|re(?:çoit|çoivent|cevra|cevront|cevait|cevoir)"
    r"|bat(?:tre|tent|tra|tront|tait|tu|tue|tus|tues)?)|\bmatch\s+contre|\bimposée?s?(?:\s+\S+){0,4}?\s+face\s+(?:à|au|aux))"
    r"\s+(?:(?:le|la|les)\s+|l['’]\s*)?$",
    re.IGNORECASE,
)
