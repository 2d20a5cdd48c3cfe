"""Tests of the exercise checkers of notebook 02: ``xent_exercises/information_content.py``."""

import math

import xent_exercises.information_content as xe


def test_check_six_bits():
    assert xe.check_six_bits(math.log(6) / math.log(2))
    assert "Replace ..." in xe.check_six_bits(...).message
    wrong = xe.check_six_bits(1 / 6)
    assert not wrong and "probability" in wrong.message
    assert "1/p" in xe.check_six_bits(6).message
    assert "nats" in xe.check_six_bits(math.log(6)).message


def test_check_favourite_champion():
    assert xe.check_favourite_champion(-math.log(0.6 * 0.6 * 0.6) / math.log(2))
    assert "one match" in xe.check_favourite_champion(-math.log(0.6) / math.log(2)).message
    assert "reaching the final" in xe.check_favourite_champion(-2 * math.log(0.6) / math.log(2)).message
    assert "even bracket" in xe.check_favourite_champion(3).message
    assert "probability" in xe.check_favourite_champion(0.216).message


def test_check_probability_of_five_bits():
    assert xe.check_probability_of_five_bits(1 / 32)
    assert "1/p" in xe.check_probability_of_five_bits(32).message
    assert "5-nat" in xe.check_probability_of_five_bits(math.exp(-5)).message
    assert not xe.check_probability_of_five_bits(0.5)
