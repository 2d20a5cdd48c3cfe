"""Exercise checkers of ``notebooks/00_start_here.ipynb``."""

import math

import xent_core as xc
from xent_exercises import check_number

# check_number is the generic checker that notebook 00 demonstrates.
__all__ = ["check_number", "check_frog_loss_in_bits", "check_probability_for_one_nat"]


def check_frog_loss_in_bits(answer):
    """Exercise: the loss -ln 0.6 of the notes' frog prediction (0.3, 0.6, 0.1), in bits.

    Examples
    --------
    >>> check_frog_loss_in_bits(-math.log2(0.6))
    Correct: the loss -log2 0.6 in bits is 0.736966.
    >>> check_frog_loss_in_bits(0.5108)
    Not yet: 0.5108 is not the loss -log2 0.6 in bits; that is the value in nats; the exercise asks for bits (log base 2).
    """
    expected = float(xc.information_content(0.6, base=2))  # the loss sees only the frog's probability, 0.6
    hint = "divide the loss in nats by ln 2 (or multiply it by 1.4427), or compute -log2 0.6 directly"
    return check_number(answer, expected, "the loss -log2 0.6 in bits", hint=hint)


def check_probability_for_one_nat(answer):
    """Exercise: the probability of the true class at which the loss -ln p is exactly 1 nat.

    Two decimals (what the slider can reach) are enough.

    Examples
    --------
    >>> check_probability_for_one_nat(math.exp(-1))
    Correct: the probability whose loss is 1 nat is 0.367879.
    >>> check_probability_for_one_nat(0.5)
    Not yet: 0.5 is not the probability whose loss is 1 nat; p = 0.5 gives a loss of 1 bit (-log2 0.5 = 1), which is only 0.693 nats: solve -ln p = 1 instead.
    """
    expected = math.exp(-1)
    slips = [
        (0.5, "p = 0.5 gives a loss of 1 bit (-log2 0.5 = 1), which is only "
              f"{-math.log(0.5):.3f} nats: solve -ln p = 1 instead"),
        (math.e, "that is e; a probability is at most 1: -ln p = 1 means ln p = -1, so p = e to the power -1"),
    ]
    # slip_rel_tol=0.01: two decimals, what the slider reaches, are enough to recognise 0.5 (or e)
    return check_number(answer, expected, "the probability whose loss is 1 nat", rel_tol=0.02,
                        hint="-ln p = 1 means ln p = -1; undo the ln with exp", slips=slips, slip_rel_tol=0.01)
