"""Figures and sliders of ``notebooks/10_checking_the_sources.ipynb``."""

import html

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import COLORS, LivePlot, explore, int_slider, new_figure

__all__ = ["sources_claims_table", "rounding_before_weighting_plot", "rounding_before_weighting_explorer", "MAIN_EXPLORER"]


# Verdict -> colour in the claims table, from the Okabe-Ito palette: green right, vermillion (its red)
# wrong, blue a slip (anything not listed is a slip of some kind), grey no value. Wrong and slip must
# not look alike: vermillion and orange did (issue 10), vermillion and blue differ in hue and lightness,
# also for the colour-blind.
SLIP_COLOR = COLORS["blue"]
_VERDICT_COLORS = {
    "correct": COLORS["green"],
    "correct to the digits shown": COLORS["green"],
    "no value printed": "#777777",
    "wrong": COLORS["vermillion"],
}


def _format(value):
    """A recomputed value as the table shows it: 4 decimals, scientific when tiny."""
    if isinstance(value, (bool, np.bool_)):
        return "holds" if value else "fails"
    if isinstance(value, str):
        return value
    value = float(value)
    if value != 0 and abs(value) < 1e-3:
        return f"{value:.3e}"
    if value == round(value):
        return f"{abs(value) if value == 0 else value:.0f}"
    return f"{value:.4f}"


class _ClaimsTable:
    """The claims as an HTML table (in a notebook) and as aligned text (everywhere else)."""

    def __init__(self, claims):
        self.claims = list(claims)

    def _cells(self, claim):
        stated = "(none)" if claim["stated"] is None else claim["stated"]
        shown = claim.get("shown") or _format(claim["computed"])
        return claim["note"], claim["claim"], stated, shown, claim["verdict"]

    def _repr_html_(self):
        head = "".join(f"<th style='text-align:left'>{h}</th>" for h in
                       ("note", "claim", "the note prints", "recomputed", "verdict"))
        rows, current = [], None
        for claim in self.claims:
            if claim["note"] != current:
                current = claim["note"]
                chinese, english = notes.NOTE_TITLES[current]
                rows.append(f"<tr><td colspan='5' style='text-align:left'><b>note {current}: "
                            f"{chinese}</b> ({english})</td></tr>")
            cells = [html.escape(str(c), quote=False) for c in self._cells(claim)]
            color = _VERDICT_COLORS.get(claim["verdict"], SLIP_COLOR)
            cells[-1] = f"<b style='color:{color}'>{cells[-1]}</b>"
            rows.append("<tr>" + "".join(f"<td style='text-align:left'>{c}</td>" for c in cells) + "</tr>")
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

    def __repr__(self):
        lines = []
        for claim in self.claims:
            note, text, stated, shown, verdict = self._cells(claim)
            lines.append(f"{note} | {text} | note: {stated} | recomputed: {shown} | {verdict}")
        return "\n".join(lines)


def sources_claims_table(claims):
    """Show checked claims as a table: note, claim, printed value, recomputed value, verdict.

    Parameters
    ----------
    claims : list of dict
        One dict per claim with keys ``note`` ("000" to "003"), ``claim`` (text), ``stated``
        (the value as the note prints it, a str, or None when it prints none), ``computed``
        (a number, a bool for an identity or inequality, or a str), ``verdict`` (str) and
        optionally ``shown`` (how to display ``computed``).

    Returns
    -------
    object
        Displays as an HTML table grouped by note (verdicts coloured: green right, blue a
        slip, vermillion wrong, grey no value printed) and prints as one line of text per claim.

    Examples
    --------
    >>> sources_claims_table([{"note": "000", "claim": "L1 sum", "stated": "70",
    ...                        "computed": 60.0, "verdict": "wrong"}])
    000 | L1 sum | note: 70 | recomputed: 60 | wrong
    """
    return _ClaimsTable(claims)


def _rounded_entropy(decimals, probs=notes.LAPTOP_PROBS):
    """The rounded information values and the entropy computed from them."""
    rounded = np.round(xc.information_content(probs), decimals)
    return rounded, float(np.dot(probs, rounded))


def rounding_before_weighting_plot(decimals=2):
    """Error of the laptop-boot entropy when each information value is rounded before weighting.

    Note 001 rounds -ln 0.7, -ln 0.2 and -ln 0.1 to two decimals, then weights them by
    0.7, 0.2 and 0.1 and adds: 0.804 nats, while the exact entropy is 0.8018. The figure shows
    the size of that error (log scale) for 0 to 6 decimals, with the chosen number of decimals
    marked, and the dashed line at 0.0005: half a unit in the third decimal, the largest error
    a value printed with three decimals may carry.

    Parameters
    ----------
    decimals : int
        Decimals each information value is rounded to, 0 to 6.

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> rounding_before_weighting_plot(2).readout
    'decimals = 2: information (0.36, 1.61, 2.30) nats &rarr; entropy <b>0.804000</b>, exact 0.801819, error +2.2e-03'
    """
    exact = float(xc.entropy(notes.LAPTOP_PROBS))
    all_decimals = np.arange(7)
    table = [_rounded_entropy(d) for d in all_decimals]  # (rounded values, entropy) per decimals
    errors = np.array([abs(value - exact) for _, value in table])
    fig, ax = new_figure(height=3.2)
    ax.plot(all_decimals, errors, "o-", color=COLORS["blue"], ms=5, label="|rounded - exact|")
    ax.axhline(5e-4, ls="--", lw=1.5, color=COLORS["green"])
    ax.text(6, 5e-4 * 1.4, "0.0005: half a unit in the 3rd decimal", ha="right", va="bottom",
            color=COLORS["green"], fontsize=9)
    ax.set_yscale("log")
    ax.set_xlim(-0.3, 6.3)
    ax.set_ylim(1e-8, 1)
    ax.set_xlabel("decimals kept in each information value")
    ax.set_ylabel("|entropy error| (nats)")
    point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=11, mec="white", mew=1.5)
    label = ax.text(0.98, 0.95, "", transform=ax.transAxes, ha="right", va="top")

    def update(decimals):
        decimals = int(decimals)
        rounded, value = table[decimals]
        point.set_data([decimals], [abs(value - exact)])
        label.set_text(f"{decimals} decimals: H = {value:.{decimals + 1}f} (exact {exact:.4f})")
        shown = ", ".join(f"{r:.{decimals}f}" for r in rounded)
        return (f"decimals = {decimals}: information ({shown}) nats &rarr; entropy <b>{value:.6f}</b>, "
                f"exact {exact:.6f}, error {value - exact:+.1e}")

    return LivePlot(fig, update, animated=[point, label], decimals=decimals)


def rounding_before_weighting_explorer(decimals=2):
    """The notebook's main slider: how many decimals to keep before weighting.

    Builds :func:`rounding_before_weighting_plot` with an integer slider from 0 to 6 decimals.

    Parameters
    ----------
    decimals : int
        Initial number of decimals (default 2, as note 001).

    Returns
    -------
    Explorer

    Examples
    --------
    >>> explorer = rounding_before_weighting_explorer()
    >>> explorer.controls["decimals"].value = 4
    >>> explorer.readout.value
    'decimals = 4: information (0.3567, 1.6094, 2.3026) nats &rarr; entropy <b>0.801830</b>, exact 0.801819, error +1.1e-05'
    """
    control = int_slider("decimals kept", 0, 6, decimals)
    return explore(rounding_before_weighting_plot(decimals), name="rounding", main=True, decimals=control)


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = rounding_before_weighting_explorer
