"""Tests of the figures and sliders of notebook 02: ``xent_widgets/information_content.py``."""

import math

import pytest

import xent_notes as notes
import xent_widgets.information_content as xw


def test_surprise_explorer_moves_with_main_slider():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "p"
    explorer.controls[first].value = explorer.controls[first].value + explorer.controls[first].step  # 0.5 -> 0.505
    assert f"I(p) = <b>{-math.log2(0.505):.3f} bits</b> = {-math.log(0.505):.3f} nats" in explorer.readout.value


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


def on_the_track(control, value):
    """True if the slider can stop at ``value``: within its range and on its step grid."""
    steps = (value - control.min) / control.step
    return control.min <= value <= control.max and abs(steps - round(steps)) < 1e-9


def test_the_main_slider_opens_and_stops_where_the_notebook_says():
    # the notebook: the point opens at p = 1/2 (1 bit); "go from 0.5 to 0.25 to 0.125 (one bit each
    # time)", and compare 0.8 to 1.0 with 0.01 to 0.2
    explorer = xw.surprise_explorer()
    control = explorer.controls["p"]
    assert control.value == 0.5 and "p = 0.500 &rarr; I(p) = <b>1.000 bits</b>" in explorer.readout.value
    for value in (0.5, 0.25, 0.125, 0.8, 1.0, 0.01, 0.2):
        assert on_the_track(control, value), value
    for p, bits in ((0.5, 1), (0.25, 2), (0.125, 3)):
        control.value = p
        assert f"p = {p:.3f} &rarr; I(p) = <b>{bits}.000 bits</b>" in explorer.readout.value


def test_the_bracket_slider_opens_with_blg_in_the_final():
    # the notebook: BLG opens in the final (2 wins, P = 1/4, 2 bits); the slider walks 0 to 3 wins
    explorer = xw.bracket_explorer(notes.LOL_LAST_EIGHT, "BLG", wins=2)
    control = explorer.controls["wins"]
    assert control.value == 2 and "P = 0.5^2 = 0.250 &rarr; I = <b>2.000 bits</b>" in explorer.readout.value
    assert (control.min, control.max, control.step) == (0, 3, 1)
