"""Tests of the exercise checkers of notebook 02: ``xent_exercises/information_content.py``."""

import math

import pytest

import xent_exercises.information_content as xe


@pytest.mark.parametrize("answer", [math.log(6) / math.log(2), 2.58, 2.585, "2.58"])
def test_six_bits_right(answer):
    assert xe.check_six_bits(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (2.6, "Close: 2.6 is the information in bits of \"the die shows six\" rounded too coarsely; give 3 significant digits."),
    (1 / 6, "probability of the six"),
    (6, "1/p"),
    (math.log(6), "that is the value in nats"),
    (-2.585, "the sign is flipped"),
    (math.log10(6), "log base 10"),
    (2.0, "-log2(1/6)"),
    (..., "Replace ..."),
])
def test_six_bits_wrong(answer, message):
    feedback = xe.check_six_bits(answer)
    assert not feedback and message in feedback.message


@pytest.mark.parametrize("answer", [-math.log(0.6 * 0.6 * 0.6) / math.log(2), 2.21, 2.211])
def test_favourite_champion_right(answer):
    assert xe.check_favourite_champion(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (2.2, "Close: 2.2 is"),
    (-math.log2(0.6), "one match"),
    (-2 * math.log2(0.6), "reaching the final"),
    (3, "even bracket"),
    (0.216, "is the probability"),
    (-3 * math.log(0.6), "that is the value in nats"),
    (-2.21, "the sign is flipped"),
    (1.0, "P(champion) = 0.6 * 0.6 * 0.6"),
])
def test_favourite_champion_wrong(answer, message):
    feedback = xe.check_favourite_champion(answer)
    assert not feedback and message in feedback.message


@pytest.mark.parametrize("answer", [1 / 32, 2.0**-5, 0.0313, 0.0312, "0.0313"])
def test_probability_of_five_bits_right(answer):
    assert xe.check_probability_of_five_bits(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (0.031, "Close: 0.031 is the probability of a 5-bit event rounded too coarsely; give 3 significant digits."),
    (32, "1/p"),
    (math.exp(-5), "5-nat"),
    (0.2, "not 1/p"),
    (3.125, "looks like a percentage"),
    (-0.03, "a probability lies between 0 and 1"),
    (0.5, "solve -log2 p = 5"),
    ("1/32", "as a number"),
])
def test_probability_of_five_bits_wrong(answer, message):
    feedback = xe.check_probability_of_five_bits(answer)
    assert not feedback and message in feedback.message


def test_slips_fit_the_quantity():
    # bits: no percentage; a probability: no sign flip and no nats-for-bits
    assert "percentage" not in xe.check_six_bits(258.5).message
    assert "sign" not in xe.check_probability_of_five_bits(-1 / 32).message
    assert "nats" not in xe.check_probability_of_five_bits(1 / 32 * math.log(2)).message


def test_answers_are_the_exercises():
    assert xe.ANSWERS == {
        "check_six_bits": (math.log2(6), None), "check_favourite_champion": (-3 * math.log2(0.6), None),
        "check_probability_of_five_bits": (1 / 32, None),
    }
