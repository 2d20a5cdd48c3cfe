"""Tests of the exercise checkers of notebook 04: ``xent_exercises/kl_divergence_and_cross_entropy.py``."""

import math

import numpy as np

import xent_exercises.kl_divergence_and_cross_entropy as xe


def test_check_kl_bits():
    right = 0.5 * math.log2(0.5 / 0.25) + 0.5 * math.log2(0.5 / 0.75)
    assert xe.check_kl_bits(right)
    reverse = 0.25 * math.log2(0.25 / 0.5) + 0.75 * math.log2(0.75 / 0.5)
    feedback = xe.check_kl_bits(reverse)
    assert not feedback and "KL(q‖p)" in feedback.message
    nats = right * math.log(2)
    assert "nats" in xe.check_kl_bits(nats).message
    assert "Replace" in xe.check_kl_bits(...).message


def test_check_one_hot_kl():
    assert xe.check_one_hot_kl(-math.log(0.7))
    feedback = xe.check_one_hot_kl(0.7)
    assert not feedback and "H(p) = 0" in feedback.message


def test_check_min_cross_entropy():
    h = -sum(p * math.log(p) for p in (0.5, 0.3, 0.2))
    assert xe.check_min_cross_entropy(h)
    feedback = xe.check_min_cross_entropy(0)
    assert not feedback and "smallest KL" in feedback.message
    assert "bits" in xe.check_min_cross_entropy(h / math.log(2)).message


def test_numpy_scalar_answers_get_the_same_hints():
    # answers computed with NumPy are NumPy scalars (np.float32 and np.int64 are no Python float or int)
    reverse = 0.25 * math.log2(0.25 / 0.5) + 0.75 * math.log2(0.75 / 0.5)
    feedback = xe.check_kl_bits(np.float32(reverse))
    assert not feedback and "KL(q‖p)" in feedback.message
    assert feedback.message.startswith(f"Not yet: {np.float32(reverse):.6g} is KL(q‖p)")
    feedback = xe.check_min_cross_entropy(np.int64(0))
    assert not feedback and "smallest KL" in feedback.message
    assert not xe.check_min_cross_entropy(1e-6) and "smallest KL" not in xe.check_min_cross_entropy(1e-6).message
    assert "KL(q‖p)" in xe.check_kl_bits(str(reverse)).message   # a number typed as text is still a number
