"""Exercise checkers of ``notebooks/10_checking_the_sources.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_exercises import Feedback, check_number

__all__ = ["check_recomputed_l1_mean", "check_three_decimal_laptop_sum", "check_misplaced_bernoulli_total", "check_bits_of_seven_tenths"]


def check_recomputed_l1_mean(answer):
    """Exercise: the L1 loss (mean absolute error) of output (10, 10, 20) against target (30, 20, 50).

    Examples
    --------
    >>> check_recomputed_l1_mean((20 + 10 + 30) / 3)
    Correct: the mean absolute error of note 000's example is 20.
    >>> check_recomputed_l1_mean(23.33)
    Not yet: 23.33 is not the mean absolute error of note 000's example; that is the note's value: it subtracts 10 from 50, but the third output is 20, so the third error is |50 - 20| = 30.
    """
    output, target = np.array(notes.L1_EXAMPLE_OUTPUT), np.array(notes.L1_EXAMPLE_TARGET)
    notes_value = ("that is the note's value: it subtracts 10 from 50, but the third output is 20, "
                   "so the third error is |50 - 20| = 30")
    slips = [
        (70 / 3, notes_value),  # the note's (20 + 10 + 40) / 3
        (70, notes_value),
        (xc.mean_absolute_error(output, target, reduction="sum"), "that is the sum of the errors; the mean divides it by the 3 outputs"),
        (xc.mean_squared_error(output, target), "that is the mean squared error; L1 uses the absolute values, not squares"),
    ]
    expected = float(xc.mean_absolute_error(output, target))
    return check_number(answer, expected, "the mean absolute error of note 000's example", slips=slips,
                        hint="take |target - output| for each of the three pairs, add them, divide by 3")


def check_three_decimal_laptop_sum(answer):
    """Exercise: 0.7 x 0.357 + 0.2 x 1.609 + 0.1 x 2.303, the laptop table rounded to 3 decimals.

    The answer must be right to 4 decimals (the point is to tell it from the exact 0.8018).

    Examples
    --------
    >>> check_three_decimal_laptop_sum(0.2499 + 0.3218 + 0.2303)
    Correct: the 3-decimal table gives 0.8020: still 0.0002 above the exact 0.8018, but now right to three decimals (both round to 0.802).
    >>> check_three_decimal_laptop_sum(0.8018)
    Not yet: 0.8018 is not the entropy from the 3-decimal table; 0.8018 is the exact entropy; the exercise asks what the rounded table gives, and the two differ in the 4th decimal.
    """
    probs, rounded = np.array(notes.LAPTOP_PROBS), [0.357, 1.609, 2.303]
    expected = float(sum(p * i for p, i in zip(probs, rounded)))
    exact = float(xc.entropy(probs))
    slips = [
        (exact, "0.8018 is the exact entropy; the exercise asks what the rounded table gives, and the two differ in "
                "the 4th decimal"),
        (probs @ [0.36, 1.61, 2.30], "0.804 comes from the 2-decimal table of note 001; use the 3-decimal values"),
        (sum(rounded), "you added the information values; weight each by its probability first"),
    ]
    # slip_rel_tol=1.3e-4 tells the exact 0.80182 from the rounded table's 0.80200
    result = check_number(answer, expected, "the entropy from the 3-decimal table", rel_tol=0, abs_tol=5e-5, slips=slips,
                          hint="multiply each rounded information by its probability, then add the three products",
                          slip_rel_tol=1.3e-4)
    if result:
        return Feedback(True, f"Correct: the 3-decimal table gives {expected:.4f}: still {expected - exact:.4f} "
                              f"above the exact {exact:.4f}, but now right to three decimals "
                              f"(both round to {round(exact, 3):g}).")
    return result


def check_misplaced_bernoulli_total(answer):
    """Exercise: f(0) + f(1) for note 003's f(x) = p^x (1 - p^(1 - x)) with p = 0.3.

    Examples
    --------
    >>> check_misplaced_bernoulli_total(0.3 ** 0 * (1 - 0.3 ** 1) + 0.3 ** 1 * (1 - 0.3 ** 0))
    Correct: f(0) + f(1) for the misplaced exponent is 0.7.
    >>> check_misplaced_bernoulli_total(1)
    Not yet: 1 is not f(0) + f(1) for the misplaced exponent; 1 is what the correct p^x (1 - p)^(1 - x) gives; in the note's version the exponent sits on p inside the bracket, so f(1) = p (1 - p^0) = 0.
    """
    p = 0.3
    expected = sum(p ** x * (1 - p ** (1 - x)) for x in (0, 1))
    slips = [
        (sum(p ** x * (1 - p) ** (1 - x) for x in (0, 1)),
         "1 is what the correct p^x (1 - p)^(1 - x) gives; in the note's version the exponent sits on p inside the "
         "bracket, so f(1) = p (1 - p^0) = 0"),
        (p, "f(1) = p (1 - p^0) = p (1 - 1) = 0, not p; and f(0) = 1 - p"),
    ]
    return check_number(answer, expected, "f(0) + f(1) for the misplaced exponent", slips=slips,
                        hint="evaluate f(0) and f(1) separately; remember that any number to the power 0 is 1")


def check_bits_of_seven_tenths(answer):
    """Exercise: note 002's information of probability 0.7 with its own formula, -log2 0.7, in bits.

    Examples
    --------
    >>> check_bits_of_seven_tenths(-math.log(0.7) / math.log(2))
    Correct: -log2 0.7 in bits is 0.514573.
    >>> check_bits_of_seven_tenths(0.357)
    Not yet: 0.357 is not -log2 0.7 in bits; that is the value in nats; the exercise asks for bits (log base 2).
    """
    slips = [(math.log10(1 / 0.7), "that is log base 10; bits use log base 2")]
    expected = float(xc.information_content(0.7, base=2))
    return check_number(answer, expected, "-log2 0.7 in bits", hint="use math.log2, or divide the natural log by ln 2",
                        slips=slips, slip_rel_tol=1e-2)
