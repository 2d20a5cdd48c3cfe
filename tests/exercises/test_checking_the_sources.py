"""Tests of the exercise checkers of notebook 10: ``xent_exercises/checking_the_sources.py``."""

import math

import xent_exercises.checking_the_sources as xe
import xent_notes as notes


def test_recomputed_l1_mean():
    right = (abs(30 - 10) + abs(20 - 10) + abs(50 - 20)) / 3
    assert xe.check_recomputed_l1_mean(right)
    assert not xe.check_recomputed_l1_mean(...)
    wrong = xe.check_recomputed_l1_mean(23.33)
    assert not wrong and "|50 - 20| = 30" in wrong.message
    wrong = xe.check_recomputed_l1_mean(60)
    assert not wrong and "sum" in wrong.message


def test_three_decimal_laptop_sum():
    right = 0.7 * 0.357 + 0.2 * 1.609 + 0.1 * 2.303
    assert xe.check_three_decimal_laptop_sum(right)
    correct = xe.check_three_decimal_laptop_sum(0.802)
    exact = -sum(p * math.log(p) for p in notes.LAPTOP_PROBS)
    assert correct
    assert f"gives {right:.4f}: still {right - exact:.4f} above the exact {exact:.4f}," in correct.message
    assert "0.8020: still 0.0002 above the exact 0.8018, but now right to three decimals" in correct.message
    wrong = xe.check_three_decimal_laptop_sum(0.8018)
    assert not wrong and "exact entropy" in wrong.message
    wrong = xe.check_three_decimal_laptop_sum(0.804)
    assert not wrong and "2-decimal" in wrong.message


def test_misplaced_bernoulli_total():
    p = 0.3
    right = (p ** 0) * (1 - p ** 1) + (p ** 1) * (1 - p ** 0)
    assert xe.check_misplaced_bernoulli_total(right)
    wrong = xe.check_misplaced_bernoulli_total(1.0)
    assert not wrong and "correct p^x (1 - p)^(1 - x)" in wrong.message
    wrong = xe.check_misplaced_bernoulli_total(0.3)
    assert not wrong and "f(1)" in wrong.message


def test_bits_of_seven_tenths():
    right = -math.log(0.7) / math.log(2)
    assert xe.check_bits_of_seven_tenths(right)
    wrong = xe.check_bits_of_seven_tenths(-math.log(0.7))
    assert not wrong and "nats" in wrong.message
    wrong = xe.check_bits_of_seven_tenths(-math.log10(0.7))
    assert not wrong and "base 10" in wrong.message
