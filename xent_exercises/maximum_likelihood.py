"""Exercise checkers of ``notebooks/05_maximum_likelihood.ipynb``.

Every prompt asks for 3 significant digits; see :func:`xent_exercises.check_number` for what is
accepted and which usual slips are recognised.
"""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_exercises import Feedback, check_number, parse_number

__all__ = ["check_mle_theta", "check_coin_log_likelihood", "check_coin_bce"]

# Exercise 1: another coin, flipped this many times, shows this many heads.
MLE_HEADS, MLE_FLIPS = 7, 20
# Exercises 2 and 3: the notes' model 3 on the notes' ten flips.
MODEL_THETA = 0.2


def _mle_answer():
    return MLE_HEADS / MLE_FLIPS


def _log_likelihood_answer():
    return float(xc.bernoulli_log_likelihood(MODEL_THETA, np.array(notes.COIN_FLIPS)))


def _bce_answer():
    flips = np.array(notes.COIN_FLIPS)
    return float(xc.binary_cross_entropy(np.full(flips.shape, MODEL_THETA), flips))


def check_mle_theta(answer):
    """Exercise 1: the maximum likelihood estimate of ``theta`` from 20 flips with 7 heads.

    Examples
    --------
    >>> check_mle_theta(7 / 20)
    Correct: the maximum likelihood estimate of θ = P(heads) is 0.35.
    >>> check_mle_theta(7 / 13)
    Not yet: 0.538462 is not the maximum likelihood estimate of θ = P(heads); that is heads / tails; θ = k / n divides the heads by all 20 flips.
    """
    heads, n = MLE_HEADS, MLE_FLIPS
    slips = [
        (heads / (n - heads), f"that is heads / tails; θ = k / n divides the heads by all {n} flips"),
        ((n - heads) / n, "that is the fraction of tails; θ is the probability of heads"),
    ]
    return check_number(answer, _mle_answer(), "the maximum likelihood estimate of θ = P(heads)", quantity="probability",
                        slips=slips, hint="set the slope of k ln θ + (n - k) ln(1 - θ) to zero")


def check_coin_log_likelihood(answer):
    """Exercise 2: the log-likelihood (nats) of model 3 (θ = 0.2) for the ten flips.

    Examples
    --------
    >>> check_coin_log_likelihood(-3.62)
    Correct: the log-likelihood of θ = 0.2 in nats is -3.61773.
    >>> check_coin_log_likelihood(3.618)
    Not yet: 3.618 is not the log-likelihood of θ = 0.2 in nats; that is the negative log-likelihood; the log of a probability below 1 is negative.
    """
    flips = np.array(notes.COIN_FLIPS)
    expected = _log_likelihood_answer()
    slips = [
        (-expected, "that is the negative log-likelihood; the log of a probability below 1 is negative"),
        (float(xc.bernoulli_likelihood(MODEL_THETA, flips)), "that is the likelihood itself; take its natural log"),
        (expected / math.log(2), "that is the value in bits (log base 2); the exercise asks for nats (natural log)"),
        (float(xc.bernoulli_log_likelihood(0.1, flips)), "that is model 1's log-likelihood (θ = 0.1); use θ = 0.2"),
        (math.log(MODEL_THETA) + math.log(1 - MODEL_THETA), "that counts one tail; the ten flips have nine tails, so ln 0.8 comes nine times"),
    ]
    return check_number(answer, expected, "the log-likelihood of θ = 0.2 in nats", slips=slips,
                        hint="add ln 0.2 once (the head) and ln 0.8 nine times (the tails)")


def check_coin_bce(answer):
    """Exercise 3: the mean binary cross-entropy of the prediction θ = 0.2 on the ten flips.

    Examples
    --------
    >>> check_coin_bce(0.362)
    Correct: the mean binary cross-entropy in nats is 0.361773.
    >>> check_coin_bce(float("inf"))
    Not yet: inf is not the mean binary cross-entropy in nats; a loss of inf means a prediction of exactly 0 for something that happened: xc.binary_cross_entropy(probs, target) takes the predictions first and the 0/1 labels second.
    """
    expected = _bce_answer()
    what = "the mean binary cross-entropy in nats"
    value, feedback = parse_number(answer, what)
    if feedback is not None:
        return feedback
    if math.isinf(value):
        return Feedback(False, f"Not yet: {value:g} is not {what}; a loss of inf means a prediction of exactly 0 for "
                               "something that happened: xc.binary_cross_entropy(probs, target) takes the predictions "
                               "first and the 0/1 labels second.")
    n = len(notes.COIN_FLIPS)
    slips = [
        (expected * n, f"that is the sum over the flips (the negative log-likelihood); the mean divides by n = {n}"),
        (-expected, "the sign is flipped: binary cross-entropy is minus the log of a probability, never negative"),
    ]
    return check_number(value, expected, what, quantity="nats", slips=slips,
                        hint="it is -(1/n) times the log-likelihood of the flips")


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_mle_theta": (_mle_answer(), None),
    "check_coin_log_likelihood": (_log_likelihood_answer(), None),
    "check_coin_bce": (_bce_answer(), None),
}
