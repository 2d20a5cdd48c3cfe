"""Tests of the exercise checkers of notebook 14: ``xent_exercises/language_model.py``."""

import collections
import math
import pathlib
import sys

import pytest

import xent_exercises.language_model as xe

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import hand_derived  # noqa: E402
import xent_widgets.language_model as xw

TRAIN, TEST, CHARS = xw.split_sonnets()
V = len(CHARS)
N_Q = TRAIN[:-1].count("q")  # "q" as a context (the last character has no follower)


def _unigram_bits():
    counts = collections.Counter(TRAIN)
    return -sum(math.log2((counts[c] + 1) / (len(TRAIN) + V)) for c in TEST[2:]) / (len(TEST) - 2)


def _tempered_v_after_lo():
    grams = collections.Counter(TRAIN[i:i + 3] for i in range(len(TRAIN) - 2))
    probs = {c: grams["lo" + c] + xw.SAMPLE_K for c in CHARS}
    return probs["v"] ** 2 / sum(p**2 for p in probs.values())


# Each checker, its exact answer computed here by hand, and the decimals its prompt asks for.
RIGHT = [
    (xe.check_add_k_probability, 1 / (N_Q + V), None),
    (xe.check_unigram_bits, _unigram_bits(), None),
    (xe.check_perplexity_from_loss, math.exp(1.6), None),
    (xe.check_temperature_probability, _tempered_v_after_lo(), None),
]


def test_every_q_is_followed_by_u():
    assert N_Q == 49 and TRAIN.count("qu") == N_Q


def test_listed_answers_are_the_hand_derived_ones():
    hand_derived.assert_answers_are(xe.ANSWERS, RIGHT)


@pytest.mark.parametrize(
    ("check", "wrong", "phrase"),
    [
        (xe.check_add_k_probability, 0, "unsmoothed"),
        (xe.check_add_k_probability, 1 / V, "uniform guess"),
        (xe.check_add_k_probability, 1 / N_Q, 'count("q") alone'),
        (xe.check_add_k_probability, 1 / (N_Q + 1), "adds k once"),
        (xe.check_add_k_probability, (N_Q + 1) / (N_Q + V), 'P("u" | "q")'),
        (xe.check_add_k_probability, 100 / (N_Q + V), "percentage"),
        (xe.check_add_k_probability, 0.5, "(count(\"qe\") + k)"),
        (xe.check_unigram_bits, math.log2(V), "uniform model"),
        (xe.check_unigram_bits, _unigram_bits() * math.log(2), "nats"),
        (xe.check_unigram_bits, -_unigram_bits(), "sign"),
        (xe.check_unigram_bits, 3.0, "average -log2"),
        (xe.check_perplexity_from_loss, 2**1.6, "reads the loss as bits"),
        (xe.check_perplexity_from_loss, 1.6 / math.log(2), "loss in bits"),
        (xe.check_perplexity_from_loss, math.exp(-1.6), "inverse"),
        (xe.check_perplexity_from_loss, 10**1.6, "10^1.6"),
        (xe.check_perplexity_from_loss, 1.6, "e^H"),
        (xe.check_temperature_probability, 0.498, "own probability"),
        (xe.check_temperature_probability, 0.498**2, "before renormalizing"),
        (xe.check_temperature_probability, 86.1, "percentage"),
        (xe.check_temperature_probability, 0.1, "softmax(np.log(row)"),
    ],
)
def test_slips_get_their_message(check, wrong, phrase):
    feedback = check(wrong)
    assert not feedback.correct and phrase in feedback.message, feedback.message


def test_slip_messages_fit_the_quantity():
    # a perplexity is not -log of a probability, and not a percentage
    assert "-log of a probability" not in xe.check_perplexity_from_loss(-4.95).message
    assert "percentage" not in xe.check_perplexity_from_loss(495).message
