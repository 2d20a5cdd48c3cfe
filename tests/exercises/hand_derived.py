"""The check each exercise test module makes of its notebook's list of answers.

Every checkers module lists its exercises' answers in ``ANSWERS`` (checker name -> (value,
decimals the prompt asks for, or None for significant digits)); ``tests/test_xent_exercises.py``
tries each listed answer rounded, coarsened, missing and not a number. Each module under
``tests/exercises/`` derives the answers anew, by hand, and compares them here.
"""

import math


def assert_answers_are(answers, right):
    """``answers`` lists exactly the checkers of ``right``, a list of (checker, hand-derived value,
    decimals) triples, each with that value (to 1e-12, relative) and those decimals."""
    assert sorted(answers) == sorted(check.__name__ for check, _, _ in right)
    for check, exact, decimals in right:
        value, listed_decimals = answers[check.__name__]
        assert math.isclose(value, exact, rel_tol=1e-12), (check.__name__, value, exact)
        assert listed_decimals == decimals, (check.__name__, listed_decimals, decimals)
