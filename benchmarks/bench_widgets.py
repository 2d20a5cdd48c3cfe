"""Kernel time of one slider step for every notebook's main slider (target: <= 33 ms).

Run: .venv/bin/python benchmarks/bench_widgets.py [--steps 60] [--cpu]

A step is what a student's drag triggers in the kernel: set the slider's value, which runs the
figure's update, re-renders the frame (at 2x its CSS size) to PNG and hands it to the Image widget (the browser's
share of the work is measured by tests/test_in_browser.py). Each main explorer is swept over
--steps values across its slider's range, after one warm-up step.
"""

import argparse
import importlib
import pathlib
import statistics
import time

import sys

import ipywidgets
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's modules, whatever an editable install points to
NOTEBOOKS = sorted(path.stem for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--cpu", action="store_true",
                        help="time the process's CPU time instead of wall time: on a busy shared machine, "
                             "what the step costs without the time spent waiting for a core")
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    print(f"{'notebook':40} {'median ms':>9} {'worst ms':>9}")
    medians = []
    for notebook in NOTEBOOKS:
        # Each notebook's figures live in xent_widgets/<notebook name without its number>.py.
        explorer = importlib.import_module(f"xent_widgets.{notebook[3:]}").MAIN_EXPLORER()
        control = next(iter(explorer.controls.values()))
        # Values on the slider's own grid, each different from the last, so every step redraws
        # (a log slider's min, max and step are exponents of its base).
        grid = np.unique(np.round(np.linspace(control.min, control.max, args.steps) / control.step) * control.step)
        if isinstance(control, ipywidgets.FloatLogSlider):
            grid = control.base ** grid
        control.value = type(control.value)(grid[-1])
        times = []
        for value in grid[-2::-1]:
            start = clock()
            control.value = type(control.value)(value)
            times.append((clock() - start) * 1e3)
        medians.append(statistics.median(times))
        print(f"{notebook:40} {medians[-1]:9.1f} {max(times):9.1f}")
    print(f"{'median of medians':40} {statistics.median(medians):9.1f}")


if __name__ == "__main__":
    main()
