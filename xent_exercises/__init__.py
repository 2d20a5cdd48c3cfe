"""Answer checkers for the "On your own" exercises of the xent notebooks.

One module per notebook, named after it (``xent_exercises/entropy.py`` checks the exercises of
``notebooks/03_entropy.ipynb``); this file holds what they share. Each ``check_*`` function takes
the reader's answer and returns a :class:`Feedback`, which a notebook shows as one line:
"Correct" with the exact value, "Close" when a right answer is rounded more coarsely than the
prompt asks, or what is wrong and a hint. The expected values are computed with ``xent_core``
(or by hand where the exercise is about the arithmetic), never typed in.

The precision rule, the same for every exercise: each prompt says how precise to be, three
significant digits unless it names a number of decimals, and every answer correct to that
precision is accepted (:func:`tolerance`). The usual slips are tried only where they make sense
for the quantity asked for (:func:`check_number`'s ``quantity``): bits for nats and a flipped
sign for losses and information, a percentage for probabilities.
"""

import decimal
import html
import math

import numpy as np

__all__ = [
    "Feedback", "check_number", "check_array", "is_near", "parse_number", "tolerance", "precision_phrase",
    "SIGNIFICANT_DIGITS", "QUANTITIES",
]


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

    def _repr_html_(self):
        """The message as prose that wraps between words; a right answer's value folded under "Correct ✓".

        JupyterLab shows every output of a cell it runs, the collapsed outputs of the solution
        cells too: after Run All, each solution's verdict would show the answer under its exercise.
        Folded, it shows only that the solution is right; a click opens the value.
        """
        message = html.escape(self.message)
        if not self.correct:
            return f'<div class="xent-verdict">{message}</div>'
        return f'<details class="xent-verdict"><summary>Correct ✓ (open to see the value)</summary>{message}</details>'



def _missing(answer):
    return answer is Ellipsis or answer is None


# The precision every prompt asks for unless it names a number of decimals: an answer correct to
# three significant digits (or finer) is right.
SIGNIFICANT_DIGITS = 3


def tolerance(expected, decimals=None):
    """Half a unit in the last place the prompt asks for: how far a right answer may be.

    Three significant digits of ``expected`` always count; ``decimals`` (when the prompt names
    them) may allow more. A hair of slack (1e-9 relative) lets an answer rounded half up or
    half to even at exactly the half unit pass either way (1/32 = 0.03125 as 0.0312 or 0.0313).

    Examples
    --------
    >>> round(tolerance(0.736966), 9)   # 0.737 is right, 0.7365 too
    0.0005
    >>> round(tolerance(0.0, decimals=2), 9)
    0.005
    """
    expected = float(expected)
    sig = 0.0 if expected == 0 else 0.5 * 10.0 ** (math.floor(math.log10(abs(expected))) - SIGNIFICANT_DIGITS + 1)
    dec = 0.0 if decimals is None else 0.5 * 10.0**-decimals
    return max(sig, dec, 1e-12) * (1 + 1e-9)


def precision_phrase(decimals=None):
    """How a prompt and a message say the precision: "3 significant digits" or "2 decimals"."""
    return f"{SIGNIFICANT_DIGITS} significant digits" if decimals is None else f"{decimals} decimals"


def _roundings(value, decimals):
    """``value`` rounded to ``decimals`` places as a student might: half up, half to even, or as floats do.

    ``round(0.475, 2)`` gives 0.47 (the float is a hair below 0.475), where a student writes 0.48.
    """
    exact = decimal.Decimal(repr(float(value)))
    unit = decimal.Decimal(1).scaleb(-decimals)
    return {round(value, decimals), *(float(exact.quantize(unit, rounding=mode)) for mode in (decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN))}


def _places(expected, decimals=None):
    """The decimal places the prompt asks for: ``decimals``, or those of 3 significant digits."""
    if decimals is not None:
        return decimals
    return SIGNIFICANT_DIGITS - 1 - math.floor(math.log10(abs(expected)))


def _truncated(value, expected, decimals=None):
    """True if ``value`` is ``expected`` cut off (not rounded) at the precision the prompt asks for."""
    if not math.isfinite(expected) or expected == 0:
        return False
    cut = decimal.Decimal(repr(float(expected))).quantize(decimal.Decimal(1).scaleb(-_places(expected, decimals)),
                                                            rounding=decimal.ROUND_DOWN)
    return math.isclose(value, float(cut), rel_tol=1e-12, abs_tol=1e-300)


