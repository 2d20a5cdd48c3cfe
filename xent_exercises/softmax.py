"""Exercise checkers of ``notebooks/06_softmax.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_exercises import Feedback, parse_number, check_array, check_number

__all__ = ["check_softmax_by_hand", "check_softmax_temperature", "check_logsumexp_1000", "check_two_class_softmax"]


# Exercise 1: softmax by hand of these logits.
_SOFTMAX_HAND_LOGITS = (0.0, 1.0, 2.0)
# Exercise 2: the notes' logits; at which temperature is class 0 exactly twice as likely as class 1?
_SOFTMAX_RATIO = 2.0
# Exercise 3: log-sum-exp of these (the naive formula overflows).
_SOFTMAX_LSE_LOGITS = (1000.0, 1000.0)
# Exercise 4: a two-class model's logits (class 0, class 1).
_SOFTMAX_TWO_CLASS_LOGITS = (1.5, -0.5)


def check_softmax_by_hand(answer):
    """Check softmax([0, 1, 2]) computed by hand (three probabilities).

    Recognises the unnormalized exponentials (forgot to divide by their sum) and the logits
    divided by their own sum (skipped the exponential).

    Examples
    --------
    >>> check_softmax_by_hand([0.0900, 0.2447, 0.6652])
    Correct: softmax([0, 1, 2]) is [0.090031 0.244728 0.665241].
    >>> check_softmax_by_hand([1.0, 2.718, 7.389])
    Not yet: these are e^z, which sum to 11.107; divide each by that sum so the probabilities add up to 1.
    >>> check_softmax_by_hand([0.09, 0.245, 0.665])
    Not yet: close, your method is right but the entries are rounded too coarsely; round to 4 decimals as asked.
    """
    what = "softmax([0, 1, 2])"
    logits = np.array(_SOFTMAX_HAND_LOGITS)
    expected = xc.softmax(logits)
    exps = np.exp(logits)
    slips = [
        (exps, f"these are e^z, which sum to {exps.sum():.3f}; divide each by that sum so the probabilities add up to 1"),
        (logits / logits.sum(), "that is z / sum(z), which skips the exponential (and breaks for negative or zero-sum "
                                "scores); softmax divides e^(z_i) by the sum of e^(z_j)"),
    ]
    feedback = check_array(answer, expected, what, slips=slips,
                           hint="each entry is e^(z_i) / (e^0 + e^1 + e^2) with e = 2.71828; the three must sum to 1")
    if not feedback and check_array(answer, expected, what, rel_tol=2e-3, abs_tol=0):
        return Feedback(False, "Not yet: close, your method is right but the entries are rounded too coarsely; "
                               "round to 4 decimals as asked.")
    return feedback


def check_softmax_temperature(answer):
    """Check the temperature at which class 0 of logits [2.0, 1.0, 0.1] is twice as likely as class 1.

    The ratio of two softmax probabilities is ``e^((z_0 - z_1) / T)``; setting it to 2 gives
    ``T = (z_0 - z_1) / ln 2``.

    Examples
    --------
    >>> check_softmax_temperature(1.4427)
    Correct: the temperature T is 1.4427.
    >>> check_softmax_temperature(0.6931)
    Not yet: 0.6931 is not the temperature T; that is 1/T: the ratio is e^((z_0 - z_1)/T) = e^(1/T) = 2, so 1/T = ln 2 and T = 1/ln 2.
    """
    z = notes.PYTORCH_LOGITS
    expected = (z[0] - z[1]) / math.log(_SOFTMAX_RATIO)
    slips = [
        (1 / expected, "that is 1/T: the ratio is e^((z_0 - z_1)/T) = e^(1/T) = 2, so 1/T = ln 2 and T = 1/ln 2"),
        ((z[0] - z[1]) / _SOFTMAX_RATIO, "the ratio of the probabilities is e^((z_0 - z_1)/T), not (z_0 - z_1)/T; take ln of both sides"),
        ((z[0] - z[1]) / math.log2(_SOFTMAX_RATIO), "that uses log base 2; softmax uses e, so solve with the natural log"),
    ]
    hint = "the ratio p_0 / p_1 = e^((z_0 - z_1)/T) does not depend on class 2; set it equal to 2 and solve for T"
    return check_number(answer, expected, "the temperature T", hint=hint, slips=slips)


def check_logsumexp_1000(answer):
    """Check the log-sum-exp of [1000, 1000], which must be given to at least 4 decimals.

    Examples
    --------
    >>> check_logsumexp_1000(1000.6931)
    Correct: log(e^1000 + e^1000) is 1000.69.
    >>> check_logsumexp_1000(float("inf"))
    Not yet: inf is what the naive formula gives: e^1000 overflows to inf in float64. Subtract the maximum first: log(e^1000 + e^1000) = 1000 + log(e^0 + e^0).
    """
    what = "log(e^1000 + e^1000)"
    expected = float(xc.logsumexp(np.array(_SOFTMAX_LSE_LOGITS)))
    value, feedback = parse_number(answer, what)
    if feedback is not None:
        return feedback
    if not math.isfinite(value):
        return Feedback(
            False,
            f"Not yet: {value} is what the naive formula gives: e^1000 overflows to inf in float64. "
            "Subtract the maximum first: log(e^1000 + e^1000) = 1000 + log(e^0 + e^0).",
        )
    slips = [
        (1000.0, "that is only the maximum m; add log(e^(1000 - m) + e^(1000 - m)) = log 2"),
        (1002.0, "after the shift the sum is e^0 + e^0 = 2, and its log is ln 2, not 2"),
        (1000 + math.log10(2), "that uses log base 10; log-sum-exp uses the natural log"),
        (1001.0, "log 2 is about 0.693, not 1 (that would be log base 2)"),
    ]
    if abs(value - expected) < 0.01:
        hint = "close: give at least four decimals, 1000 + ln 2"
    else:
        hint = "shift by the maximum, then take the log of the sum"
    # the answer must be right to 5e-4 (four decimals) and a slip within 2e-3: 2e-6 relative at 1000
    return check_number(value, expected, what, rel_tol=0.0, abs_tol=5e-4, hint=hint, slips=slips, slip_rel_tol=2e-6)


def check_two_class_softmax(answer):
    """Check the probability of class 0 for the two-class logits [1.5, -0.5].

    Examples
    --------
    >>> check_two_class_softmax(0.8808)
    Correct: the probability of class 0 is 0.880797.
    >>> check_two_class_softmax(0.1192)
    Not yet: 0.1192 is not the probability of class 0; that is sigmoid(b - a), the probability of class 1: class 0 gets sigmoid(a - b).
    """
    a, b = _SOFTMAX_TWO_CLASS_LOGITS
    expected = float(xc.softmax(np.array([a, b]))[0])
    slips = [
        (float(xc.sigmoid(b - a)), "that is sigmoid(b - a), the probability of class 1: class 0 gets sigmoid(a - b)"),
        (float(xc.sigmoid(a)), "that is sigmoid(a) alone; the probability depends on the difference a - b"),
        (float(xc.sigmoid(a + b)), "that is sigmoid(a + b); use the difference a - b"),
    ]
    return check_number(answer, expected, "the probability of class 0", hint="softmax([a, b])[0] = sigmoid(a - b)", slips=slips)
