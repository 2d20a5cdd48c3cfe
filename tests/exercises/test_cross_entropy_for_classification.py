"""Tests of the exercise checkers of notebook 07: ``xent_exercises/cross_entropy_for_classification.py``."""

import math

import xent_core as xc
import xent_exercises.cross_entropy_for_classification as xe


def test_true_class_loss_right_and_wrong():
    assert xe.check_true_class_loss(-math.log(0.05))
    assert xe.check_true_class_loss(round(-math.log(0.05), 3))
    wrong = xe.check_true_class_loss(-math.log(0.8))
    assert not wrong and "true class, dog" in wrong.message
    summed = xe.check_true_class_loss(-(math.log(0.05) + math.log(0.8) + math.log(0.1) + math.log(0.05)))
    assert not summed and "drop all terms" in summed.message
    assert "Replace" in xe.check_true_class_loss(...).message
    assert "bits" in xe.check_true_class_loss(-math.log2(0.05)).message


def test_batch_mean_loss_right_and_wrong():
    losses = [-math.log(0.7), -math.log(0.5), -math.log(0.3)]
    assert xe.check_batch_mean_loss(sum(losses) / 3)
    summed = xe.check_batch_mean_loss(sum(losses))
    assert not summed and "3 samples" in summed.message
    favourites = xe.check_batch_mean_loss((-math.log(0.7) - math.log(0.5) - math.log(0.6)) / 3)
    assert not favourites and "largest probability" in favourites.message


def test_multilabel_loss_right_and_wrong():
    per_tag = [-math.log(0.9), -math.log(0.4), -math.log(1 - 0.2), -math.log(1 - 0.05)]
    assert xe.check_multilabel_loss(sum(per_tag))
    mean = xe.check_multilabel_loss(sum(per_tag) / 4)
    assert not mean and "mean over the 4 tags" in mean.message
    present_only = xe.check_multilabel_loss(per_tag[0] + per_tag[1])
    assert not present_only and "absent tag" in present_only.message
    all_q = xe.check_multilabel_loss(-(math.log(0.9) + math.log(0.4) + math.log(0.2) + math.log(0.05)))
    assert not all_q and "-ln(1 - q)" in all_q.message


def test_probability_from_loss_right_and_wrong():
    assert xe.check_probability_from_loss(1 / math.e**3)
    bits = xe.check_probability_from_loss(0.125)
    assert not bits and "bits" in bits.message
    tens = xe.check_probability_from_loss(0.001)
    assert not tens and "base 10" in tens.message
    sign = xe.check_probability_from_loss(math.e**3)
    assert not sign and "minus sign" in sign.message
    assert not xe.check_probability_from_loss("a lot")


def test_probability_from_loss_states_a_probability_with_a_loss_of_3_nats():
    right = xe.check_probability_from_loss(math.exp(-3))
    stated = float(right.message.removeprefix("Correct: the probability of the true class is ").removesuffix("."))
    assert right and math.isclose(float(xc.information_content(stated)), 3.0, rel_tol=1e-6)
