"""Constants of DOMAIN.md that the scenario format and the rules share."""

SERVICES = ("renewal", "damaged", "transfer-in", "lost")

# DOMAIN.md §8: one letter per status, combinable ("DH"). There is no O or Q.
STATUS_LETTERS = frozenset("ABCDEFGHIJKLMNPRSTU")

# DOMAIN.md §6, in the regulation's order (Art. 11); used to sort class lists.
CLASS_ORDER = ("A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "C5", "C6", "D", "E", "F", "M", "N", "P")

TERMS = ("6y", "10y", "long")

FEE_PER_CARD_CNY = 10  # 工本费, 发改价格〔2004〕2831号 (DOMAIN.md §8)
