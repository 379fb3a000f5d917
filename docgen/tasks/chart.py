"""The monthly report as a picture: one stacked bar per agency (done on time, done late,
overdue, not yet due), labelled in Vietnamese, as PNG bytes."""

from __future__ import annotations

import io
import textwrap

from .status import CATEGORIES, LATE, NOT_DUE, ON_TIME, OVERDUE, Monthly

COLOURS = {ON_TIME: "#2e7d32", LATE: "#f9a825", OVERDUE: "#c62828", NOT_DUE: "#90a4ae"}
MAX_AGENCIES = 25  # more than that and the rest are summed as "Các cơ quan khác"


def _font() -> str:
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for name in ("Times New Roman", "Liberation Serif", "DejaVu Serif"):
        if name in names:
            return name
    return "serif"


def render(report: Monthly) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    agencies = list(report.agencies)
    rows = [(a.agency, [a.counts[c] for c in CATEGORIES]) for a in agencies[:MAX_AGENCIES]]
    if len(agencies) > MAX_AGENCIES:
        rest = [sum(a.counts[c] for a in agencies[MAX_AGENCIES:]) for c in CATEGORIES]
        rows.append((f"Các cơ quan khác ({len(agencies) - MAX_AGENCIES})", rest))
    rows.reverse()  # the busiest agency on top
    plt.rcParams["font.family"] = _font()
    height = max(2.6, 0.42 * len(rows) + 1.6)
    fig, ax = plt.subplots(figsize=(9.5, height), dpi=110)
    try:
        labels = ["\n".join(textwrap.wrap(name, 34)) for name, _ in rows]
        left = [0] * len(rows)
        for k, category in enumerate(CATEGORIES):
            values = [counts[k] for _, counts in rows]
            bars = ax.barh(labels, values, left=left, color=COLOURS[category], label=category, height=0.65)
            for bar, value in zip(bars, values):
                if value:
                    ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, str(value),
                            ha="center", va="center", fontsize=9, color="white" if category != NOT_DUE else "black")
            left = [a + b for a, b in zip(left, values)]
        ax.set_title(f"Kết quả thực hiện nhiệm vụ tháng {report.month}/{report.year} "
                     f"(tính đến ngày {report.cutoff:%d/%m/%Y})", fontsize=12, fontweight="bold")
        ax.set_xlabel("Số nhiệm vụ")
        ax.tick_params(axis="y", labelsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 if len(rows) > 3 else -0.25), ncol=4, fontsize=9,
                  frameon=False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
