"""The monthly report as a picture: one stacked bar per agency (done on time, done late,
overdue, not yet due), labelled in Vietnamese, as PNG bytes.

Drawn with Pillow and a Times New Roman-like font (Times New Roman, else Liberation Serif, else
DejaVu Serif), not matplotlib: importing matplotlib alone took longer than the whole register.
"""

from __future__ import annotations

import functools
import io
import textwrap
from pathlib import Path

from .status import CATEGORIES, LATE, NOT_DUE, ON_TIME, OVERDUE, Monthly

COLOURS = {ON_TIME: (46, 125, 50), LATE: (249, 168, 37), OVERDUE: (198, 40, 40), NOT_DUE: (176, 190, 197)}
TEXT_ON = {ON_TIME: "white", LATE: "black", OVERDUE: "white", NOT_DUE: "black"}
MAX_AGENCIES = 25  # more than that and the rest are summed as "Các cơ quan khác"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"), "C:/Windows/Fonts",
             "/Library/Fonts", "/System/Library/Fonts")
FONT_FILES = {
    False: ("times.ttf", "Times New Roman.ttf", "LiberationSerif-Regular.ttf", "DejaVuSerif.ttf"),
    True: ("timesbd.ttf", "Times New Roman Bold.ttf", "LiberationSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
}


@functools.lru_cache(maxsize=4)
def _font_file(bold: bool) -> str | None:
    for name in FONT_FILES[bold]:
        for folder in FONT_DIRS:
            base = Path(folder)
            if base.is_dir():
                found = next(base.rglob(name), None)
                if found is not None:
                    return str(found)
    return None


def _font(size: int, bold: bool = False):
    from PIL import ImageFont

    path = _font_file(bold) or _font_file(False)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default()


def _rows(report: Monthly) -> list[tuple[str, list[int]]]:
    agencies = sorted(report.agencies, key=lambda a: (-sum(a.counts.values()), a.agency))
    rows = [(a.agency, [a.counts[c] for c in CATEGORIES]) for a in agencies[:MAX_AGENCIES]]
    if len(agencies) > MAX_AGENCIES:
        rest = [sum(a.counts[c] for a in agencies[MAX_AGENCIES:]) for c in CATEGORIES]
        rows.append((f"Các cơ quan khác ({len(agencies) - MAX_AGENCIES})", rest))
    return rows


def _nice_step(most: int) -> int:
    """1, 2, 5, 10, 20, 50 … so that the axis has at most about eight ticks."""
    step, k = 1, 0
    while most / step > 8:
        step = (1, 2, 5)[(k + 1) % 3] * 10 ** ((k + 1) // 3)
        k += 1
    return step


def render(report: Monthly, width: int = 1100) -> bytes:
    from PIL import Image, ImageDraw

    rows = _rows(report)
    label_font, small, title_font = _font(17), _font(15), _font(21, bold=True)
    label_w, bar_h, gap, top = 330, 26, 12, 86
    lines = ["\n".join(textwrap.wrap(name, 34)) for name, _ in rows]
    heights = [max(bar_h, 20 * (text.count("\n") + 1)) for text in lines]
    height = top + sum(h + gap for h in heights) + 90
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title = f"Kết quả thực hiện nhiệm vụ tháng {report.month}/{report.year} (tính đến ngày {report.cutoff:%d/%m/%Y})"
    draw.text((width / 2, 22), title, fill="black", font=title_font, anchor="ma")
    most = max([sum(c) for _, c in rows] + [1])
    plot_w = width - label_w - 60
    scale = plot_w / most
    y = top
    for (name, counts), text, h in zip(rows, lines, heights):
        draw.multiline_text((label_w - 10, y + h / 2), text, fill="black", font=label_font, anchor="rm", align="right",
                            spacing=2)
        x = label_w
        for category, value in zip(CATEGORIES, counts):
            if value:
                w = value * scale
                draw.rectangle([x, y + (h - bar_h) / 2, x + w, y + (h + bar_h) / 2], fill=COLOURS[category])
                if w >= 18:
                    draw.text((x + w / 2, y + h / 2), str(value), fill=TEXT_ON[category], font=small, anchor="mm")
                x += w
        draw.text((x + 6, y + h / 2), str(sum(counts)), fill="black", font=small, anchor="lm")
        y += h + gap
    draw.line([label_w, top - 6, label_w, y], fill="black", width=1)
    step = _nice_step(most)
    for tick in range(0, most + 1, step):
        tx = label_w + tick * scale
        draw.line([tx, y, tx, y + 5], fill="black")
        draw.text((tx, y + 8), str(tick), fill="black", font=small, anchor="ma")
    draw.text((label_w + plot_w / 2, y + 28), "Số nhiệm vụ", fill="black", font=small, anchor="ma")
    lx = label_w
    for category in CATEGORIES:  # the legend, under the axis
        draw.rectangle([lx, y + 58, lx + 18, y + 74], fill=COLOURS[category])
        draw.text((lx + 24, y + 66), category, fill="black", font=small, anchor="lm")
        lx += 30 + draw.textlength(category, font=small) + 24
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
