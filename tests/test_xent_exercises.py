"""Tests of the shared checking machinery: ``xent_exercises/__init__.py``."""

import math

import numpy as np

import xent_exercises as xe


def test_check_number_slips_come_before_the_usual_slips():
    nats = 3 * math.log(2)   # the usual "value in nats" slip of an answer of 3 bits
    assert "in nats" in xe.check_number(nats, 3.0, "x").message
    own = xe.check_number(nats, 3.0, "x", slips=[(nats, "own reason")])
    assert not own and own.message == f"Not yet: {nats:.6g} is not x; own reason."
    assert "in nats" in xe.check_number(nats, 3.0, "x", slips=[(5.0, "own reason")]).message
    assert xe.check_number(4.0, 3.0, "x", hint="the hint", slips=[(5.0, "own reason")]).message.endswith("; the hint.")
    assert "own reason" in xe.check_number(np.float32(5.0), 3.0, "x", slips=[(5.0, "own reason")]).message
    # slip_rel_tol says how near a slip counts; the first slip that matches wins; the right value is never a slip
    assert "own reason" not in xe.check_number(5.01, 3.0, "x", slips=[(5.0, "own reason")]).message
    assert "own reason" in xe.check_number(5.01, 3.0, "x", slips=[(5.0, "own reason")], slip_rel_tol=0.01).message
    assert "first" in xe.check_number(5.0, 3.0, "x", slips=[(5.0, "first"), (5.0, "second")]).message
    assert xe.check_number(3.0, 3.0, "x", slips=[(3.0, "own reason")])
    assert xe.check_number(float("inf"), float("inf"), "x")


def test_check_array_slips_match_the_whole_array():
    slips = [([2.0, 2.0], "these are counts")]
    assert xe.check_array([2.0, 2.0], [0.5, 0.5], "p", slips=slips).message == "Not yet: these are counts."
    partly = xe.check_array([2.0, 0.5], [0.5, 0.5], "p", slips=slips)
    assert not partly and partly.message.startswith("Not yet: entry 0 of p should not be 2;")
    assert "shape" in xe.check_array([2.0, 2.0, 2.0], [0.5, 0.5], "p", slips=slips).message
    near_zero = xe.check_array([1e-7, 2.0], [0.5, 0.5], "p", slips=[([0.0, 2.0], "these are counts")])
    assert near_zero.message == "Not yet: these are counts."
    assert xe.check_array([0.5, 0.5], [0.5, 0.5], "p", slips=[([0.5, 0.5], "never")])