def _coarsely_rounded(value, expected, decimals=None):
    """True if ``value`` is ``expected`` rounded to fewer digits than the prompt asks for."""
    if not math.isfinite(expected) or expected == 0:
        return False
    if decimals is not None:
        places = range(decimals)
    else:
        magnitude = math.floor(math.log10(abs(expected)))
        places = [digits - 1 - magnitude for digits in range(1, SIGNIFICANT_DIGITS)]
    return any(math.isclose(value, rounded, rel_tol=1e-12, abs_tol=1e-300) for places_ in places for rounded in _roundings(expected, places_))


# The usual slips, by the kind of quantity asked for: only the ones that make sense for it are tried.
_SIGN = "the sign is flipped: {what} is built from -log of probabilities, so it is never negative"
_PERCENT = "that looks like a percentage; give a probability between 0 and 1"
_IN_BITS = "that is the value in bits; the exercise asks for nats (natural log)"
_IN_NATS = "that is the value in nats; the exercise asks for bits (log base 2)"
QUANTITIES = ("nats", "bits", "probability", None)


def _usual_slips(expected, quantity, what):
    """(wrong value, reason) pairs for a quantity: nats, bits, probability or None (anything else)."""
    if quantity not in QUANTITIES:
        raise ValueError(f"quantity must be one of {QUANTITIES}, got {quantity!r}")
    if quantity == "nats":
        return [(-expected, _SIGN.format(what=what)), (expected / math.log(2), _IN_BITS)]
    if quantity == "bits":
        return [(-expected, _SIGN.format(what=what)), (expected * math.log(2), _IN_NATS)]
    if quantity == "probability":
        return [(expected * 100, _PERCENT)]
    return []


def is_near(answer, value, rel_tol=1e-3, abs_tol=1e-9):
    """True if ``answer`` is a number within ``rel_tol`` (relative) or ``abs_tol`` of ``value``.

    A number is anything ``float`` accepts, as in :func:`check_number` (NumPy scalars and
    numeric strings too); a missing answer or one that is not a number is near nothing.
    """
    if _missing(answer):
        return False
    try:
        return math.isclose(float(answer), float(value), rel_tol=rel_tol, abs_tol=abs_tol)
    except (TypeError, ValueError):
        return False


def parse_number(answer, what):
    """``(number, None)``, or ``(None, Feedback)`` when the answer is missing or not a number.

    Anything ``float`` accepts is a number: Python and NumPy numbers, and numeric strings such
    as ``"0.737"`` (every checker parses answers here, so all of them accept the same things).
    """
    if _missing(answer):
        return None, Feedback(False, f"Replace ... with your answer: {what}.")
    try:
        return float(answer), None
    except (TypeError, ValueError):
        return None, Feedback(False, f"Not yet: give {what} as a number, got {answer!r}.")


def check_number(answer, expected, what, quantity=None, decimals=None, hint="", slips=()):
    """Compare a numeric answer with the expected value and say what is wrong if it is.

    An answer is right when it is within half a unit of the precision the prompt asks for:
    three significant digits (``SIGNIFICANT_DIGITS``), or ``decimals`` when the prompt names
    them (:func:`tolerance`). A right answer rounded more coarsely is told to give more digits,
    never given a method hint. Wrong answers are compared with this exercise's ``slips`` and then
    with the usual slips of the ``quantity`` asked for, each recognised to the same precision.

    Parameters
    ----------
    answer : number, numeric string or Ellipsis
        The reader's answer (``...`` while the exercise is not done yet).
    expected : float
        The right value.
    what : str
        What the number is, for the message ("the entropy in bits").
    quantity : {"nats", "bits", "probability", None}
        What kind of number is asked for, which decides the usual slips tried: for nats and bits
        a flipped sign and the other unit; for a probability a percentage; none otherwise.
    decimals : int, optional
        The decimals the prompt asks for, when it asks for decimals instead of 3 significant
        digits.
    hint : str
        Shown with a wrong answer that matches no known slip.
    slips : sequence of (float, str)
        This exercise's likely wrong values, each with the reason shown; tried in order, before
        the usual slips.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> check_number(3, 3.0, "the information in bits", quantity="bits")
    Correct: the information in bits is 3.
    >>> check_number(0.737, 0.736966, "the loss in bits", quantity="bits")
    Correct: the loss in bits is 0.736966.
    >>> check_number(0.74, 0.736966, "the loss in bits", quantity="bits")
    Close: 0.74 is the loss in bits rounded too coarsely; give 3 significant digits.
    >>> check_number(0.0928, 0.0928505, "C")
    Close: 0.0928 is C cut off after 3 significant digits; round the last digit instead.
    >>> check_number(2.0794, 3.0, "the information in bits", quantity="bits")
    Not yet: 2.0794 is not the information in bits; that is the value in nats; the exercise asks for bits (log base 2).
    >>> check_number(8, 3.0, "the information in bits", slips=[(8, "8 is 1/p; the information is log2 of it")])
    Not yet: 8 is not the information in bits; 8 is 1/p; the information is log2 of it.
    """
    _usual_slips(0.0, quantity, what)  # a misspelt quantity is the exercise author's error: raise at once
    value, feedback = parse_number(answer, what)
    if feedback is not None:
        return feedback
    expected = float(expected)
    if value == expected or abs(value - expected) <= tolerance(expected, decimals):
        return Feedback(True, f"Correct: {what} is {expected:.6g}.")
    if _coarsely_rounded(value, expected, decimals):
        return Feedback(False, f"Close: {value:g} is {what} rounded too coarsely; give {precision_phrase(decimals)}.")
    if _truncated(value, expected, decimals):
        return Feedback(False, f"Close: {value:g} is {what} cut off after {precision_phrase(decimals)}; round the last digit instead.")
    candidates = [*slips, *_usual_slips(expected, quantity, what)]
    reason = next((message for slip, message in candidates if slip != expected and abs(value - slip) <= tolerance(slip, decimals)), None)
    return Feedback(False, f"Not yet: {value:.6g} is not {what}; {reason or hint or 'check each step of the calculation'}.")


