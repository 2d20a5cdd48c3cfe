"""Tests of the figures and sliders of notebook 10: ``xent_widgets/checking_the_sources.py``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
import xent_widgets.checking_the_sources as xw


def test_claims_table_renders_html_and_text():
    claims = [{"note": "001", "claim": "entropy <laptop>", "stated": "0.804", "computed": 0.8018185,
               "verdict": "rounding slip"},
              {"note": "003", "claim": "KL >= 0", "stated": "≥ 0", "computed": True, "verdict": "correct"}]
    table = xw.sources_claims_table(claims)
    html = table._repr_html_()
    assert "&lt;laptop&gt;" in html and "softmax 与交叉熵" in html and "0.8018" in html
    assert repr(table).splitlines()[1] == "003 | KL >= 0 | note: ≥ 0 | recomputed: holds | correct"


def test_main_explorer_moves_marker_readout_and_image():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "decimals"
    explorer.controls[first].value = 3
    assert "decimals = 3" in explorer.readout.value
    probs = np.array(notes.LAPTOP_PROBS)
    rounded = np.array([round(-math.log(p), 3) for p in probs])
    expected_error = abs(float(probs @ rounded) - float(xc.entropy(probs)))
    ax = explorer.plot.figure.axes[0]
    marker = [line for line in ax.lines if line.get_marker() == "o" and line.get_markersize() == 11][0]
    x, y = marker.get_data()
    assert list(x) == [3] and math.isclose(y[0], expected_error, rel_tol=1e-9)
    assert "0.802000" in explorer.readout.value


def test_one_step_of_main_slider_changes_everything():
    explorer = xw.rounding_before_weighting_explorer()
    for value in range(7):
        readout, image = explorer.readout.value, explorer.image.value
        explorer.controls["decimals"].value = (value + 1) % 7
        assert explorer.readout.value != readout and explorer.image.value != image


def test_explorer_opens_where_the_notebook_says_and_reaches_every_named_value():
    # The notebook: "the marker is note 001's choice of two decimals"; it names 0 to 6 decimals,
    # 3 decimals (0.802) and the sign change from 4 to 5 decimals.
    control = xw.rounding_before_weighting_explorer().controls["decimals"]
    assert control.value == 2
    assert control.min == 0 and control.max == 6 and control.step == 1
    for named in (0, 3, 4, 5, 6):
        assert control.min <= named <= control.max and (named - control.min) % control.step == 0


def test_verdict_colours_wrong_and_slip_are_distinct():
    claims = [{"note": "000", "claim": c, "stated": "1", "computed": 1.0, "verdict": v}
              for c, v in [("a", "wrong"), ("b", "sign slip"), ("c", "rounding slip"), ("d", "correct")]]
    page = xw.sources_claims_table(claims)._repr_html_()
    wrong, slip = xw.COLORS["vermillion"], xw.SLIP_COLOR
    assert f"color:{wrong}'>wrong" in page and f"color:{slip}'>sign slip" in page and f"color:{slip}'>rounding slip" in page
    assert slip not in (xw.COLORS["orange"], xw.COLORS["vermillion"], xw.COLORS["yellow"], xw.COLORS["green"])
