import subprocess
import sys

import pytest

import gunflow
from gunflow import plot
from gunflow.export import MissingDependency

SURGE = [
    "govexec-2009-12-guns-and-drugs/surge-120-days",
    "govexec-2009-12-guns-and-drugs/surge-four-months",
    "govexec-2009-12-guns-and-drugs/surge-three-months",
]


def _segments(fig):
    """The thick lines drawn: the bars, as (low, high) on the x axis, top row first."""
    (axes,) = fig.axes
    return [tuple(line.get_xdata()) for line in axes.lines if line.get_linewidth() >= 5]


def test_figures_draws_each_interval_with_its_ends():
    ds = gunflow.load()
    chosen = [
        ds.statistics.get("gao-09-709/us-origin-share-traced-5-years"),  # around 87: [86, 88]
        ds.statistics.get("govexec-2009-12-guns-and-drugs/gao-traced-to-us-2004-2008"),  # (90, 100]
    ]
    fig = plot.figures(chosen)
    assert _segments(fig) == [(86.0, 88.0), (90.0, 100.0)]
    (axes,) = fig.axes
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[0].startswith("“around 87 percent” of Share of firearms seized by Mexican")
    assert "U.S. Government Accountability Office, 2009-06-18 · 2004/2008" in labels[0]
    faces = [line.get_markerfacecolor() for line in axes.lines if line.get_marker() == "o"]
    assert faces.count("white") == 1  # only "more than 90" leaves out an end (90)


def test_figures_draws_durations_in_days():
    ds = gunflow.load()
    fig = plot.figures(ds.statistics.get(i) for i in SURGE)
    # 120 days ± half a day; four months of 28 to 31 days (3.5 to 4.5 months); three months.
    assert _segments(fig) == [(119.5, 120.5), (98.0, 139.5), (70.0, 108.5)]
    assert fig.axes[0].get_xlabel() == "days"


def test_an_unbounded_end_is_an_arrow_at_the_edge():
    ds = gunflow.load()
    fig = plot.figures([ds.statistics.get("govexec-2009-12-guns-and-drugs/surge-guns-seized")])
    (axes,) = fig.axes
    markers = [line.get_marker() for line in axes.lines]
    assert ">" in markers
    ((low, high),) = _segments(fig)
    assert low == 680
    assert high == axes.get_xlim()[1]


def test_timeline_has_a_row_per_dated_event_in_order():
    ds = gunflow.load()
    events = ds.events.between("2009-06-01", "2009-06-30")
    fig = plot.timeline(events)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == len(events)
    assert labels == sorted(labels)


def test_finding_is_titled_by_its_message():
    report = gunflow.check(gunflow.load())
    (found,) = report.filter(rule="duration")
    fig = plot.finding(found)
    assert "120 days" in fig.axes[0].get_title(loc="left")
    assert _segments(fig) == [(119.5, 120.5), (70.0, 108.5)]


def test_rows_of_different_sizes_get_their_own_scale():
    report = gunflow.check(gunflow.load())
    (found,) = report.filter(rule="relations")
    (axes,) = plot.finding(found).axes
    assert axes.get_xlim() == (0, 1)
    assert list(axes.get_xticks()) == []


def test_import_gunflow_does_not_import_matplotlib():
    code = "import sys, gunflow.plot; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_without_matplotlib_the_error_says_what_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.startswith("matplotlib"):
            raise ImportError("no matplotlib here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    with pytest.raises(MissingDependency, match=r"pip install 'gunflow\[plot\]'"):
        plot.timeline(gunflow.load().events)


def test_the_measure_tree_puts_each_measure_under_its_whole():
    ds = gunflow.load()
    chosen = [
        ds.measures.get(i)
        for i in ("firearms.mx.traced.us_origin.share", "firearms.mx.traced", "firearms.mx.seized")
    ]
    fig = plot.measures(chosen)
    names = [t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("firearms")]
    # by hand: seized, then traced (part of seized), then the share of traced under it
    assert names == [
        "firearms.mx.seized",
        "firearms.mx.traced",
        "firearms.mx.traced.us_origin.share",
    ]
    assert len(fig.axes[0].lines) == 2  # one connector per measure with a parent shown
