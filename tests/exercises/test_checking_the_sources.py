"""Tests of the exercise checkers of notebook 10: ``xent_exercises/checking_the_sources.py``."""

import math


import xent_exercises.checking_the_sources as xe
import xent_notes as notes



def test_recomputed_squared_error():
    right = ((30 - 10) ** 2 + (20 - 10) ** 2 + (50 - 20) ** 2) / 3
    assert math.isclose(xe.ANSWERS["check_recomputed_squared_error"][0], right)
    assert xe.check_recomputed_squared_error(467)
    wrong = xe.check_recomputed_squared_error(700)
    assert not wrong and "|50 - 10| = 40" in wrong.message
    assert "sum of the squared errors" in xe.check_recomputed_squared_error(1400).message
    assert "mean absolute error (L1)" in xe.check_recomputed_squared_error(20).message
    assert "RMSE" in xe.check_recomputed_squared_error(21.6).message
    assert "square of the mean absolute error" in xe.check_recomputed_squared_error(400).message
    # not -log of a probability: no sign slip
    assert "sign" not in xe.check_recomputed_squared_error(-467).message


def test_one_decimal_laptop_error():
    exact = -sum(p * math.log(p) for p in notes.LAPTOP_PROBS)
    right = 0.7 * 0.4 + 0.2 * 1.6 + 0.1 * 2.3 - exact
    assert math.isclose(xe.ANSWERS["check_one_decimal_laptop_error"][0], right)
    assert xe.check_one_decimal_laptop_error(0.0282)
    assert "the entropy the 1-decimal table gives" in xe.check_one_decimal_laptop_error(0.83).message
    assert "exact minus rounded" in xe.check_one_decimal_laptop_error(-0.0282).message
    two = 0.7 * round(-math.log(0.7), 2) + 0.2 * round(-math.log(0.2), 2) + 0.1 * round(-math.log(0.1), 2) - exact
    assert "2-decimal table" in xe.check_one_decimal_laptop_error(round(two, 5)).message
    assert "without weighting" in xe.check_one_decimal_laptop_error(round(0.4 + 1.6 + 2.3 - exact, 3)).message


def test_misplaced_bernoulli_total():
    p = 0.25
    right = (p ** 0) * (1 - p ** 1) + (p ** 1) * (1 - p ** 0)
    assert xe.check_misplaced_bernoulli_total(right) and xe.check_misplaced_bernoulli_total(0.75)
    wrong = xe.check_misplaced_bernoulli_total(1.0)
    assert not wrong and "correct p^x (1 - p)^(1 - x)" in wrong.message
    wrong = xe.check_misplaced_bernoulli_total(0.25)
    assert not wrong and "f(1)" in wrong.message
    # not a probability asked: no percentage message
    assert "percentage" not in xe.check_misplaced_bernoulli_total(75).message


def test_bits_of_bad_prediction():
    right = -math.log(0.01) / math.log(2)
    assert xe.check_bits_of_bad_prediction(right) and xe.check_bits_of_bad_prediction(6.64)
    wrong = xe.check_bits_of_bad_prediction(4.61)
    assert not wrong and "nats" in wrong.message
    wrong = xe.check_bits_of_bad_prediction(2)
    assert not wrong and "base 10" in wrong.message
    assert "sign is flipped" in xe.check_bits_of_bad_prediction(-6.64).message
    # bits are not a probability: no percentage message
    assert "percentage" not in xe.check_bits_of_bad_prediction(664).message
