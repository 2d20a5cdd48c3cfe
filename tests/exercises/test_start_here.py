"""Tests of the exercise checkers of notebook 00: ``xent_exercises/start_here.py``."""

import math

import numpy as np
import pytest

import xent_exercises.start_here as xe


@pytest.mark.parametrize("answer", [-math.log2(0.8), math.log(1 / 0.8) / math.log(2), 0.322, 0.3219, "0.322"])
def test_better_loss_in_bits_right(answer):
    assert xe.check_better_loss_in_bits(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (0.32, "Close: 0.32 is the better prediction's loss in bits rounded too coarsely; give 3 significant digits."),
    (-math.log(0.8), "that is the value in nats"),
    (-0.322, "the sign is flipped"),
    (-math.log(0.8) * math.log(2), "that multiplies the loss in nats by ln 2"),
    (0.8, "0.8 is the probability of the frog"),
    (0.737, "the loss of the notes' prediction (0.6 on the frog)"),
    (-math.log10(0.8), "log base 10"),
    (0.5, "divide the loss in nats by ln 2"),
    (..., "Replace ..."),
])
def test_better_loss_in_bits_wrong(answer, message):
    feedback = xe.check_better_loss_in_bits(answer)
    assert not feedback and message in feedback.message


@pytest.mark.parametrize("answer", [1 / math.e, 0.37, 0.368, 0.3679, "0.37", np.float32(1 / math.e)])
def test_probability_for_one_nat_right(answer):
    assert xe.check_probability_for_one_nat(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (0.4, "Close: 0.4 is the probability whose loss is 1 nat rounded too coarsely; give 2 decimals."),
    (0.5, "1 bit"),
    (math.e, "that is e"),
    (-1, "-1 is ln p, not p"),
    (36.79, "looks like a percentage"),
    (1.5, "a probability lies between 0 and 1"),
    (0.2, "exp"),
    (np.float32(0.5), "1 bit"),
    (np.float32(math.e), "that is e"),
])
def test_probability_for_one_nat_wrong(answer, message):
    feedback = xe.check_probability_for_one_nat(answer)
    assert not feedback and message in feedback.message


def test_no_bit_or_sign_slip_for_a_probability():
    assert "sign" not in xe.check_probability_for_one_nat(-1 / math.e).message
    assert "in bits" not in xe.check_probability_for_one_nat(1 / math.e / math.log(2)).message


def test_answers_are_the_exercises():
    assert xe.ANSWERS == {"check_better_loss_in_bits": (-math.log2(0.8), None), "check_probability_for_one_nat": (math.exp(-1), 2)}
