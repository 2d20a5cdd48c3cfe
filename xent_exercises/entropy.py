"""Exercise checkers of ``notebooks/03_entropy.ipynb``.

Every prompt asks for 3 significant digits; see :func:`xent_exercises.check_number` for what is
accepted and which usual slips are recognised.
"""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_exercises import check_number

__all__ = ["check_new_laptop_entropy_bits", "check_d20_entropy", "check_coin_entropy_gap"]

# Exercise 1: a newer laptop (boots, won't boot, explodes); the notebook works the notes' 0.7, 0.2, 0.1.
NEW_LAPTOP_PROBS = (0.9, 0.08, 0.02)
# Exercise 2: a fair die with this many faces.
D20_FACES = 20
# Exercise 3: a bent coin's probability of heads, compared with the fair coin's 1 bit.
BENT_COIN = 0.8


def _new_laptop_answer():
    return float(xc.entropy(NEW_LAPTOP_PROBS, base=2))


def _d20_answer():
    return float(xc.entropy(np.full(D20_FACES, 1 / D20_FACES), base=2))


def _coin_gap_answer():
    return 1.0 - float(xc.entropy([BENT_COIN, 1 - BENT_COIN], base=2))


def check_new_laptop_entropy_bits(answer):
    """Exercise 1: the entropy, in bits, of a newer laptop that boots, won't boot or explodes
    with probabilities 0.9, 0.08 and 0.02.

    Examples
    --------
    >>> check_new_laptop_entropy_bits(0.541)
    Correct: the entropy of the newer laptop in bits is 0.541188.
    >>> check_new_laptop_entropy_bits(0.54)
    Close: 0.54 is the entropy of the newer laptop in bits rounded too coarsely; give 3 significant digits.
    >>> check_new_laptop_entropy_bits(0.375)
    Not yet: 0.375 is not the entropy of the newer laptop in bits; that is the value in nats; the exercise asks for bits (log base 2).
    """
    probs = np.array(NEW_LAPTOP_PROBS)
    informations = -np.log2(probs)
    slips = [
        (-_new_laptop_answer(), "the sign is flipped: entropy averages -log2 p, which is never negative"),
        (float(informations.sum()), "you added the three informations; entropy weights each by its probability first"),
        (float((probs * np.round(informations, 2)).sum()),
         "you rounded each information before weighting it; keep full precision and round only the answer"),
        (float(xc.entropy(notes.LAPTOP_PROBS, base=2)),
         "that is the notes' laptop (0.7, 0.2, 0.1); use the newer laptop's 0.9, 0.08 and 0.02"),
    ]
    return check_number(answer, _new_laptop_answer(), "the entropy of the newer laptop in bits", quantity="bits",
                        hint="add -p log2 p over the three outcomes", slips=slips)


def check_d20_entropy(answer):
    """Exercise 2: the entropy, in bits, of a fair 20-sided die.

    Examples
    --------
    >>> check_d20_entropy(math.log2(20))
    Correct: the entropy of a fair 20-sided die in bits is 4.32193.
    >>> check_d20_entropy(20)
    Not yet: 20 is not the entropy of a fair 20-sided die in bits; 20 is the number of faces; the entropy of n equally likely outcomes is log2 n.
    """
    faces = D20_FACES
    slips = [
        (-_d20_answer(), "the sign is flipped: entropy averages -log2 p, which is never negative"),
        (faces, "20 is the number of faces; the entropy of n equally likely outcomes is log2 n"),
        (1 / faces, "1/20 is the probability of one face; entropy is the average information, log2 20"),
        (math.log10(faces), "that is log base 10; bits use log base 2"),
    ]
    return check_number(answer, _d20_answer(), "the entropy of a fair 20-sided die in bits", quantity="bits",
                        hint="every face has probability 1/20 and information log2(20); average them", slips=slips)


def check_coin_entropy_gap(answer):
    """Exercise 3: how many bits less uncertain a coin with P(heads) = 0.8 is than a fair coin, 1 - H(0.8).

    Examples
    --------
    >>> check_coin_entropy_gap(0.278)
    Correct: 1 bit minus the entropy of the 0.8 coin is 0.278072.
    >>> check_coin_entropy_gap(0.722)
    Not yet: 0.722 is not 1 bit minus the entropy of the 0.8 coin; that is the entropy of the 0.8 coin itself; subtract it from the fair coin's 1 bit.
    """
    p = BENT_COIN
    h = float(xc.entropy([p, 1 - p], base=2))
    heads, tails = -p * math.log2(p), -(1 - p) * math.log2(1 - p)
    slips = [
        (h, "that is the entropy of the 0.8 coin itself; subtract it from the fair coin's 1 bit"),
        (h - 1, "that is H(0.8) - 1; the fair coin is the more uncertain one, so 1 - H(0.8) is positive"),
        (math.log(2) - float(xc.entropy([p, 1 - p])), "that is the difference in nats; the exercise asks for bits (log base 2)"),
        (1 - heads, "you subtracted only the heads term, -0.8 log2 0.8; H(0.8) also has the tails term, -0.2 log2 0.2"),
        (1 - tails, "you subtracted only the tails term, -0.2 log2 0.2; H(0.8) also has the heads term, -0.8 log2 0.8"),
    ]
    return check_number(answer, _coin_gap_answer(), "1 bit minus the entropy of the 0.8 coin",
                        hint="H(0.8) = -0.8 log2 0.8 - 0.2 log2 0.2; then take 1 - H(0.8)", slips=slips)


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_new_laptop_entropy_bits": (_new_laptop_answer(), None),
    "check_d20_entropy": (_d20_answer(), None),
    "check_coin_entropy_gap": (_coin_gap_answer(), None),
}
