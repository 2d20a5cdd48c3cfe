"""Tests of the exercise checkers of notebook 03: ``xent_exercises/entropy.py``."""

import math

import pytest

import xent_exercises.entropy as xe
import xent_notes as notes


def _entropy_bits(probs):
    return -sum(p * math.log(p) for p in probs if p > 0) / math.log(2)


@pytest.mark.parametrize("name", sorted(xe.ANSWERS))
def test_right_and_rounded_answers_are_accepted(name):
    check = getattr(xe, name)
    exact, decimals = xe.ANSWERS[name]
    assert decimals is None   # every prompt of notebook 03 asks for 3 significant digits
    assert check(exact) and check(float(f"{exact:.3g}")) and check(f"{exact:.3g}")
    coarse = float(f"{exact:.2g}")
    feedback = check(coarse)
    assert not feedback and feedback.message.startswith("Close:") and "3 significant digits" in feedback.message
    assert "Replace ..." in check(...).message
    assert not check(exact * 1.01)


def test_check_new_laptop_entropy_bits():
    check = xe.check_new_laptop_entropy_bits
    assert check(_entropy_bits(xe.NEW_LAPTOP_PROBS)) and check(0.541)
    assert "nats" in check(0.375).message
    assert "never negative" in check(-0.541).message
    summed = sum(-math.log2(p) for p in xe.NEW_LAPTOP_PROBS)
    assert "weights each by its probability" in check(summed).message
    assert "rounded each information" in check(0.539).message
    assert "notes' laptop" in check(_entropy_bits(notes.LAPTOP_PROBS)).message
    assert "notes' laptop" in check(1.16).message


def test_check_d20_entropy():
    assert xe.check_d20_entropy(_entropy_bits([1 / 20] * 20)) and xe.check_d20_entropy(4.32)
    assert "number of faces" in xe.check_d20_entropy(20).message
    assert "probability of one face" in xe.check_d20_entropy(0.05).message
    assert "log base 10" in xe.check_d20_entropy(1.30).message
    assert "nats" in xe.check_d20_entropy(math.log(20)).message
    assert "never negative" in xe.check_d20_entropy(-4.32).message


def test_check_coin_entropy_gap():
    check = xe.check_coin_entropy_gap
    h = _entropy_bits([0.8, 0.2])
    assert check(1 - h) and check(0.278)
    assert "entropy of the 0.8 coin itself" in check(h).message
    assert "H(0.8) - 1" in check(h - 1).message
    assert "in nats" in check((1 - h) * math.log(2)).message
    assert "only the heads term" in check(1 + 0.8 * math.log2(0.8)).message
    assert "only the tails term" in check(1 + 0.2 * math.log2(0.2)).message
    assert "percentage" not in check(27.8).message   # not a probability: no percentage slip
