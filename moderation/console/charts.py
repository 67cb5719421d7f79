"""Geometry for the server-side SVG charts; the templates draw it (and escape every label)."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 560
HEIGHT = 180
PAD_LEFT = 44
PAD_BOTTOM = 24
PAD_TOP = 10


@dataclass
class LineChart:
    title: str
    points: str  # "x,y x,y" for a polyline; segments break where a month has no value
    segments: list[str]
    dots: list[tuple[float, float, str, str]]  # x, y, month, value shown on hover
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT


def line_chart(
    title: str, labels: list[str], values: list[float | None], y_min: float, y_max: float, fmt: str = "{:.1f}"
) -> LineChart:
    plot_w = WIDTH - PAD_LEFT - 10
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    step = plot_w / max(1, len(labels) - 1)
    span = (y_max - y_min) or 1.0

    def y_of(v: float) -> float:
        return round(PAD_TOP + plot_h - (min(max(v, y_min), y_max) - y_min) / span * plot_h, 1)

    segments: list[list[str]] = [[]]
    dots = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = round(PAD_LEFT + i * step, 1)
        if value is None:
            if segments[-1]:
                segments.append([])
            continue
        y = y_of(value)
        segments[-1].append(f"{x},{y}")
        dots.append((x, y, label, fmt.format(value)))
    ticks = [(y_of(y_min + span * f), fmt.format(y_min + span * f)) for f in (0, 0.5, 1)]
    x_labels = [(round(PAD_LEFT + i * step, 1), label[2:]) for i, label in enumerate(labels) if i % 2 == 0]
    joined = [" ".join(s) for s in segments if s]
    return LineChart(title, " ".join(joined), joined, dots, x_labels, ticks)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


def histogram_bars(histogram: dict[int, int], width: int = 300, height: int = 150) -> list[Bar]:
    top = max(histogram.values()) or 1
    slot = width / len(histogram)
    bars = []
    for i, (stars, n) in enumerate(sorted(histogram.items())):
        h = round((height - 40) * n / top, 1)  # room above the tallest bar for its count
        bars.append(Bar(round(i * slot + 6, 1), round(height - 20 - h, 1), round(slot - 12, 1), h, f"{stars}★", n))
    return bars
