"""Tests of the exercise checkers of notebook 03: ``xent_exercises/entropy.py``."""

import math

import xent_exercises.entropy as xe
import xent_notes as notes


def _entropy_bits(probs):
    return -sum(p * math.log(p) for p in probs if p > 0) / math.log(2)


def test_check_laptop_entropy_bits():
    assert xe.check_laptop_entropy_bits(_entropy_bits(notes.LAPTOP_PROBS))
    assert "Replace ..." in xe.check_laptop_entropy_bits(...).message
    assert "rounded" in xe.check_laptop_entropy_bits(0.804 / math.log(2)).message
    assert "nats" in xe.check_laptop_entropy_bits(0.8018).message
    summed = sum(-math.log2(p) for p in notes.LAPTOP_PROBS)
    assert "weights" in xe.check_laptop_entropy_bits(summed).message


def test_check_d20_entropy():
    assert xe.check_d20_entropy(_entropy_bits([1 / 20] * 20))
    assert "number of faces" in xe.check_d20_entropy(20).message
    assert "nats" in xe.check_d20_entropy(math.log(20)).message


def test_check_biased_coin_entropy():
    assert xe.check_biased_coin_entropy(_entropy_bits([0.9, 0.1]))
    assert "heads term" in xe.check_biased_coin_entropy(-0.9 * math.log2(0.9)).message
    assert "tails term" in xe.check_biased_coin_entropy(-0.1 * math.log2(0.1)).message
    assert "fair coin" in xe.check_biased_coin_entropy(1.0).message
