"""Exercise checkers of ``notebooks/10_checking_the_sources.ipynb``.

Every prompt asks for 3 significant digits (``ANSWERS`` gives the exact answers and the
decimals each prompt asks for, None for 3 significant digits).
"""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_exercises import check_number

__all__ = ["check_recomputed_squared_error", "check_one_decimal_laptop_error", "check_misplaced_bernoulli_total",
           "check_bits_of_bad_prediction"]

# Exercise 3: the heads probability put into note 003's misplaced formula.
MISPLACED_P = 0.25
# Exercise 4: note 002's bad prediction, the probability of the true class.
BAD_PREDICTION = 0.01


def _squared_error():
    return float(xc.mean_squared_error(np.array(notes.L1_EXAMPLE_OUTPUT), np.array(notes.L1_EXAMPLE_TARGET)))


def _one_decimal_sum():
    probs = np.array(notes.LAPTOP_PROBS)
    return float(probs @ np.round(xc.information_content(probs), 1))


def _one_decimal_error():
    return _one_decimal_sum() - float(xc.entropy(notes.LAPTOP_PROBS))


def _misplaced_total():
    p = MISPLACED_P
    return sum(p ** x * (1 - p ** (1 - x)) for x in (0, 1))


def _bits_of_bad_prediction():
    return float(xc.information_content(BAD_PREDICTION, base=2))


# The exact answer of each checker and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_recomputed_squared_error": (_squared_error(), None),
    "check_one_decimal_laptop_error": (_one_decimal_error(), None),
    "check_misplaced_bernoulli_total": (_misplaced_total(), None),
    "check_bits_of_bad_prediction": (_bits_of_bad_prediction(), None),
}


def check_recomputed_squared_error(answer):
    """Exercise: the mean squared error of output (10, 10, 20) against target (30, 20, 50), read correctly.

    Examples
    --------
    >>> check_recomputed_squared_error(467)
    Correct: the mean squared error of note 000's example is 466.667.
    >>> check_recomputed_squared_error(470)
    Close: 470 is the mean squared error of note 000's example rounded too coarsely; give 3 significant digits.
    >>> check_recomputed_squared_error(700)
    Not yet: 700 is not the mean squared error of note 000's example; that uses the note's third error |50 - 10| = 40, but the third output is 20, so the third error is 30.
    """
    output, target = np.array(notes.L1_EXAMPLE_OUTPUT), np.array(notes.L1_EXAMPLE_TARGET)
    errors = target - output
    slips = [
        ((20 ** 2 + 10 ** 2 + 40 ** 2) / 3,
         "that uses the note's third error |50 - 10| = 40, but the third output is 20, so the third error is 30"),
        (float((errors ** 2).sum()), "that is the sum of the squared errors; the mean divides it by the 3 outputs"),
        (float(xc.mean_absolute_error(output, target)), "that is the mean absolute error (L1); square each error instead"),
        (float(np.sqrt((errors ** 2).mean())), "that is the square root of the mean squared error (the RMSE); leave out the root"),
        (float(np.abs(errors).mean()) ** 2, "that is the square of the mean absolute error; square each error first, then average"),
    ]
    return check_number(answer, _squared_error(), "the mean squared error of note 000's example", slips=slips,
                        hint="take (target - output)^2 for each of the three pairs, add them, divide by 3")


def check_one_decimal_laptop_error(answer):
    """Exercise: 0.7 x 0.4 + 0.2 x 1.6 + 0.1 x 2.3 (information rounded to 1 decimal) minus the exact entropy.

    Examples
    --------
    >>> check_one_decimal_laptop_error(0.0282)
    Correct: the error of the 1-decimal table is 0.0281814.
    >>> check_one_decimal_laptop_error(0.83)
    Not yet: 0.83 is not the error of the 1-decimal table; that is the entropy the 1-decimal table gives; the exercise asks how far it is from the exact entropy (subtract it).
    >>> check_one_decimal_laptop_error(0.00218)
    Not yet: 0.00218 is not the error of the 1-decimal table; that is the error of note 001's 2-decimal table; round the information values to 1 decimal: 0.4, 1.6 and 2.3.
    """
    probs = np.array(notes.LAPTOP_PROBS)
    exact = float(xc.entropy(probs))
    slips = [
        (_one_decimal_sum(), "that is the entropy the 1-decimal table gives; the exercise asks how far it is from "
                             "the exact entropy (subtract it)"),
        (-_one_decimal_error(), "that is exact minus rounded; the error is the table's value minus the exact entropy, "
                                "positive when the table is too high"),
        (float(probs @ np.round(xc.information_content(probs), 2)) - exact,
         "that is the error of note 001's 2-decimal table; round the information values to 1 decimal: 0.4, 1.6 and 2.3"),
        (float(np.round(xc.information_content(probs), 1).sum() - exact),
         "you added the rounded information values without weighting them by their probabilities"),
    ]
    return check_number(answer, _one_decimal_error(), "the error of the 1-decimal table", slips=slips,
                        hint="round -ln 0.7, -ln 0.2 and -ln 0.1 to 1 decimal, weight by 0.7, 0.2, 0.1, add, then subtract the exact entropy")


def check_misplaced_bernoulli_total(answer):
    """Exercise: f(0) + f(1) for note 003's f(x) = p^x (1 - p^(1 - x)) with p = 0.25.

    Examples
    --------
    >>> check_misplaced_bernoulli_total(0.75)
    Correct: f(0) + f(1) for the misplaced exponent is 0.75.
    >>> check_misplaced_bernoulli_total(1)
    Not yet: 1 is not f(0) + f(1) for the misplaced exponent; 1 is what the correct p^x (1 - p)^(1 - x) gives; in the note's version the exponent sits on p inside the bracket, so f(1) = p (1 - p^0) = 0.
    """
    p = MISPLACED_P
    slips = [
        (sum(p ** x * (1 - p) ** (1 - x) for x in (0, 1)),
         "1 is what the correct p^x (1 - p)^(1 - x) gives; in the note's version the exponent sits on p inside the "
         "bracket, so f(1) = p (1 - p^0) = 0"),
        (p, "f(1) = p (1 - p^0) = p (1 - 1) = 0, not p; and f(0) = 1 - p"),
    ]
    return check_number(answer, _misplaced_total(), "f(0) + f(1) for the misplaced exponent", slips=slips,
                        hint="evaluate f(0) and f(1) separately; remember that any number to the power 0 is 1")


def check_bits_of_bad_prediction(answer):
    """Exercise: note 002's loss for the bad prediction p(cat) = 0.01 with its own unit, -log2 0.01, in bits.

    Examples
    --------
    >>> check_bits_of_bad_prediction(6.64)
    Correct: the loss in bits is 6.64386.
    >>> check_bits_of_bad_prediction(4.61)
    Not yet: 4.61 is not the loss in bits; that is the value in nats; the exercise asks for bits (log base 2).
    >>> check_bits_of_bad_prediction(2)
    Not yet: 2 is not the loss in bits; that is log base 10; bits use log base 2.
    """
    slips = [(-math.log10(BAD_PREDICTION), "that is log base 10; bits use log base 2")]
    return check_number(answer, _bits_of_bad_prediction(), "the loss in bits", quantity="bits",
                        hint="use math.log2, or divide the natural log by ln 2", slips=slips)
