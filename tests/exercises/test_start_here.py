"""Tests of the exercise checkers of notebook 00: ``xent_exercises/start_here.py``."""

import math

import numpy as np

import xent_exercises.start_here as xe


def test_frog_loss_in_bits_right_and_wrong():
    assert xe.check_frog_loss_in_bits(math.log(1 / 0.6) / math.log(2))
    assert xe.check_frog_loss_in_bits(0.737)
    wrong = xe.check_frog_loss_in_bits(-math.log(0.6))  # nats, not bits
    assert not wrong and "in nats" in wrong.message
    wrong = xe.check_frog_loss_in_bits(0.6)
    assert not wrong and "ln 2" in wrong.message
    assert "Replace ..." in xe.check_frog_loss_in_bits(...).message


def test_probability_for_one_nat_right_and_wrong():
    assert xe.check_probability_for_one_nat(1 / math.e)
    assert xe.check_probability_for_one_nat(0.37)  # what the slider reaches
    wrong = xe.check_probability_for_one_nat(0.5)
    assert not wrong and "1 bit" in wrong.message
    wrong = xe.check_probability_for_one_nat(math.e)
    assert not wrong and "that is e" in wrong.message
    wrong = xe.check_probability_for_one_nat(0.2)
    assert not wrong and "exp" in wrong.message


def test_probability_for_one_nat_numpy_scalars_get_the_same_hints():
    # answers computed with NumPy are NumPy scalars (np.float32 is no Python float)
    wrong = xe.check_probability_for_one_nat(np.float32(0.5))
    assert not wrong and "1 bit" in wrong.message
    wrong = xe.check_probability_for_one_nat(np.float32(math.e))
    assert not wrong and "that is e" in wrong.message
    wrong = xe.check_probability_for_one_nat(np.float32(0.2))
    assert not wrong and "exp" in wrong.message
    assert xe.check_probability_for_one_nat(np.float32(1 / math.e))
