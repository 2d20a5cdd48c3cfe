"""Exercise checkers of ``notebooks/03_entropy.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_exercises import check_number

__all__ = ["check_laptop_entropy_bits", "check_d20_entropy", "check_biased_coin_entropy"]


def check_laptop_entropy_bits(answer):
    """Exercise: the entropy of the laptop-boot table (0.7, 0.2, 0.1) in bits.

    Examples
    --------
    >>> check_laptop_entropy_bits(-(0.7 * math.log2(0.7) + 0.2 * math.log2(0.2) + 0.1 * math.log2(0.1)))
    Correct: the entropy of the laptop table in bits is 1.15678.
    >>> check_laptop_entropy_bits(0.804 / math.log(2))
    Not yet: 1.15993 is not the entropy of the laptop table in bits; that converts the notes' rounded 0.804 nats; start from the exact probabilities (or from 0.8018 nats).
    """
    rounded = "that converts the notes' rounded 0.804 nats; start from the exact probabilities (or from 0.8018 nats)"
    slips = [
        (0.804 / math.log(2), rounded),
        (1.16, rounded),
        (0.804, "0.804 is the notes' rounded value, and in nats; the exercise asks for bits"),
        (float(xc.information_content(notes.LAPTOP_PROBS, base=2).sum()),
         "you added the three informations; entropy weights each by its probability first"),
    ]
    expected = float(xc.entropy(notes.LAPTOP_PROBS, base=2))
    return check_number(answer, expected, "the entropy of the laptop table in bits",
                        hint="use log base 2 in -sum(p * log p), or divide the entropy in nats by ln 2", slips=slips)


def check_d20_entropy(answer):
    """Exercise: the entropy, in bits, of a fair 20-sided die.

    Examples
    --------
    >>> check_d20_entropy(math.log2(20))
    Correct: the entropy of a fair 20-sided die in bits is 4.32193.
    >>> check_d20_entropy(20)
    Not yet: 20 is not the entropy of a fair 20-sided die in bits; 20 is the number of faces; the entropy of n equally likely outcomes is log2 n.
    """
    faces = 20
    slips = [
        (faces, "20 is the number of faces; the entropy of n equally likely outcomes is log2 n"),
        (1 / faces, "1/20 is the probability of one face; entropy is the average information, log2 20"),
        (math.log10(faces), "that is log base 10; bits use log base 2"),
    ]
    expected = float(xc.entropy(np.full(faces, 1 / faces), base=2))
    return check_number(answer, expected, "the entropy of a fair 20-sided die in bits",
                        hint="every face has probability 1/20 and information log2(20); average them", slips=slips)


def check_biased_coin_entropy(answer):
    """Exercise: the entropy, in bits, of a coin that lands heads with probability 0.9.

    Examples
    --------
    >>> check_biased_coin_entropy(-(0.9 * math.log2(0.9) + 0.1 * math.log2(0.1)))
    Correct: the entropy of the 0.9 coin in bits is 0.468996.
    >>> check_biased_coin_entropy(-0.9 * math.log2(0.9))
    Not yet: 0.136803 is not the entropy of the 0.9 coin in bits; that is only the heads term, -0.9 log2 0.9; add the tails term, -0.1 log2 0.1.
    """
    p = 0.9
    heads, tails = -p * math.log2(p), -(1 - p) * math.log2(1 - p)
    slips = [
        (heads, "that is only the heads term, -0.9 log2 0.9; add the tails term, -0.1 log2 0.1"),
        (tails, "that is only the tails term, -0.1 log2 0.1; add the heads term, -0.9 log2 0.9"),
        (-math.log2(p), "that is the information of heads alone; entropy averages over heads and tails"),
        (1, "1 bit is the fair coin; a coin that almost always lands heads is less uncertain"),
    ]
    expected = float(xc.entropy([p, 1 - p], base=2))
    return check_number(answer, expected, "the entropy of the 0.9 coin in bits",
                        hint="H = -p log2 p - (1 - p) log2(1 - p) with p = 0.9", slips=slips)
