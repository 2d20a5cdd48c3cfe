"""Tests of the exercise checkers of notebook 07: ``xent_exercises/cross_entropy_for_classification.py``."""

import math
import pathlib
import sys

import pytest

import xent_exercises.cross_entropy_for_classification as xe

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import hand_derived  # noqa: E402

LN2 = math.log(2)
BATCH = [-math.log(0.7), -math.log(0.5), -math.log(0.3)]
TAGS = [-math.log(0.9), -math.log(0.4), -math.log(0.8), -math.log(0.95)]

# Each checker, its exact answer computed here by hand, and the decimals its prompt asks for.
RIGHT = [
    (xe.check_true_class_loss, -math.log(0.05), None),
    (xe.check_batch_mean_loss, sum(BATCH) / 3, None),
    (xe.check_multilabel_loss, sum(TAGS), None),
    (xe.check_probability_from_loss, math.exp(-3), None),
]


def test_listed_answers_are_the_hand_derived_ones():
    hand_derived.assert_answers_are(xe.ANSWERS, RIGHT)


@pytest.mark.parametrize(("check", "exact", "decimals"), RIGHT)
def test_each_checker_on_its_answer(check, exact, decimals):
    assert "as a number" in check([1.0, 2.0]).message


def test_rounded_answers_the_walkthrough_saw_rejected():
    assert xe.check_true_class_loss(3.0).correct          # 2.9957 to 3 significant digits
    assert xe.check_multilabel_loss(1.3).correct          # 1.2961 to 3 significant digits
    assert xe.check_batch_mean_loss(0.75).message.startswith("Close:")
    assert xe.check_probability_from_loss(0.05).message.startswith("Close:")


@pytest.mark.parametrize(
    ("check", "wrong", "phrase"),
    [
        (xe.check_true_class_loss, -math.log(0.8), "its favourite"),
        (xe.check_true_class_loss, -sum(math.log(q) for q in (0.05, 0.8, 0.1, 0.05)), "zeros of the one-hot"),
        (xe.check_true_class_loss, -math.log(0.05) / LN2, "in bits"),
        (xe.check_true_class_loss, math.log(0.05), "sign is flipped"),
        (xe.check_batch_mean_loss, sum(BATCH), 'reduction="sum"'),
        (xe.check_batch_mean_loss, (-math.log(0.7) - math.log(0.5) - math.log(0.6)) / 3, "largest probability"),
        (xe.check_batch_mean_loss, sum(BATCH) / 3 / LN2, "in bits"),
        (xe.check_multilabel_loss, sum(TAGS) / 4, "mean over the 4 tags"),
        (xe.check_multilabel_loss, TAGS[0] + TAGS[1], "only the tags that are present"),
        (xe.check_multilabel_loss, -sum(math.log(q) for q in (0.9, 0.4, 0.2, 0.05)), "-ln q for the absent tags"),
        (xe.check_probability_from_loss, 2**-3, "in bits"),
        (xe.check_probability_from_loss, 10**-3, "base 10"),
        (xe.check_probability_from_loss, math.exp(3), "at most 1"),
        (xe.check_probability_from_loss, -math.exp(-3), "never negative"),
        (xe.check_probability_from_loss, 4.98, "percentage"),
        (xe.check_probability_from_loss, 0.3, "solve -ln p = 3"),
    ],
)
def test_slips_get_their_message(check, wrong, phrase):
    feedback = check(wrong)
    assert not feedback.correct and phrase in feedback.message, feedback.message


def test_slip_messages_fit_the_quantity():
    assert "-log of a probability" not in xe.check_probability_from_loss(-math.exp(-3)).message
    assert "percentage" not in xe.check_true_class_loss(299.6).message
