"""The rules read from the .docx itself: one check function per catalogue id, grouped by the
component they judge. Importing this package imports every module, so every rule registers.

    common       the registry (CHECKS, @check), run(), judge(), NotChecked, NotApplicable, helpers
    page         paper, margins, font, colour, Unicode, the components present, page numbers
    header       Quốc hiệu, Tiêu ngữ, tên cơ quan
    number_date  số, ký hiệu; địa danh, ngày tháng
    title        tên loại, trích yếu, V/v, Kính gửi
    body         nội dung: size, style, căn cứ, alignment, indent, spacing, “./.”
    closing      người ký, nơi nhận
    appendix     phụ lục: dòng số, tên, dòng “(Kèm theo …)”

A check calls ctx.fail(...) for each place that breaks its rule, raises NotChecked when the
file does not let it judge (a component it needs is missing, the page count is unknown), and
NotApplicable when the document has nothing the rule is about (no Kính gửi, no căn cứ).
Results come out in catalogue order (run() walks RULES), whatever the order of registration."""

from __future__ import annotations

from ..catalogue import RULES
from . import appendix, body, closing, header, minutes, number_date, page, title  # noqa: F401 - each registers its rules
from .body import line_spacing
from .common import CHECKS, TWIPS_PER_MM, NotApplicable, NotChecked, judge, run
from .page import page_number_paras

__all__ = ["CHECKS", "TWIPS_PER_MM", "NotApplicable", "NotChecked", "judge", "line_spacing", "page_number_paras",
           "run"]

missing = [r.id for r in RULES if not r.layout and r.id not in CHECKS]
assert not missing, f"rules without a check: {missing}"
