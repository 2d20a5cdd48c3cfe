"""Answer checkers for the "On your own" exercises of the xent notebooks.

Each ``check_*`` function takes the reader's answer and returns a :class:`Feedback`, which a
notebook shows as one line: "Correct" with the exact value, or what is wrong and a hint. The
expected values are computed with ``xent_core`` (or by hand where the exercise is about the
arithmetic), never typed in, and the checkers recognise the usual slips: bits for nats, a
missing minus sign, a percentage for a probability, too coarse a rounding.
"""

import math

import numpy as np

__all__ = ["Feedback", "check_number", "check_array", "is_near", "parse_number"]


class Feedback:
    """The verdict on one answer: ``correct`` (bool) and a ``message`` for the reader.

    Examples
    --------
    >>> Feedback(True, "Correct.")
    Correct.
    """

    def __init__(self, correct, message):
        self.correct, self.message = bool(correct), message

    def __bool__(self):
        return self.correct

    def __repr__(self):
        return self.message


def _missing(answer):
    return answer is Ellipsis or answer is None


def _slip(answer, expected):
    """Name a recognisable slip that turns ``expected`` into ``answer``, or return None."""
    slips = [
        (-expected, "the sign is flipped: information, entropy and losses are -log of a probability, which is >= 0"),
        (expected / math.log(2), "that is the value in bits; the exercise asks for nats (natural log)"),
        (expected * math.log(2), "that is the value in nats; the exercise asks for bits (log base 2)"),
        (expected * 100, "that looks like a percentage; give a probability between 0 and 1"),
    ]
    for value, message in slips:
        if expected != 0 and math.isclose(answer, value, rel_tol=1e-3):
            return message
    return None


def is_near(answer, value, rel_tol=1e-3, abs_tol=1e-9):
    """True if ``answer`` is a number within ``rel_tol`` (relative) or ``abs_tol`` of ``value``.

    A number is anything ``float`` accepts, as in :func:`check_number` (NumPy scalars too); a
    missing answer or one that is not a number is near nothing.
    """
    if _missing(answer):
        return False
    try:
        return math.isclose(float(answer), float(value), rel_tol=rel_tol, abs_tol=abs_tol)
    except (TypeError, ValueError):
        return False


def parse_number(answer, what):
    """``(number, None)``, or ``(None, Feedback)`` when the answer is missing or not a number."""
    if _missing(answer):
        return None, Feedback(False, f"Replace ... with your answer: {what}.")
    try:
        return float(answer), None
    except (TypeError, ValueError):
        return None, Feedback(False, f"Not yet: give {what} as a number, got {answer!r}.")


def check_number(answer, expected, what, rel_tol=1e-3, abs_tol=1e-9, hint="", slips=(), slip_rel_tol=1e-3):
    """Compare a numeric answer with the expected value and say what is wrong if it is.

    Parameters
    ----------
    answer : number or Ellipsis
        The reader's answer (``...`` while the exercise is not done yet).
    expected : float
        The right value.
    what : str
        What the number is, for the message ("the entropy in bits").
    rel_tol, abs_tol : float
        Accepted error, as in ``math.isclose``: the default accepts three significant digits.
    hint : str
        Shown with a wrong answer that matches no known slip.
    slips : sequence of (float, str)
        This exercise's likely wrong values, each with the reason shown for an answer within
        ``slip_rel_tol`` of it; tried in order, before the usual slips (a flipped sign, bits for
        nats and nats for bits, a percentage).
    slip_rel_tol : float
        Relative tolerance for recognising one of ``slips``.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> check_number(3, 3.0, "the information in bits")
    Correct: the information in bits is 3.
    >>> check_number(2.0794, 3.0, "the information in bits")
    Not yet: 2.0794 is not the information in bits; that is the value in nats; the exercise asks for bits (log base 2).
    >>> check_number(8, 3.0, "the information in bits", slips=[(8, "8 is 1/p; the information is log2 of it")])
    Not yet: 8 is not the information in bits; 8 is 1/p; the information is log2 of it.
    """
    value, feedback = parse_number(answer, what)
    if feedback is not None:
        return feedback
    if math.isclose(value, expected, rel_tol=rel_tol, abs_tol=abs_tol):
        return Feedback(True, f"Correct: {what} is {expected:.6g}.")
    mistake = next((message for slip, message in slips if is_near(value, slip, rel_tol=slip_rel_tol)), None)
    reason = mistake or _slip(value, expected) or hint or "check each step of the calculation"
    return Feedback(False, f"Not yet: {value:.6g} is not {what}; {reason}.")


def check_array(answer, expected, what, rel_tol=1e-3, abs_tol=1e-9, hint="", slips=(), slip_rel_tol=1e-3):
    """Compare an array answer elementwise; report the first wrong entry.

    Parameters
    ----------
    answer : array_like or Ellipsis
        The reader's answer (``...`` while the exercise is not done yet).
    expected : array_like
        The right values.
    what : str
        What the array is, for the message ("the distribution").
    rel_tol, abs_tol : float
        Accepted error of each entry, as in ``np.isclose``.
    hint : str
        Shown with a wrong answer that matches no known slip.
    slips : sequence of (array_like, str)
        This exercise's likely wrong arrays, each with the reason shown (on its own) when every
        entry of the answer is within ``slip_rel_tol`` (or 1e-6, for entries near 0) of it;
        tried in order, before the usual slips of the first wrong entry.
    slip_rel_tol : float
        Relative tolerance for recognising one of ``slips``.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> check_array([0.5, 0.5], np.array([0.5, 0.5]), "the distribution")
    Correct: the distribution is [0.5 0.5].
    >>> check_array([0.5, 0.4], [0.5, 0.5], "the distribution")
    Not yet: entry 1 of the distribution should not be 0.4; check each step of the calculation.
    >>> check_array([3, 3], [0.5, 0.5], "the distribution", slips=[([3, 3], "these are counts; divide each by their sum")])
    Not yet: these are counts; divide each by their sum.
    """
    if _missing(answer):
        return Feedback(False, f"Replace ... with your answer: {what}.")
    expected = np.asarray(expected, dtype=float)
    try:
        value = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return Feedback(False, f"Not yet: give {what} as numbers, got {answer!r}.")
    if value.shape != expected.shape:
        return Feedback(False, f"Not yet: {what} has shape {expected.shape}, your answer has shape {value.shape}.")
    close = np.isclose(value, expected, rtol=rel_tol, atol=abs_tol)
    if close.all():
        return Feedback(True, f"Correct: {what} is {np.round(expected, 6)}.")
    for slip, message in slips:
        if np.shape(slip) == value.shape and np.allclose(value, np.asarray(slip, dtype=float), rtol=slip_rel_tol, atol=1e-6):
            return Feedback(False, f"Not yet: {message}.")
    first = int(np.argmin(close.ravel()))
    wrong, right = value.ravel()[first], expected.ravel()[first]
    reason = _slip(wrong, right) or hint or "check each step of the calculation"
    return Feedback(False, f"Not yet: entry {first} of {what} should not be {wrong:.6g}; {reason}.")
