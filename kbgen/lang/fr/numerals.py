"""Numerals French writes that are no names (kbgen.lang.Rules.roman_ordinal)."""

import re

# An ordinal in Roman numerals, a century's or a rank's, which the model takes alone from 'au XIXe
# siècle' and reads as a work or a place. No L nor C: 'Le' and 'Ce' are words; centuries need neither.
ROMAN_ORDINAL = re.compile(r"[IVX]+(?:e|er|ème)")
