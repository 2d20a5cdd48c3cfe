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
