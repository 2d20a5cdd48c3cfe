"""Tests of the exercise checkers of notebook 09: ``xent_exercises/cross_entropy_in_frameworks.py``."""

import math


import xent_exercises.cross_entropy_in_frameworks as xe



def test_check_keras_renormalized():
    right = -math.log(0.6 / (0.2 + 0.6 + 0.6))
    assert math.isclose(xe.ANSWERS["check_keras_renormalized"][0], right)
    assert xe.check_keras_renormalized(0.847)
    wrong = xe.check_keras_renormalized(round(-math.log(0.6), 3))
    assert not wrong and "divides y_pred by its sum, 1.4" in wrong.message
    assert "sign is flipped: the loss Keras returns" in xe.check_keras_renormalized(-0.847).message
    assert "value in bits" in xe.check_keras_renormalized(round(right / math.log(2), 3)).message


def test_check_weighted_mean():
    right = (3 * 0.2 + 2 * 1.0 + 2 * 0.5) / (3 + 2 + 2)
    assert math.isclose(xe.ANSWERS["check_weighted_mean"][0], right)
    assert xe.check_weighted_mean(0.514)
    wrong = xe.check_weighted_mean(round((3 * 0.2 + 2 * 1.0 + 2 * 0.5) / 3, 3))
    assert not wrong and "number of samples" in wrong.message
    assert "plain mean" in xe.check_weighted_mean(round((0.2 + 1.0 + 0.5) / 3, 3)).message
    assert "weighted sum" in xe.check_weighted_mean(3.6).message
    # not a loss that is -log of a probability: no sign or unit slips
    assert "sign" not in xe.check_weighted_mean(-0.514).message


def test_check_double_softmax_floor():
    right = math.log(math.e + 99) - 1
    assert math.isclose(xe.ANSWERS["check_double_softmax_floor"][0], right)
    assert xe.check_double_softmax_floor(3.62)
    wrong = xe.check_double_softmax_floor(0)
    assert not wrong and "softmaxed" in wrong.message
    assert "uniform guess" in xe.check_double_softmax_floor(round(math.log(100), 3)).message
    assert "bits" in xe.check_double_softmax_floor(round(right / math.log(2), 3)).message
    assert "sign is flipped" in xe.check_double_softmax_floor(-3.62).message


def test_check_smoothed_minimum():
    right = -(0.92 * math.log(0.92) + 4 * 0.02 * math.log(0.02))
    assert math.isclose(xe.ANSWERS["check_smoothed_minimum"][0], right)
    assert xe.check_smoothed_minimum(0.39)
    wrong = xe.check_smoothed_minimum(0.0)
    assert not wrong and "entropy" in wrong.message and "not 0" in wrong.message
    other = xe.check_smoothed_minimum(0.5)            # wrong, but not 0: no "not 0" clause
    assert not other and "entropy" in other.message and "not 0" not in other.message
    # the slip: eps / (C - 1) on each wrong class instead of eps / C on every class
    over_others = -(0.9 * math.log(0.9) + 4 * 0.025 * math.log(0.025))
    slip = xe.check_smoothed_minimum(round(over_others, 3))          # what a reader types: 3 significant digits
    assert not slip and "including the true one" in slip.message and "not 0" not in slip.message
    assert "the entropy of [0.9, 0.025, 0.025, 0.025, 0.025]" in slip.message
    assert "[0.92, 0.02, 0.02, 0.02, 0.02]" in slip.message
    assert "sign is flipped" in xe.check_smoothed_minimum(-0.39).message
