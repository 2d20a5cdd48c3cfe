"""Exercise checkers of ``notebooks/05_maximum_likelihood.ipynb``."""

import math

import numpy as np

import xent_core as xc
from xent_exercises import Feedback, is_near, check_number

__all__ = ["check_mle_theta", "check_coin_log_likelihood", "check_coin_bce"]


def check_mle_theta(answer):
    """Exercise 1 of notebook 05: the maximum likelihood estimate of ``theta`` from 20 flips with 6 heads.

    Examples
    --------
    >>> check_mle_theta(6 / 20)
    Correct: the maximum likelihood estimate of θ = P(heads) is 0.3.
    """
    heads, n = 6, 20
    expected = heads / n
    what = "the maximum likelihood estimate of θ = P(heads)"
    if is_near(answer, heads / (n - heads)):
        return Feedback(False, f"Not yet: {float(answer):.6g} is heads / tails; θ = k / n divides the heads by all {n} flips.")
    if is_near(answer, (n - heads) / n):
        return Feedback(False, f"Not yet: {float(answer):.6g} is the fraction of tails; θ is the probability of heads.")
    return check_number(answer, expected, what, hint="set the slope of k ln θ + (n - k) ln(1 - θ) to zero")


def check_coin_log_likelihood(answer):
    """Exercise 2 of notebook 05: the log-likelihood (nats) of model 3 (θ = 0.2) for the ten flips.

    Examples
    --------
    >>> check_coin_log_likelihood(math.log(0.2) + 9 * math.log(0.8))
    Correct: the log-likelihood of θ = 0.2 in nats is -3.61773.
    """
    flips = [1] + [0] * 9
    expected = float(xc.bernoulli_log_likelihood(0.2, flips))
    what = "the log-likelihood of θ = 0.2 in nats"
    if is_near(answer, -expected):
        return Feedback(False, f"Not yet: {float(answer):.6g} is the negative log-likelihood; the log of a probability below 1 is negative.")
    if is_near(answer, float(xc.bernoulli_likelihood(0.2, flips))):
        return Feedback(False, f"Not yet: {float(answer):.6g} is the likelihood itself; take its natural log.")
    return check_number(answer, expected, what, hint="add ln 0.2 once (the head) and ln 0.8 nine times (the tails)")


def check_coin_bce(answer):
    """Exercise 3 of notebook 05: the mean binary cross-entropy of the prediction θ = 0.2 on the ten flips.

    Examples
    --------
    >>> check_coin_bce(-(math.log(0.2) + 9 * math.log(0.8)) / 10)
    Correct: the mean binary cross-entropy in nats is 0.361773.
    """
    flips = np.array([1] + [0] * 9)
    expected = float(xc.binary_cross_entropy(np.full(flips.shape, 0.2), flips))
    what = "the mean binary cross-entropy in nats"
    if is_near(answer, expected * flips.size):
        return Feedback(False, f"Not yet: {float(answer):.6g} is the sum over the flips (the negative log-likelihood); the mean divides by n = {flips.size}.")
    return check_number(answer, expected, what, hint="it is -(1/n) times the log-likelihood of the flips")
