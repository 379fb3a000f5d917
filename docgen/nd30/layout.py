"""Decree 30/2020/ND-CP as numbers: page, margins and one size per component.

Every value the renderer writes and the checker expects comes from here. Where the
decree gives a range, the range is kept next to the value docgen chose inside it, so
the checker can accept any compliant document while docgen writes one fixed layout.
References are to Phụ lục I of the decree (see shared/nd30.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Cm, Mm, Pt

FONT_NAME = "Times New Roman"  # Phụ lục I, Phần I, Mục I.2: phông chữ Times New Roman

# Phụ lục I, Phần I, Mục I.3: khổ A4 (210 mm x 297 mm), trình bày theo chiều dài.
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)


@dataclass(frozen=True)
class Range:
    """An inclusive range the decree allows, with the value docgen writes."""

    low: float
    high: float
    chosen: float

    def __contains__(self, value: float) -> bool:
        return self.low - 1e-6 <= value <= self.high + 1e-6


# Phụ lục I, Phần I, Mục I.4: lề trên, lề dưới 20-25 mm; lề trái 30-35 mm; lề phải 15-20 mm.
MARGIN_TOP_MM = Range(20, 25, 20)
MARGIN_BOTTOM_MM = Range(20, 25, 20)
MARGIN_LEFT_MM = Range(30, 35, 30)
MARGIN_RIGHT_MM = Range(15, 20, 15)


@dataclass(frozen=True)
class Style:
    """How one component of the thể thức is set: size (pt), weight, slant, case."""

    name: str
    size: Range
    bold: bool
    italic: bool = False
    upper: bool = False
    ref: str = ""

    @property
    def pt(self) -> Pt:
        return Pt(self.size.chosen)


# Sizes in points (Phụ lục I, Phần I, Mục II and the Mục V table). One size per
# component; docgen writes `chosen`, the checker accepts the whole range.
QUOC_HIEU = Style("Quốc hiệu", Range(12, 13, 12), bold=True, upper=True, ref="Phụ lục I, Mục II.1.a")
TIEU_NGU = Style("Tiêu ngữ", Range(13, 14, 13), bold=True, ref="Phụ lục I, Mục II.1.b")
CO_QUAN_CHU_QUAN = Style("Tên cơ quan chủ quản", Range(12, 13, 12), bold=False, upper=True, ref="Phụ lục I, Mục II.2.b")
CO_QUAN_BAN_HANH = Style("Tên cơ quan ban hành", Range(12, 13, 12), bold=True, upper=True, ref="Phụ lục I, Mục II.2.b")
SO_KY_HIEU = Style("Số, ký hiệu", Range(13, 13, 13), bold=False, ref="Phụ lục I, Mục II.3.c")
DIA_DANH_NGAY = Style("Địa danh và thời gian", Range(13, 14, 14), bold=False, italic=True, ref="Phụ lục I, Mục II.4.c")
TEN_LOAI = Style("Tên loại văn bản", Range(13, 14, 14), bold=True, upper=True, ref="Phụ lục I, Mục II.5.a")
TRICH_YEU = Style("Trích yếu nội dung", Range(13, 14, 14), bold=True, ref="Phụ lục I, Mục II.5.a")
TRICH_YEU_CONG_VAN = Style("Trích yếu công văn (V/v)", Range(12, 13, 12), bold=False, ref="Phụ lục I, Mục II.5.b")
NOI_DUNG = Style("Nội dung", Range(13, 14, 14), bold=False, ref="Phụ lục I, Mục II.6.e")
KINH_GUI = Style("Kính gửi", Range(13, 14, 14), bold=False, ref="Phụ lục I, Mục II.9.a")
QUYEN_HAN_CHUC_VU = Style("Quyền hạn, chức vụ người ký", Range(13, 14, 14), bold=True, upper=True, ref="Phụ lục I, Mục II.7.đ")
HO_TEN_NGUOI_KY = Style("Họ tên người ký", Range(13, 14, 14), bold=True, ref="Phụ lục I, Mục II.7.đ")
NOI_NHAN_NHAN = Style("Nhãn “Nơi nhận:”", Range(12, 12, 12), bold=True, italic=True, ref="Phụ lục I, Mục II.9.b")
NOI_NHAN_DANH_SACH = Style("Danh sách nơi nhận", Range(11, 11, 11), bold=False, ref="Phụ lục I, Mục II.9.b")
KY_HIEU_NGUOI_SOAN = Style("Ký hiệu người soạn thảo, số lượng bản", Range(11, 11, 11), bold=False, ref="Phụ lục I, Mục III.4")
SO_TRANG = Style("Số trang", Range(13, 14, 14), bold=False, ref="Phụ lục I, Mục III.1.đ")
SAO_Y_TRICH_SAO = Style("Hình thức sao", Range(13, 14, 14), bold=True, upper=True, ref="Phụ lục I, Phần II, Mục II")
# Phụ lục (Điều 8.3; Phụ lục I, Mục III.1): "Phụ lục I" 14 pt bold, its title in capitals bold, the
# reference line "(Kèm theo …)" italic, all centred on a page of their own; table cells a size under
# the body (docgen's choice, as offices print them).
PHU_LUC_SO = Style("Phụ lục: số", Range(14, 14, 14), bold=True, ref="Phụ lục I, Mục III.1")
PHU_LUC_TEN = Style("Phụ lục: tên", Range(13, 14, 14), bold=True, upper=True, ref="Phụ lục I, Mục III.1")
PHU_LUC_KEM_THEO = Style("Phụ lục: dòng kèm theo", Range(13, 14, 14), bold=False, italic=True, ref="Phụ lục I, Mục III.1")
BANG_O = Style("Ô bảng phụ lục", Range(12, 13, 13), bold=False, ref="Phụ lục I, Mục III.1")

# Phụ lục I, Mục II.6.e: lùi đầu dòng 1 cm hoặc 1,27 cm; khoảng cách giữa các đoạn văn
# tối thiểu 6 pt; khoảng cách giữa các dòng tối thiểu dòng đơn, tối đa 1,5 dòng.
FIRST_LINE_INDENT_CM = (1.0, 1.27)
FIRST_LINE_INDENT = Cm(FIRST_LINE_INDENT_CM[0])
# Both are office choices (docgen.yaml `trinh_bay`); the chosen defaults are measured, not
# taken from taste: see README "Line and paragraph spacing" and bench/spacing_pages.py.
PARAGRAPH_SPACING_MIN_PT = 6
PARAGRAPH_SPACING_RANGE = Range(6, 24, 6)  # the decree sets no maximum; 24 pt (two lines) bounds a typo
PARAGRAPH_SPACING = Pt(PARAGRAPH_SPACING_RANGE.chosen)
LINE_SPACING_RANGE = Range(1.0, 1.5, 1.0)  # single: measured, see README

# Header rules (Phụ lục I, Mục II.2.b, II.1.b, II.5.a): under the issuing agency and the
# trích yếu a rule of 1/3 to 1/2 of the text line; under the tiêu ngữ one as long as it.
RULE_FRACTION = Range(1 / 3, 1 / 2, 0.4)
RULE_WEIGHT_EIGHTHS = 6  # 3/4 pt, a thin solid line (nét liền)

# Fixed texts (Phụ lục I, Mục II.1).
QUOC_HIEU_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU_TEXT = "Độc lập - Tự do - Hạnh phúc"

# docgen's header table split (not fixed by the decree): the left column holds ô 2-3,
# the right ô 1 and ô 4; the Quốc hiệu at 12 pt bold must fit the right one on one line.
HEADER_LEFT_MM = 62


def text_width_mm() -> float:
    """Width of the text area with docgen's margins."""
    return 210 - MARGIN_LEFT_MM.chosen - MARGIN_RIGHT_MM.chosen
SIGN_LEFT_MM = 80  # Nơi nhận column; the signer's column takes the rest
SIGNATURE_GAP_PT = 84  # ô 7c: room above the name for the signature and the seal (about 3 cm)
HEADER_DISTANCE_MM = 10  # the page number sits inside the 20 mm top margin
NOI_NHAN_HANG_PT = 6.4  # width of "- " at 11 pt in Times New Roman: wrapped items continue under the text
# Kính gửi (ô 9a) as Mẫu 1.5 sets it [sample]: "Kính gửi:" 3.5 cm in, the "- …;" lines 4.5 cm in,
# and 12 pt above it.
KINH_GUI_INDENT_CM = 3.5
KINH_GUI_LIST_INDENT_CM = 4.5
KINH_GUI_BEFORE_PT = 12
