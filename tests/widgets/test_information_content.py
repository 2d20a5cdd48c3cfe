"""Tests of the figures and sliders of notebook 02: ``xent_widgets/information_content.py``."""

import math

import pytest

import xent_notes as notes
import xent_widgets.information_content as xw


def test_surprise_explorer_moves_with_main_slider():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "p"
    explorer.controls[first].value = explorer.controls[first].value + explorer.controls[first].step  # 0.125 -> 0.135
    assert f"I(p) = <b>{-math.log2(0.135):.3f} bits</b> = {-math.log(0.135):.3f} nats" in explorer.readout.value


@pytest.mark.parametrize("p", [0.01, 0.125, 0.5, 1.0])
def test_surprise_marker_is_minus_log2(p):
    plot = xw.surprise_plot(p)
    point = [line for line in plot.figure.axes[0].lines if line.get_marker() == "o" and line.get_markersize() == 8][0]
    x, y = point.get_data()
    assert x[0] == p
    assert math.isclose(y[0], -math.log(p) / math.log(2), abs_tol=1e-12)


def test_bracket_bits_add_per_round():
    plot = xw.bracket_plot(notes.LOL_LAST_EIGHT, "BLG", wins=0)
    readouts = [plot(wins=k).readout for k in range(4)]
    for k, readout in enumerate(readouts):
        assert f"{k}.000 bits" in readout
    uneven = xw.bracket_plot(notes.LOL_LAST_EIGHT, "GEN", wins=3, win_prob=0.6)
    assert f"{-3 * math.log2(0.6):.3f} bits" in uneven.readout


def test_bracket_explorer_slider_changes_image():
    explorer = xw.bracket_explorer(notes.LOL_LAST_EIGHT, "BLG", wins=3)
    before = explorer.image.value
    explorer.controls["wins"].value = 2
    assert explorer.image.value != before
    assert "2.000 bits" in explorer.readout.value


def test_bracket_rejects_wrong_team():
    with pytest.raises(ValueError):
        xw.bracket_plot(notes.LOL_LAST_EIGHT, "RNG")
