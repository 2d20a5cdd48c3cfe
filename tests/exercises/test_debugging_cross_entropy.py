"""Tests of the exercise checkers of notebook 11: ``xent_exercises/debugging_cross_entropy.py``."""

import math

import xent_exercises.debugging_cross_entropy as xe


def test_check_untrained_loss():
    assert math.isclose(xe.ANSWERS["check_untrained_loss"][0], math.log(37))
    assert xe.check_untrained_loss(3.61) and xe.check_untrained_loss("3.611")
    assert "Close" in xe.check_untrained_loss(3.6).message
    assert "probability each class gets" in xe.check_untrained_loss(0.027).message
    assert "bits" in xe.check_untrained_loss(round(math.log2(37), 3)).message
    assert not xe.check_untrained_loss(2.0)


def test_check_nll_of_probs():
    assert math.isclose(xe.ANSWERS["check_nll_of_probs"][0], -(0.7 + 0.2 + 0.9) / 3)
    assert xe.check_nll_of_probs(-0.6) and xe.check_nll_of_probs(-0.600)
    right_loss = (-math.log(0.7) - math.log(0.2) - math.log(0.9)) / 3
    assert "takes no log" in xe.check_nll_of_probs(round(right_loss, 3)).message
    assert "sum" in xe.check_nll_of_probs(-1.8).message
    assert not xe.check_nll_of_probs(0.6)


def test_check_focal_bug_factor():
    assert math.isclose(xe.ANSWERS["check_focal_bug_factor"][0], (0.1 * 2) / 0.1**2)
    assert xe.check_focal_bug_factor(20) and xe.check_focal_bug_factor(20.0)
    assert "buggy over the right" in xe.check_focal_bug_factor(0.05).message
    assert not xe.check_focal_bug_factor(2)