def check_array(answer, expected, what, quantity=None, decimals=None, hint="", slips=()):
    """Compare an array answer entry by entry, to the precision of :func:`check_number`.

    Parameters
    ----------
    answer : array_like or Ellipsis
        The reader's answer (``...`` while the exercise is not done yet); numeric strings count
        as numbers, as in :func:`parse_number`.
    expected : array_like
        The right values.
    what : str
        What the array is, for the message ("the distribution").
    quantity, decimals, hint
        As for :func:`check_number`, for every entry.
    slips : sequence of (array_like, str)
        This exercise's likely wrong arrays, each with the reason shown (on its own) when every
        entry of the answer matches it to the asked precision; tried in order, before the usual
        slips of the first wrong entry.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> check_array([0.5, 0.5], np.array([0.5, 0.5]), "the distribution")
    Correct: the distribution is [0.5 0.5].
    >>> check_array([0.5, 0.4], [0.5, 0.5], "the distribution")
    Not yet: entry 1 of the distribution should not be 0.4; check each step of the calculation.
    >>> check_array([0.09, 0.245, 0.665], [0.0900306, 0.244728, 0.665241], "softmax([0, 1, 2])")
    Correct: softmax([0, 1, 2]) is [0.090031 0.244728 0.665241].
    >>> check_array([3, 3], [0.5, 0.5], "the distribution", slips=[([3, 3], "these are counts; divide each by their sum")])
    Not yet: these are counts; divide each by their sum.
    """
    _usual_slips(0.0, quantity, what)
    if _missing(answer):
        return Feedback(False, f"Replace ... with your answer: {what}.")
    expected = np.asarray(expected, dtype=float)
    try:
        value = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return Feedback(False, f"Not yet: give {what} as numbers, got {answer!r}.")
    if value.shape != expected.shape:
        return Feedback(False, f"Not yet: {what} has shape {expected.shape}, your answer has shape {value.shape}.")

    def matches(values, targets):
        return np.array([v == e or abs(v - e) <= tolerance(e, decimals) for v, e in zip(values.ravel(), targets.ravel())])

    close = matches(value, expected)
    if close.all():
        return Feedback(True, f"Correct: {what} is {np.round(expected, 6)}.")
    for slip, message in slips:
        slip = np.asarray(slip, dtype=float)
        if slip.shape == value.shape and matches(value, slip).all():
            return Feedback(False, f"Not yet: {message}.")
    first = int(np.argmin(close))
    wrong, right = float(value.ravel()[first]), float(expected.ravel()[first])
    if _coarsely_rounded(wrong, right, decimals):
        return Feedback(False, f"Close: entry {first} of {what}, {wrong:g}, is rounded too coarsely; give {precision_phrase(decimals)}.")
    if _truncated(wrong, right, decimals):
        return Feedback(False, f"Close: entry {first} of {what}, {wrong:g}, is cut off after {precision_phrase(decimals)}; "
                               "round the last digit instead.")
    reason = next((message for slip, message in _usual_slips(right, quantity, what) if abs(wrong - slip) <= tolerance(slip, decimals)), None)
    return Feedback(False, f"Not yet: entry {first} of {what} should not be {wrong:.6g}; {reason or hint or 'check each step of the calculation'}.")
