"""Tests of the exercise checkers of notebook 05: ``xent_exercises/maximum_likelihood.py``."""

import math

import numpy as np
import pytest

import xent_core as xc
import xent_exercises.maximum_likelihood as xe


@pytest.mark.parametrize("name", sorted(xe.ANSWERS))
def test_right_and_rounded_answers_are_accepted(name):
    check = getattr(xe, name)
    exact, decimals = xe.ANSWERS[name]
    assert decimals is None   # every prompt of notebook 05 asks for 3 significant digits
    assert check(exact) and check(float(f"{exact:.3g}")) and check(f"{exact:.3g}")
    coarse = float(f"{exact:.2g}")
    if coarse != float(f"{exact:.3g}"):
        feedback = check(coarse)
        assert not feedback and feedback.message.startswith("Close:") and "3 significant digits" in feedback.message
    assert "Replace ..." in check(...).message
    assert not check(exact * 1.03)


def test_check_mle_theta():
    assert xe.check_mle_theta(7 / 20) and xe.check_mle_theta(0.350)
    feedback = xe.check_mle_theta(7 / 13)
    assert not feedback and "heads / tails" in feedback.message
    assert "fraction of tails" in xe.check_mle_theta(0.65).message
    assert "percentage" in xe.check_mle_theta(35).message
    assert "Close:" in xe.check_mle_theta(0.4).message or "slope" in xe.check_mle_theta(0.4).message


def test_check_coin_log_likelihood():
    right = math.log(0.2) + 9 * math.log(0.8)
    assert xe.check_coin_log_likelihood(right) and xe.check_coin_log_likelihood(-3.62)
    feedback = xe.check_coin_log_likelihood(-right)
    assert not feedback and "negative log-likelihood" in feedback.message
    assert "-log of a probability" not in feedback.message
    assert "likelihood itself" in xe.check_coin_log_likelihood(0.2 * 0.8**9).message
    assert "bits" in xe.check_coin_log_likelihood(right / math.log(2)).message
    assert "model 1" in xe.check_coin_log_likelihood(math.log(0.1) + 9 * math.log(0.9)).message
    assert "nine tails" in xe.check_coin_log_likelihood(math.log(0.2) + math.log(0.8)).message


def test_check_coin_bce():
    nll = -(math.log(0.2) + 9 * math.log(0.8))
    assert xe.check_coin_bce(nll / 10) and xe.check_coin_bce(0.362)
    feedback = xe.check_coin_bce(nll)
    assert not feedback and "divides by n" in feedback.message
    assert "never negative" in xe.check_coin_bce(-nll / 10).message
    assert "bits" in xe.check_coin_bce(nll / 10 / math.log(2)).message
    flips = np.array([1] + [0] * 9)
    with np.errstate(divide="ignore"):
        swapped = xc.binary_cross_entropy(flips, np.full(10, 0.2))   # the arguments the wrong way round
    assert "predictions first" in xe.check_coin_bce(swapped).message
    assert xe.check_coin_bce(xc.binary_cross_entropy(np.full(10, 0.2), flips))
