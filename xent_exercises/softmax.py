"""Exercise checkers of ``notebooks/06_softmax.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_exercises import Feedback, check_number, parse_number

__all__ = ["check_softmax_by_hand", "check_softmax_temperature", "check_log_softmax_large", "check_two_class_softmax"]


# Exercise 1: softmax by hand of these logits; the answer is the probability of the last class.
_SOFTMAX_HAND_LOGITS = (0.0, 1.0, 2.0)
# Exercise 2: the notes' logits; at which temperature is class 0 exactly twice as likely as class 1?
_SOFTMAX_RATIO = 2.0
# Exercise 3: the log-probability of class 0 for these logits (the naive formula overflows).
_LARGE_LOGITS = (1000.0, 1000.0, 998.0)
# Exercise 4: a two-class model's logits (class 0, class 1).
_SOFTMAX_TWO_CLASS_LOGITS = (0.3, 1.8)


def _softmax_by_hand_answer():
    return float(xc.softmax(np.array(_SOFTMAX_HAND_LOGITS))[2])


def check_softmax_by_hand(answer):
    """Exercise 1: the probability softmax(0, 1, 2) gives class 2, computed by hand.

    Recognises e^2 not divided by the sum, the logits divided by their own sum (no exponential)
    and the probability of another class.

    Examples
    --------
    >>> check_softmax_by_hand(0.665)
    Correct: the probability of class 2 in softmax(0, 1, 2) is 0.665241.
    >>> check_softmax_by_hand(7.389)
    Not yet: 7.389 is not the probability of class 2 in softmax(0, 1, 2); that is e^2 alone; divide it by the sum e^0 + e^1 + e^2 = 11.107 so the three probabilities add up to 1.
    """
    logits = np.array(_SOFTMAX_HAND_LOGITS)
    probs = xc.softmax(logits)
    exps = np.exp(logits)
    slips = [
        (exps[2], f"that is e^2 alone; divide it by the sum e^0 + e^1 + e^2 = {exps.sum():.3f} so the three "
                  "probabilities add up to 1"),
        (logits[2] / logits.sum(), "that is z_2 / (z_0 + z_1 + z_2), which skips the exponential; softmax divides "
                                   "e^(z_i) by the sum of e^(z_j)"),
        (probs[0], "that is the probability of class 0 (score 0); class 2 is the one with score 2"),
        (probs[1], "that is the probability of class 1 (score 1); class 2 is the one with score 2"),
    ]
    return check_number(answer, _softmax_by_hand_answer(), "the probability of class 2 in softmax(0, 1, 2)",
                        quantity="probability", slips=slips,
                        hint="e^2 / (e^0 + e^1 + e^2), with e = 2.71828")


def _temperature_answer():
    z = notes.PYTORCH_LOGITS
    return (z[0] - z[1]) / math.log(_SOFTMAX_RATIO)


def check_softmax_temperature(answer):
    """Exercise 2: the temperature at which class 0 of logits (2.0, 1.0, 0.1) is twice as likely as class 1.

    The ratio of two softmax probabilities is ``e^((z_0 - z_1) / T)``; setting it to 2 gives
    ``T = (z_0 - z_1) / ln 2``.

    Examples
    --------
    >>> check_softmax_temperature(1.44)
    Correct: the temperature T is 1.4427.
    >>> check_softmax_temperature(0.693)
    Not yet: 0.693 is not the temperature T; that is 1/T: the ratio is e^((z_0 - z_1)/T) = e^(1/T) = 2, so 1/T = ln 2 and T = 1/ln 2.
    """
    z = notes.PYTORCH_LOGITS
    expected = _temperature_answer()
    slips = [
        (1 / expected, "that is 1/T: the ratio is e^((z_0 - z_1)/T) = e^(1/T) = 2, so 1/T = ln 2 and T = 1/ln 2"),
        ((z[0] - z[1]) / _SOFTMAX_RATIO, "the ratio of the probabilities is e^((z_0 - z_1)/T), not (z_0 - z_1)/T; take ln of both sides"),
    ]
    hint = "the ratio p_0 / p_1 = e^((z_0 - z_1)/T) does not depend on class 2; set it equal to 2 and solve for T"
    return check_number(answer, expected, "the temperature T", hint=hint, slips=slips)


def _log_softmax_answer():
    return float(xc.log_softmax(np.array(_LARGE_LOGITS))[0])


def check_log_softmax_large(answer):
    """Exercise 3: ln softmax(1000, 1000, 998)_0, which the naive formula cannot compute.

    Examples
    --------
    >>> check_log_softmax_large(-0.759)
    Correct: ln softmax(1000, 1000, 998)_0 is -0.758624.
    >>> check_log_softmax_large(float("nan"))
    Not yet: nan is what the naive formula gives: e^1000 overflows to inf in float64, and inf / inf is nan. Subtract the maximum m = 1000 first.
    """
    what = "ln softmax(1000, 1000, 998)_0"
    value, feedback = parse_number(answer, what)
    if feedback is not None:
        return feedback
    if not math.isfinite(value):
        return Feedback(
            False,
            f"Not yet: {value} is what the naive formula gives: e^1000 overflows to inf in float64, and inf / inf "
            "is nan. Subtract the maximum m = 1000 first.",
        )
    expected = _log_softmax_answer()
    slips = [
        (-expected, "the sign is flipped: that is the loss -ln softmax(z)_0; the log of a probability below 1 "
                    "is negative"),
        (-math.log(2), "that leaves out the third class: after the shift the sum is e^0 + e^0 + e^-2, not 2"),
        (-math.log(2 + math.exp(2)), "the third term is e^(998 - 1000) = e^-2, not e^2"),
        (-math.log(3), "that treats the three logits as equal; the third is 2 below the maximum, so its term is e^-2"),
        (math.exp(expected), "that is the probability softmax(z)_0 itself; the exercise asks for its natural log"),
        (-math.log10(2 + math.exp(-2)), "that uses log base 10; log-softmax uses the natural log"),
    ]
    return check_number(value, expected, what, slips=slips,
                        hint="with m = 1000: ln softmax(z)_0 = (z_0 - m) - ln(e^(z_0 - m) + e^(z_1 - m) + e^(z_2 - m))")


def _two_class_answer():
    a, b = _SOFTMAX_TWO_CLASS_LOGITS
    return float(xc.sigmoid(a - b))


def check_two_class_softmax(answer):
    """Exercise 4: the probability of class 0 for the two-class logits (0.3, 1.8).

    Examples
    --------
    >>> check_two_class_softmax(0.182)
    Correct: the probability of class 0 is 0.182426.
    >>> check_two_class_softmax(0.8176)
    Not yet: 0.8176 is not the probability of class 0; that is sigmoid(b - a), the probability of class 1: class 0 gets sigmoid(a - b).
    """
    a, b = _SOFTMAX_TWO_CLASS_LOGITS
    expected = _two_class_answer()
    slips = [
        (float(xc.sigmoid(b - a)), "that is sigmoid(b - a), the probability of class 1: class 0 gets sigmoid(a - b)"),
        (float(xc.sigmoid(a)), "that is sigmoid(a) alone; the probability depends on the difference a - b"),
        (float(xc.sigmoid(a + b)), "that is sigmoid(a + b); use the difference a - b"),
    ]
    return check_number(answer, expected, "the probability of class 0", quantity="probability",
                        hint="softmax([a, b])[0] = sigmoid(a - b)", slips=slips)


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_softmax_by_hand": (_softmax_by_hand_answer(), None),
    "check_softmax_temperature": (_temperature_answer(), None),
    "check_log_softmax_large": (_log_softmax_answer(), None),
    "check_two_class_softmax": (_two_class_answer(), None),
}
