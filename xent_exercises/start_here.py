"""Exercise checkers of ``notebooks/00_start_here.ipynb``."""

import math

import xent_core as xc
from xent_exercises import check_number, parse_number

# check_number is the generic checker that notebook 00 demonstrates.
__all__ = ["check_number", "check_better_loss_in_bits", "check_probability_for_one_nat", "ANSWERS"]

# The better-trained classifier of Exercise 1 gives the frog (the true class) this probability.
_BETTER_FROG_PROBABILITY = 0.8


def check_better_loss_in_bits(answer):
    """Exercise 1: the loss -ln 0.8 of a better prediction for the frog, (0.15, 0.8, 0.05), in bits.

    Examples
    --------
    >>> check_better_loss_in_bits(-math.log2(0.8))
    Correct: the better prediction's loss in bits is 0.321928.
    >>> check_better_loss_in_bits(0.223)
    Not yet: 0.223 is not the better prediction's loss in bits; that is the value in nats; the exercise asks for bits (log base 2).
    """
    p = _BETTER_FROG_PROBABILITY
    nats = xc.information_content(p)   # the loss sees only the frog's probability
    expected = xc.information_content(p, base=2)
    slips = [
        (nats * math.log(2), "that multiplies the loss in nats by ln 2; to turn nats into bits, divide by ln 2"),
        (p, "0.8 is the probability of the frog; the loss is -log2 of it"),
        (xc.information_content(0.6, base=2), "that is the loss of the notes' prediction (0.6 on the frog); "
                                              "this one gives the frog 0.8"),
        (-math.log10(p), "that uses log base 10; bits use log base 2 (math.log2)"),
    ]
    hint = "divide the loss in nats by ln 2 (or multiply it by 1.4427), or compute -log2 0.8 directly"
    return check_number(answer, expected, "the better prediction's loss in bits", quantity="bits", hint=hint, slips=slips)


def check_probability_for_one_nat(answer):
    """Exercise 2: the probability of the true class at which the loss -ln p is exactly 1 nat (2 decimals).

    Examples
    --------
    >>> check_probability_for_one_nat(math.exp(-1))
    Correct: the probability whose loss is 1 nat is 0.367879.
    >>> check_probability_for_one_nat(0.5)
    Not yet: 0.5 is not the probability whose loss is 1 nat; p = 0.5 gives a loss of 1 bit (-log2 0.5 = 1), which is only 0.693 nats: solve -ln p = 1 instead.
    """
    what = "the probability whose loss is 1 nat"
    expected = math.exp(-1)
    slips = [
        (0.5, "p = 0.5 gives a loss of 1 bit (-log2 0.5 = 1), which is only "
              f"{xc.information_content(0.5):.3f} nats: solve -ln p = 1 instead"),
        (math.e, "that is e; a probability is at most 1: -ln p = 1 means ln p = -1, so p = e to the power -1"),
        (-1.0, "-1 is ln p, not p: -ln p = 1 means ln p = -1; undo the ln with exp"),
    ]
    hint = "-ln p = 1 means ln p = -1; undo the ln with exp"
    value, _ = parse_number(answer, what)
    if value is not None and not 0 <= value <= 1:
        hint = "a probability lies between 0 and 1; " + hint
    return check_number(answer, expected, what, quantity="probability", decimals=2, hint=hint, slips=slips)


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_better_loss_in_bits": (-math.log2(_BETTER_FROG_PROBABILITY), None),
    "check_probability_for_one_nat": (math.exp(-1), 2),
}
