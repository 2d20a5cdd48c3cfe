"""Tests of the exercise checkers of notebook 05: ``xent_exercises/maximum_likelihood.py``."""

import math

import xent_exercises.maximum_likelihood as xe


def test_check_mle_theta():
    assert xe.check_mle_theta(6 / 20)
    feedback = xe.check_mle_theta(6 / 14)
    assert not feedback and "heads / tails" in feedback.message
    assert "tails" in xe.check_mle_theta(0.7).message
    assert "percentage" in xe.check_mle_theta(30).message


def test_check_coin_log_likelihood():
    right = math.log(0.2) + 9 * math.log(0.8)
    assert xe.check_coin_log_likelihood(right)
    feedback = xe.check_coin_log_likelihood(-right)
    assert not feedback and "negative log-likelihood" in feedback.message
    assert "likelihood itself" in xe.check_coin_log_likelihood(0.2 * 0.8**9).message


def test_check_coin_bce():
    nll = -(math.log(0.2) + 9 * math.log(0.8))
    assert xe.check_coin_bce(nll / 10)
    feedback = xe.check_coin_bce(nll)
    assert not feedback and "divides by n" in feedback.message
