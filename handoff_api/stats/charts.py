"""The coordinators' charts as PNG pictures (matplotlib, no display)."""

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from handoff_api.helplines.catalog import Helpline  # noqa: E402
from handoff_api.stats.report import SMALL, MonthFigures, month_label  # noqa: E402

WEEKDAYS_NL = ("ma", "di", "wo", "do", "vr", "za", "zo")


def _png(figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return out.getvalue()


def heatmap(demand: np.ndarray, helpline: Helpline, title: str) -> bytes:
    """Weekday x hour: visitors who started a chat, with the opening hours outlined."""
    shown = demand.astype(float)
    hidden = (demand > 0) & (demand < SMALL)
    shown[hidden] = np.nan
    figure, axes = plt.subplots(figsize=(11, 3.8))
    cmap = plt.get_cmap("Blues").copy()
    cmap.set_bad("#d9d9d9")
    image = axes.imshow(shown, aspect="auto", cmap=cmap, vmin=0)
    for day, hour in zip(*np.nonzero(hidden)):
        axes.text(hour, day, f"<{SMALL}", ha="center", va="center", fontsize=6, color="#333333")
    for day, start, end in opening_blocks(helpline):
        axes.add_patch(
            Rectangle((start - 0.5, day - 0.5), end - start, 1, fill=False, edgecolor="#c0392b", linewidth=2)
        )
    axes.set_yticks(range(7), WEEKDAYS_NL)
    axes.set_xticks(range(0, 24, 2), [f"{h}u" for h in range(0, 24, 2)])
    axes.set_title(title)
    figure.colorbar(image, ax=axes, label="gestarte chats")
    axes.text(
        0, -0.22, "Rood omlijnd: de openingsuren. Grijs: minder dan 5 (verborgen).",
        transform=axes.transAxes, fontsize=8,
    )
    return _png(figure)


def opening_blocks(helpline: Helpline) -> list[tuple[int, float, float]]:
    """(weekday, start hour, end hour) of the default week in helplines.yml."""
    blocks = []
    for hours in helpline.chat_hours:
        start = hours.opens.hour + hours.opens.minute / 60
        end = hours.closes.hour + hours.closes.minute / 60
        if end <= start:  # across midnight: to the end of the day, then the next morning
            blocks.append((hours.weekday, start, 24.0))
            if end > 0:
                blocks.append(((hours.weekday + 1) % 7, 0.0, end))
        else:
            blocks.append((hours.weekday, start, end))
    return blocks


def funnel(steps: list[tuple[str, int]], title: str) -> bytes:
    figure, axes = plt.subplots(figsize=(8, 3.2))
    names = [name for name, _ in steps]
    values = [value if not 0 < value < SMALL else 0 for _, value in steps]
    bars = axes.barh(names[::-1], values[::-1], color="#2c6e9b")
    for bar, (_, value) in zip(bars, steps[::-1]):
        label = f"<{SMALL}" if 0 < value < SMALL else str(value)
        axes.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {label}", va="center")
    axes.set_title(title)
    axes.set_xlabel("aantal")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def trend(figures: list[MonthFigures], campaigns: list, title: str) -> bytes:
    figure, axes = plt.subplots(figsize=(10, 3.6))
    x = np.arange(len(figures))
    for name, label, colour in (
        ("clicks", "kliks op de chatknop", "#7f8c8d"),
        ("chats_started", "gestarte chats", "#2c6e9b"),
        ("conversations", "gevoerde gesprekken", "#27ae60"),
        ("never_claimed", "wachtrij verlaten", "#c0392b"),
    ):
        values = [getattr(f, name) for f in figures]
        axes.plot(x, [v if not 0 < v < SMALL else np.nan for v in values], marker="o", label=label, color=colour)
    months = [f.month for f in figures]
    for campaign in campaigns:
        span = _campaign_span(months, campaign.starts_on, campaign.ends_on)
        if span:
            axes.axvspan(span[0] - 0.4, span[1] + 0.4, color="#f39c12", alpha=0.2)
            axes.text(span[0] - 0.35, axes.get_ylim()[1] * 0.95, campaign.name, fontsize=8, va="top")
    axes.set_xticks(x, [month_label(m).split()[0][:3] + "\n" + m[:4] for m in months])
    axes.set_title(title)
    axes.legend(fontsize=8, loc="upper left")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _campaign_span(months: list[str], starts: date, ends: date) -> tuple[int, int] | None:
    inside = [i for i, m in enumerate(months) if starts.strftime("%Y-%m") <= m <= ends.strftime("%Y-%m")]
    return (inside[0], inside[-1]) if inside else None


def weekday_hour_matrix(rows, kind: str) -> np.ndarray:
    matrix = np.zeros((7, 24), dtype=int)
    for hour, row_kind, _labels, count in rows:
        if row_kind == kind:
            matrix[hour.weekday(), hour.hour] += count
    return matrix

