"""Tests of the exercise checkers of notebook 04: ``xent_exercises/kl_divergence_and_cross_entropy.py``."""

import math

import numpy as np
import pytest

import xent_exercises.kl_divergence_and_cross_entropy as xe


@pytest.mark.parametrize("name", sorted(xe.ANSWERS))
def test_right_and_rounded_answers_are_accepted(name):
    check = getattr(xe, name)
    exact, decimals = xe.ANSWERS[name]
    assert decimals is None   # every prompt of notebook 04 asks for 3 significant digits
    assert check(exact) and check(float(f"{exact:.3g}")) and check(f"{exact:.3g}")
    feedback = check(float(f"{exact:.2g}"))
    assert not feedback and feedback.message.startswith("Close:") and "3 significant digits" in feedback.message
    assert "Replace ..." in check(...).message
    assert not check(exact * 1.01)


def test_check_kl_bits():
    right = 0.5 * math.log2(0.5 / 0.25) + 0.5 * math.log2(0.5 / 0.75)
    assert xe.check_kl_bits(right) and xe.check_kl_bits(0.208)
    reverse = 0.25 * math.log2(0.25 / 0.5) + 0.75 * math.log2(0.75 / 0.5)
    feedback = xe.check_kl_bits(reverse)
    assert not feedback and "KL(q‖p)" in feedback.message
    assert "nats" in xe.check_kl_bits(right * math.log(2)).message
    feedback = xe.check_kl_bits(-right)
    assert "Gibbs" in feedback.message and "-log of a probability" not in feedback.message
    assert "cross-entropy" in xe.check_kl_bits(1 + right).message


def test_check_one_hot_kl():
    assert xe.check_one_hot_kl(-math.log(0.6)) and xe.check_one_hot_kl(0.511)
    feedback = xe.check_one_hot_kl(0.6)
    assert not feedback and "probability of the true class" in feedback.message
    assert "class 0" in xe.check_one_hot_kl(-math.log(0.15)).message
    assert "class 1" in xe.check_one_hot_kl(-math.log(0.25)).message
    assert "bits" in xe.check_one_hot_kl(-math.log2(0.6)).message
    assert "never negative" in xe.check_one_hot_kl(math.log(0.6)).message
    assert "H(p) = 0" in xe.check_one_hot_kl(0.9).message


def test_check_min_cross_entropy():
    h = -sum(p * math.log(p) for p in (0.5, 0.3, 0.2))
    assert xe.check_min_cross_entropy(h) and xe.check_min_cross_entropy(1.03)
    feedback = xe.check_min_cross_entropy(0)
    assert not feedback and "smallest KL" in feedback.message
    assert "bits" in xe.check_min_cross_entropy(h / math.log(2)).message
    assert "uniform" in xe.check_min_cross_entropy(math.log(3)).message
    assert "never negative" in xe.check_min_cross_entropy(-h).message


def test_numpy_scalar_answers_get_the_same_hints():
    # answers computed with NumPy are NumPy scalars (np.float32 and np.int64 are no Python float or int)
    reverse = 0.25 * math.log2(0.25 / 0.5) + 0.75 * math.log2(0.75 / 0.5)
    feedback = xe.check_kl_bits(np.float32(reverse))
    assert not feedback and "KL(q‖p)" in feedback.message
    feedback = xe.check_min_cross_entropy(np.int64(0))
    assert not feedback and "smallest KL" in feedback.message
    assert not xe.check_min_cross_entropy(1e-6) and "smallest KL" not in xe.check_min_cross_entropy(1e-6).message
    assert "KL(q‖p)" in xe.check_kl_bits(str(reverse)).message   # a number typed as text is still a number
