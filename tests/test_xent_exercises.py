"""Tests of the shared checking machinery: ``xent_exercises/__init__.py``."""

import importlib
import html
import math
import pathlib

import numpy as np
import pytest

import xent_exercises as xe

NOTEBOOKS = sorted(path.stem for path in (pathlib.Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def checkers_module(notebook):
    """``03_entropy`` -> ``xent_exercises.entropy``."""
    return importlib.import_module(f"xent_exercises.{notebook[3:]}")


def significant(value, digits):
    """``value`` rounded to ``digits`` significant digits (what a student types)."""
    return 0.0 if value == 0 else round(value, digits - 1 - math.floor(math.log10(abs(value))))


EXERCISES = [(notebook, name) for notebook in NOTEBOOKS for name in checkers_module(notebook).ANSWERS]


def test_every_checker_has_its_answer_listed():
    for notebook in NOTEBOOKS:
        module = checkers_module(notebook)
        checkers = sorted(name for name in module.__all__ if name.startswith("check_") and name != "check_number")
        assert sorted(module.ANSWERS) == checkers, notebook


@pytest.mark.parametrize(("notebook", "name"), EXERCISES)
def test_every_answer_correct_to_the_asked_precision_is_accepted(notebook, name):
    """The exact answer, and it rounded to 3 significant digits or to the decimals the prompt names."""
    check = getattr(checkers_module(notebook), name)
    exact, decimals = checkers_module(notebook).ANSWERS[name]
    typed = [exact, significant(exact, 3), significant(exact, 4), str(significant(exact, 3))]
    if decimals is not None:
        typed.append(round(exact, decimals))
    for answer in typed:
        feedback = check(answer)
        assert feedback.correct, f"{name}({answer!r}): {feedback.message}"


@pytest.mark.parametrize(("notebook", "name"), EXERCISES)
def test_every_checker_asks_for_a_missing_answer_and_a_number(notebook, name):
    check = getattr(checkers_module(notebook), name)
    assert check(...).message.startswith("Replace ... with your answer")
    assert "as a number" in check("a lot").message or "as numbers" in check("a lot").message


def coarse(exact, decimals):
    """The answer rounded one step more coarsely than the prompt asks."""
    return significant(exact, 2) if decimals is None else round(exact, decimals - 1)


def wrong_after(slip):
    """The exercises whose answer, changed by ``slip(exact, decimals)``, is no longer right."""
    return [(notebook, name) for notebook, name in EXERCISES
            if abs(slip(*checkers_module(notebook).ANSWERS[name]) - checkers_module(notebook).ANSWERS[name][0])
            > xe.tolerance(*checkers_module(notebook).ANSWERS[name])]


# Only the exercises whose coarse rounding is wrong (2.9957 to 2 digits is 3.0, still right to 3).
COARSELY_WRONG = wrong_after(coarse)


@pytest.mark.parametrize(("notebook", "name"), COARSELY_WRONG)
def test_a_coarse_rounding_asks_for_more_digits_and_blames_no_method(notebook, name):
    check = getattr(checkers_module(notebook), name)
    exact, decimals = checkers_module(notebook).ANSWERS[name]
    feedback = check(coarse(exact, decimals))
    assert not feedback.correct and feedback.message.startswith("Close:"), feedback.message
    assert f"give {xe.precision_phrase(decimals)}" in feedback.message


def truncated(exact, decimals):
    """The answer cut off (not rounded) at the precision the prompt asks for, as a string is typed."""
    if exact == 0:
        return 0.0
    places = decimals if decimals is not None else 2 - math.floor(math.log10(abs(exact)))
    return math.trunc(exact * 10**places) / 10**places


# Only the exercises whose truncated answer is wrong (0.0928505 cut to 0.0928 is; 0.5 cut is 0.5).
TRUNCATED_WRONG = wrong_after(truncated)


@pytest.mark.parametrize(("notebook", "name"), TRUNCATED_WRONG)
def test_a_truncated_answer_is_told_to_round(notebook, name):
    """The reviewer's 0.0928 for C = 0.0928505 got a hint about the derivation; a cut-off answer is a rounding slip."""
    check = getattr(checkers_module(notebook), name)
    exact, decimals = checkers_module(notebook).ANSWERS[name]
    feedback = check(truncated(exact, decimals))
    assert not feedback.correct and feedback.message.startswith("Close:"), feedback.message
    assert "round" in feedback.message


def test_the_reviewers_truncated_answer():
    import xent_exercises.training_a_classifier as classifier

    assert classifier.check_sklearn_c(0.0928).message.startswith("Close: 0.0928 is")
    assert classifier.check_sklearn_c(0.0929).correct and classifier.check_sklearn_c("0.0929").correct


def test_a_right_answer_folds_its_exact_value_and_a_wrong_one_is_plain():
    """After Run All, JupyterLab shows every solution's output: its answer must stay behind a click."""
    right, wrong = xe.check_number(0.737, 0.736966, "the loss"), xe.check_number(0.5, 0.736966, "the loss")
    folded = right._repr_html_()
    summary = folded.split("<summary>")[1].split("</summary>")[0]
    assert folded.startswith("<details") and "0.736966" not in summary and "Correct:" not in summary
    assert "Correct: the loss is 0.736966." in folded
    assert wrong._repr_html_() == '<div class="xent-verdict">' + html.escape(wrong.message) + "</div>"


def test_precision_rule_on_the_issue_values():
    """The rounded answers the first checkers rejected (issue 10) are right to 3 significant digits."""
    for answer, exact in [(0.74, 0.736966), (1.67, 5 / 3), (2.58, math.log2(6)), (0.0313, 1 / 32), (0.0312, 1 / 32),
                          (0.208, 0.207519), (1.44, 1 / math.log(2)), (3.0, 3.0), (0.75, 0.75), (0.693, math.log(2)),
                          ("0.737", 0.736966)]:
        assert xe.check_number(answer, exact, "x").correct or answer == 0.74, (answer, exact)
    assert xe.check_number(0.74, 0.736966, "x").message.startswith("Close:")
    assert xe.check_number(0.69, math.log(2), "x", decimals=2).correct
    assert xe.check_number(0.48, 0.4812, "x", decimals=2).correct
    assert not xe.check_number(0.7375, 0.736966, "x")


def test_usual_slips_only_where_they_make_sense():
    nats = -math.log(0.6)
    assert "bits" in xe.check_number(nats / math.log(2), nats, "the loss in nats", quantity="nats").message
    assert "sign is flipped" in xe.check_number(-nats, nats, "the loss in nats", quantity="nats").message
    assert "percentage" not in xe.check_number(nats * 100, nats, "the loss in nats", quantity="nats").message
    assert "percentage" in xe.check_number(60, 0.6, "the probability", quantity="probability").message
    assert "sign" not in xe.check_number(-0.6, 0.6, "the probability", quantity="probability").message
    for message in (xe.check_number(-2.5, 2.5, "the gradient").message, xe.check_number(250, 2.5, "the gradient").message):
        assert "sign" not in message and "percentage" not in message and "bits" not in message
    with pytest.raises(ValueError, match="quantity"):
        xe.check_number(1, 1, "x", quantity="loss")


def test_check_number_slips_come_before_the_usual_slips():
    nats = 3 * math.log(2)   # the usual "value in nats" slip of an answer of 3 bits
    assert "in nats" in xe.check_number(nats, 3.0, "x", quantity="bits").message
    own = xe.check_number(nats, 3.0, "x", quantity="bits", slips=[(nats, "own reason")])
    assert not own and own.message == f"Not yet: {nats:.6g} is not x; own reason."
    assert "in nats" in xe.check_number(nats, 3.0, "x", quantity="bits", slips=[(5.0, "own reason")]).message
    assert xe.check_number(4.0, 3.0, "x", hint="the hint", slips=[(5.0, "own reason")]).message.endswith("; the hint.")
    assert "own reason" in xe.check_number(np.float32(5.0), 3.0, "x", slips=[(5.0, "own reason")]).message
    # a slip is recognised to the precision the prompt asks for; the first that matches wins; the right value is never a slip
    assert "own reason" not in xe.check_number(5.01, 3.0, "x", slips=[(5.0, "own reason")]).message
    assert "own reason" in xe.check_number(5.004, 3.0, "x", slips=[(5.0, "own reason")]).message
    assert "own reason" in xe.check_number(5.04, 3.0, "x", decimals=1, slips=[(5.0, "own reason")]).message
    assert "first" in xe.check_number(5.0, 3.0, "x", slips=[(5.0, "first"), (5.0, "second")]).message
    assert xe.check_number(3.0, 3.0, "x", slips=[(3.0, "own reason")])
    assert xe.check_number(float("inf"), float("inf"), "x")


def test_check_array_slips_match_the_whole_array():
    slips = [([2.0, 2.0], "these are counts")]
    assert xe.check_array([2.0, 2.0], [0.5, 0.5], "p", slips=slips).message == "Not yet: these are counts."
    partly = xe.check_array([2.0, 0.5], [0.5, 0.5], "p", slips=slips)
    assert not partly and partly.message.startswith("Not yet: entry 0 of p should not be 2;")
    assert "shape" in xe.check_array([2.0, 2.0, 2.0], [0.5, 0.5], "p", slips=slips).message
    near_zero = xe.check_array([0.001, 2.0], [0.5, 0.5], "p", decimals=2, slips=[([0.0, 2.0], "these are counts")])
    assert near_zero.message == "Not yet: these are counts."
    assert xe.check_array([0.5, 0.5], [0.5, 0.5], "p", slips=[([0.5, 0.5], "never")])
    assert xe.check_array(["0.5", "0.5"], [0.5, 0.5], "p")   # numeric strings, as check_number takes them
    assert xe.check_array([0.09, 0.245, 0.665], [0.0900306, 0.244728, 0.665241], "p")
    assert xe.check_array([0.09, 0.24, 0.67], [0.0900306, 0.244728, 0.665241], "p").message.startswith("Close: entry 1")
