"""Every rule `docgen check` knows: id, decree reference, severity, whether --fix may change it.

The ids are stable: tools and people filter on them. A rule marked `layout` is judged only
from the PDF that LibreOffice lays out (`--layout`); every other rule is read from the .docx.
Severity "error" is a rule the decree states; "warning" is what the decree only shows in a
mẫu or what follows from it (nd30.md: [sample], [inference]). Both make the check fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..nd30 import layout as L
from .text import num, span

ERROR = "error"
WARNING = "warning"
SEVERITY_LABEL = {ERROR: "LỖI", WARNING: "CẢNH BÁO"}


@dataclass(frozen=True)
class Rule:
    id: str
    ref: str
    severity: str
    fixable: bool
    title: str
    layout: bool = False


_P1 = "Phụ lục I"
_FRACTION = "–".join(str(Fraction(v).limit_denominator(10)) for v in (L.RULE_FRACTION.low, L.RULE_FRACTION.high))

RULES: tuple[Rule, ...] = (
    # Page and text (Mục I).
    Rule("ND30-PAGE-SIZE", f"{_P1}, Mục I.3", ERROR, True, f"Khổ giấy A4 ({num(L.PAGE_WIDTH.mm)} × {num(L.PAGE_HEIGHT.mm)} mm)"),
    Rule("ND30-PAGE-ORIENT", f"{_P1}, Mục I.3", ERROR, False,
         "Trình bày theo chiều dài khổ A4; chỉ quay ngang trang có bảng, biểu"),
    Rule("ND30-MARGIN-TOP", f"{_P1}, Mục I.4", ERROR, True, f"Lề trên {span(L.MARGIN_TOP_MM, 'mm')}"),
    Rule("ND30-MARGIN-BOTTOM", f"{_P1}, Mục I.4", ERROR, True, f"Lề dưới {span(L.MARGIN_BOTTOM_MM, 'mm')}"),
    Rule("ND30-MARGIN-LEFT", f"{_P1}, Mục I.4", ERROR, True, f"Lề trái {span(L.MARGIN_LEFT_MM, 'mm')}"),
    Rule("ND30-MARGIN-RIGHT", f"{_P1}, Mục I.4", ERROR, True, f"Lề phải {span(L.MARGIN_RIGHT_MM, 'mm')}"),
    Rule("ND30-FONT", f"{_P1}, Mục I.2", ERROR, True, f"Phông chữ {L.FONT_NAME}"),
    Rule("ND30-FONT-COLOR", f"{_P1}, Mục I.2", ERROR, True, "Chữ màu đen"),
    Rule("ND30-UNICODE", f"{_P1}, Mục I.2 (TCVN 6909:2001)", WARNING, True,
         "Chữ tiếng Việt Unicode dựng sẵn (NFC)"),
    Rule("ND30-INVISIBLE", f"{_P1}, Mục I.2 (TCVN 6909:2001)", ERROR, True,
         "Không có ký tự điều khiển hướng chữ (bidi) hay ký tự vô hình (độ rộng 0) trong văn bản"),
    Rule("ND30-COMPONENTS", "Điều 8 khoản 2; Phụ lục I, Mục II", ERROR, False,
         "Có đủ các thành phần thể thức chính"),
    # Quốc hiệu và Tiêu ngữ (II.1).
    Rule("ND30-QH-TEXT", L.QUOC_HIEU.ref, ERROR, False, f"Quốc hiệu viết đúng: {L.QUOC_HIEU_TEXT}"),
    Rule("ND30-QH-SIZE", L.QUOC_HIEU.ref, ERROR, True, f"Quốc hiệu cỡ chữ {span(L.QUOC_HIEU.size)}"),
    Rule("ND30-QH-STYLE", L.QUOC_HIEU.ref, ERROR, False, "Quốc hiệu chữ đứng, đậm"),
    Rule("ND30-QH-CASE", L.QUOC_HIEU.ref, ERROR, False, "Quốc hiệu chữ in hoa"),
    Rule("ND30-QH-ALIGN", L.QUOC_HIEU.ref, ERROR, False, "Quốc hiệu canh giữa"),
    Rule("ND30-TN-TEXT", L.TIEU_NGU.ref, ERROR, False,
         f"Tiêu ngữ viết đúng: {L.TIEU_NGU_TEXT} (gạch nối, cách chữ hai bên)"),
    Rule("ND30-TN-SIZE", L.TIEU_NGU.ref, ERROR, True, f"Tiêu ngữ cỡ chữ {span(L.TIEU_NGU.size)}"),
    Rule("ND30-TN-STYLE", L.TIEU_NGU.ref, ERROR, False, "Tiêu ngữ chữ đứng, đậm"),
    Rule("ND30-TN-ALIGN", L.TIEU_NGU.ref, ERROR, False, "Tiêu ngữ canh giữa dưới Quốc hiệu"),
    Rule("ND30-TN-RULE", L.TIEU_NGU.ref, ERROR, False, "Có đường kẻ ngang nét liền dưới Tiêu ngữ"),
    # Tên cơ quan (II.2).
    Rule("ND30-CQ-PARENT-SIZE", L.CO_QUAN_CHU_QUAN.ref, ERROR, True, f"Tên cơ quan chủ quản cỡ chữ {span(L.CO_QUAN_CHU_QUAN.size)}"),
    Rule("ND30-CQ-PARENT-STYLE", L.CO_QUAN_CHU_QUAN.ref, ERROR, False, "Tên cơ quan chủ quản chữ đứng, không đậm"),
    Rule("ND30-CQ-SIZE", L.CO_QUAN_BAN_HANH.ref, ERROR, True, f"Tên cơ quan ban hành cỡ chữ {span(L.CO_QUAN_BAN_HANH.size)}"),
    Rule("ND30-CQ-STYLE", L.CO_QUAN_BAN_HANH.ref, ERROR, False, "Tên cơ quan ban hành chữ đứng, đậm"),
    Rule("ND30-CQ-CASE", L.CO_QUAN_BAN_HANH.ref, ERROR, False, "Tên cơ quan chữ in hoa"),
    Rule("ND30-CQ-ALIGN", L.CO_QUAN_BAN_HANH.ref, ERROR, False, "Tên cơ quan canh giữa"),
    Rule("ND30-CQ-RULE", L.CO_QUAN_BAN_HANH.ref, ERROR, False, "Có đường kẻ ngang nét liền dưới tên cơ quan ban hành"),
    # Số, ký hiệu (II.3).
    Rule("ND30-SO-FORM", "Phụ lục I, Mục II.3.c", ERROR, False, "Dòng số viết “Số: 05/TB-ABC” (chữ “Số”, dấu hai chấm, dấu /)"),
    Rule("ND30-SO-PAD", "Phụ lục I, Mục II.3.a", ERROR, True, "Số nhỏ hơn 10 ghi thêm số 0 phía trước"),
    Rule("ND30-SO-CODE", "Phụ lục I, Mục II.3.b; Phụ lục III, Mục I", ERROR, False,
         "Ký hiệu có chữ viết tắt đúng tên loại (công văn thì không có)"),
    Rule("ND30-SO-SPACE", "Phụ lục I, Mục II.3.c", ERROR, False, "Ký hiệu viết liền, không có dấu cách"),
    Rule("ND30-SO-CASE", "Phụ lục I, Mục II.3.c", ERROR, False, "Ký hiệu viết in hoa (trừ chữ viết tắt tên loại theo Phụ lục III)"),
    Rule("ND30-SO-SIZE", L.SO_KY_HIEU.ref, ERROR, True, f"Số, ký hiệu cỡ chữ {span(L.SO_KY_HIEU.size)}"),
    Rule("ND30-SO-STYLE", L.SO_KY_HIEU.ref, ERROR, False, "Số, ký hiệu chữ đứng, không đậm"),
    Rule("ND30-SO-ALIGN", L.SO_KY_HIEU.ref, ERROR, False, "Số, ký hiệu canh giữa dưới tên cơ quan"),
    # Địa danh, thời gian (II.4).
    Rule("ND30-DATE-FORM", L.DIA_DANH_NGAY.ref, ERROR, False,
         "Địa danh và ngày viết “Địa danh, ngày … tháng … năm …” bằng chữ số Ả Rập"),
    Rule("ND30-DATE-PAD", "Phụ lục I, Mục II.4.b", ERROR, True,
         "Ngày dưới 10 và tháng 1, 2 có số 0 phía trước; tháng 3–12 thì không"),
    Rule("ND30-DATE-SIZE", L.DIA_DANH_NGAY.ref, ERROR, True, f"Địa danh và ngày cỡ chữ {span(L.DIA_DANH_NGAY.size)}"),
    Rule("ND30-DATE-STYLE", L.DIA_DANH_NGAY.ref, ERROR, False, "Địa danh và ngày chữ nghiêng, không đậm"),
    Rule("ND30-DATE-ALIGN", L.DIA_DANH_NGAY.ref, ERROR, False, "Địa danh và ngày canh giữa dưới Tiêu ngữ"),
    # Tên loại, trích yếu (II.5).
    Rule("ND30-TENLOAI-SIZE", L.TEN_LOAI.ref, ERROR, True, f"Tên loại cỡ chữ {span(L.TEN_LOAI.size)}"),
    Rule("ND30-TENLOAI-STYLE", L.TEN_LOAI.ref, ERROR, False, "Tên loại chữ đứng, đậm"),
    Rule("ND30-TENLOAI-CASE", L.TEN_LOAI.ref, ERROR, False, "Tên loại chữ in hoa"),
    Rule("ND30-TENLOAI-ALIGN", L.TEN_LOAI.ref, ERROR, False, "Tên loại canh giữa"),
    Rule("ND30-TRICHYEU-SIZE", L.TRICH_YEU.ref, ERROR, True, f"Trích yếu cỡ chữ {span(L.TRICH_YEU.size)}"),
    Rule("ND30-TRICHYEU-STYLE", L.TRICH_YEU.ref, ERROR, False, "Trích yếu chữ đứng, đậm"),
    Rule("ND30-TRICHYEU-CASE", L.TRICH_YEU.ref, ERROR, False, "Trích yếu chữ in thường"),
    Rule("ND30-TRICHYEU-ALIGN", L.TRICH_YEU.ref, ERROR, False, "Trích yếu canh giữa"),
    Rule("ND30-TRICHYEU-RULE", L.TRICH_YEU.ref, ERROR, False, "Có đường kẻ ngang nét liền dưới trích yếu"),
    Rule("ND30-VV-FORM", L.TRICH_YEU_CONG_VAN.ref, ERROR, False, "Trích yếu công văn bắt đầu bằng “V/v ” (không có dấu hai chấm)"),
    Rule("ND30-VV-SIZE", L.TRICH_YEU_CONG_VAN.ref, ERROR, True, f"Trích yếu công văn cỡ chữ {span(L.TRICH_YEU_CONG_VAN.size)}"),
    Rule("ND30-VV-STYLE", L.TRICH_YEU_CONG_VAN.ref, ERROR, False, "Trích yếu công văn chữ đứng, không đậm"),
    Rule("ND30-VV-ALIGN", L.TRICH_YEU_CONG_VAN.ref, ERROR, False, "Trích yếu công văn canh giữa dưới số, ký hiệu"),
    # Nội dung (II.6).
    Rule("ND30-BODY-SIZE", L.NOI_DUNG.ref, ERROR, True, f"Nội dung cỡ chữ {span(L.NOI_DUNG.size)}"),
    Rule("ND30-BODY-STYLE", L.NOI_DUNG.ref, ERROR, False, "Nội dung chữ đứng"),
    Rule("ND30-BODY-ALIGN", L.NOI_DUNG.ref, ERROR, False, "Nội dung canh đều hai lề"),
    Rule("ND30-BODY-INDENT", L.NOI_DUNG.ref, ERROR, True, f"Lùi đầu dòng {' cm hoặc '.join(num(v) for v in L.FIRST_LINE_INDENT_CM)} cm (thụt lề, không dùng tab)"),
    Rule("ND30-BODY-SPACING", L.NOI_DUNG.ref, ERROR, True, f"Khoảng cách giữa các đoạn văn tối thiểu {L.PARAGRAPH_SPACING_MIN_PT} pt"),
    Rule("ND30-BODY-LINE", L.NOI_DUNG.ref, ERROR, True, f"Khoảng cách dòng từ dòng đơn đến {num(L.LINE_SPACING_RANGE.high)} dòng"),
    Rule("ND30-CANCU-STYLE", "Phụ lục I, Mục II.6 (căn cứ ban hành)", ERROR, False, "Căn cứ ban hành chữ nghiêng"),
    Rule("ND30-END-MARK", "Phụ lục III, Mẫu 1.4, 1.5, 1.7", WARNING, False, "Nội dung kết thúc bằng dấu “./.”"),
    Rule("ND30-KINHGUI-FORM", L.KINH_GUI.ref, ERROR, False,
         "“Kính gửi:” có dấu hai chấm; nhiều nơi thì mỗi dòng “- …;”, dòng cuối kết thúc bằng dấu chấm"),
    Rule("ND30-KINHGUI-SIZE", L.KINH_GUI.ref, ERROR, True, f"Kính gửi cỡ chữ {span(L.KINH_GUI.size)}"),
    # Chức vụ, họ tên người ký (II.7).
    Rule("ND30-SIGNER-PREFIX", "Phụ lục I, Mục II.7.b", ERROR, False,
         "Quyền hạn ký viết đúng “TM.”, “KT.”, “Q.”, “TL.”, “TUQ.” và có dòng chức vụ dưới"),
    Rule("ND30-SIGNER-CASE", L.QUYEN_HAN_CHUC_VU.ref, ERROR, False, "Quyền hạn, chức vụ in hoa; họ tên in thường"),
    Rule("ND30-SIGNER-SIZE", L.QUYEN_HAN_CHUC_VU.ref, ERROR, True, f"Quyền hạn, chức vụ và họ tên người ký cỡ chữ {span(L.QUYEN_HAN_CHUC_VU.size)}"),
    Rule("ND30-SIGNER-STYLE", L.QUYEN_HAN_CHUC_VU.ref, ERROR, False, "Quyền hạn, chức vụ và họ tên người ký chữ đứng, đậm"),
    Rule("ND30-SIGNER-ALIGN", L.QUYEN_HAN_CHUC_VU.ref, ERROR, False, "Khối chữ ký canh giữa"),
    Rule("ND30-SIGNER-DEGREE", L.HO_TEN_NGUOI_KY.ref, WARNING, False, "Không ghi học hàm, học vị trước họ tên người ký"),
    # Nơi nhận (II.9).
    Rule("ND30-NOINHAN-LABEL", L.NOI_NHAN_NHAN.ref, ERROR, False, "Nhãn viết “Nơi nhận:” (có dấu hai chấm)"),
    Rule("ND30-NOINHAN-LABEL-SIZE", L.NOI_NHAN_NHAN.ref, ERROR, True, f"Nhãn “Nơi nhận:” cỡ chữ {span(L.NOI_NHAN_NHAN.size)}"),
    Rule("ND30-NOINHAN-LABEL-STYLE", L.NOI_NHAN_NHAN.ref, ERROR, False, "Nhãn “Nơi nhận:” chữ nghiêng, đậm"),
    Rule("ND30-NOINHAN-ITEM-SIZE", L.NOI_NHAN_DANH_SACH.ref, ERROR, True, f"Danh sách nơi nhận cỡ chữ {span(L.NOI_NHAN_DANH_SACH.size)}"),
    Rule("ND30-NOINHAN-ITEM-STYLE", L.NOI_NHAN_DANH_SACH.ref, ERROR, False, "Danh sách nơi nhận chữ đứng, không đậm"),
    Rule("ND30-NOINHAN-PUNCT", L.NOI_NHAN_DANH_SACH.ref, ERROR, False, "Mỗi nơi nhận một dòng “- …;”"),
    Rule("ND30-NOINHAN-LUU", L.NOI_NHAN_DANH_SACH.ref, ERROR, False, "Dòng cuối “- Lưu: VT, ….” kết thúc bằng dấu chấm"),
    Rule("ND30-NOINHAN-ALIGN", L.NOI_NHAN_DANH_SACH.ref, ERROR, False, "Nơi nhận sát lề trái"),
    Rule("ND30-NOINHAN-NHUTREN", L.NOI_NHAN_DANH_SACH.ref, ERROR, False,
         "Văn bản có “Kính gửi” thì nơi nhận đầu tiên là “- Như trên;”"),
    # Biên bản (Phụ lục III, Mẫu 1.9; docs/nd30-bien-ban.md).
    Rule("ND30-BB-MUC", "Phụ lục III, Mẫu 1.9", WARNING, False,
         "Biên bản ghi lần lượt thời gian bắt đầu, địa điểm, thành phần tham dự, chủ trì, thư ký; "
         "dòng cuối ghi giờ kết thúc"),
    Rule("ND30-BB-KY", "Phụ lục III, Mẫu 1.9", WARNING, False,
         "Biên bản có hai chữ ký cạnh nhau: THƯ KÝ bên trái, CHỦ TỌA bên phải"),
    # Phụ lục (Điều 8.3; Phụ lục I, Mục III.1): its three opening lines; its content is its own.
    Rule("ND30-PL-SO-FORM", L.PHU_LUC_SO.ref, ERROR, False,
         "Phụ lục bắt đầu từ trang mới, dòng “Phụ lục” (nhiều phụ lục: “Phụ lục I”, “Phụ lục II”), dưới là tên và dòng “(Kèm theo …)”"),
    Rule("ND30-PL-SO-SIZE", L.PHU_LUC_SO.ref, ERROR, True, f"Dòng “Phụ lục” cỡ chữ {span(L.PHU_LUC_SO.size)}"),
    Rule("ND30-PL-SO-STYLE", L.PHU_LUC_SO.ref, ERROR, False, "Dòng “Phụ lục” chữ đứng, đậm"),
    Rule("ND30-PL-SO-ALIGN", L.PHU_LUC_SO.ref, ERROR, False, "Dòng “Phụ lục” canh giữa"),
    Rule("ND30-PL-TEN-SIZE", L.PHU_LUC_TEN.ref, ERROR, True, f"Tên phụ lục cỡ chữ {span(L.PHU_LUC_TEN.size)}"),
    Rule("ND30-PL-TEN-STYLE", L.PHU_LUC_TEN.ref, ERROR, False, "Tên phụ lục chữ đứng, đậm"),
    Rule("ND30-PL-TEN-CASE", L.PHU_LUC_TEN.ref, ERROR, False, "Tên phụ lục chữ in hoa"),
    Rule("ND30-PL-TEN-ALIGN", L.PHU_LUC_TEN.ref, ERROR, False, "Tên phụ lục canh giữa"),
    Rule("ND30-PL-KEMTHEO-FORM", L.PHU_LUC_KEM_THEO.ref, ERROR, False,
         "Dòng “(Kèm theo <tên loại> số … ngày … của …)” dưới tên phụ lục"),
    Rule("ND30-PL-KEMTHEO-SIZE", L.PHU_LUC_KEM_THEO.ref, ERROR, True, f"Dòng “(Kèm theo …)” cỡ chữ {span(L.PHU_LUC_KEM_THEO.size)}"),
    Rule("ND30-PL-KEMTHEO-STYLE", L.PHU_LUC_KEM_THEO.ref, ERROR, False, "Dòng “(Kèm theo …)” chữ nghiêng, không đậm"),
    Rule("ND30-PL-KEMTHEO-ALIGN", L.PHU_LUC_KEM_THEO.ref, ERROR, False, "Dòng “(Kèm theo …)” canh giữa"),
    # Số trang (I.7, III.1.đ).
    Rule("ND30-PAGENUM-MISSING", f"{_P1}, Mục I.7", ERROR, True, "Văn bản nhiều trang được đánh số trang"),
    Rule("ND30-PAGENUM-FIRST", L.SO_TRANG.ref, ERROR, True, "Không hiển thị số trang ở trang thứ nhất"),
    Rule("ND30-PAGENUM-HEADER", L.SO_TRANG.ref, ERROR, True, "Số trang ở lề trên (đầu trang), không ở chân trang"),
    Rule("ND30-PAGENUM-ALIGN", L.SO_TRANG.ref, ERROR, True, "Số trang canh giữa"),
    Rule("ND30-PAGENUM-SIZE", L.SO_TRANG.ref, ERROR, True, f"Số trang cỡ chữ {span(L.SO_TRANG.size)}"),
    Rule("ND30-PAGENUM-STYLE", L.SO_TRANG.ref, ERROR, True, "Số trang chữ đứng"),
    # What only the laid-out page shows (--layout).
    Rule("ND30-LAYOUT-QH-LINE", L.QUOC_HIEU.ref, ERROR, False, "Quốc hiệu nằm trên một dòng", layout=True),
    Rule("ND30-LAYOUT-TN-RULE", L.TIEU_NGU.ref, ERROR, False, "Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ", layout=True),
    Rule("ND30-LAYOUT-CQ-RULE", L.CO_QUAN_BAN_HANH.ref, ERROR, False,
         f"Đường kẻ dưới tên cơ quan dài {_FRACTION} dòng chữ, đặt cân đối giữa", layout=True),
    Rule("ND30-LAYOUT-TRICHYEU-RULE", L.TRICH_YEU.ref, ERROR, False,
         f"Đường kẻ dưới trích yếu dài {_FRACTION} dòng chữ, đặt cân đối giữa", layout=True),
    Rule("ND30-LAYOUT-HEADER", "Phụ lục I, Mục II.4.c; Mục IV (sơ đồ)", ERROR, False,
         "Hai cột đầu văn bản nằm cạnh nhau: tên cơ quan ngang Quốc hiệu, số ngang địa danh và ngày", layout=True),
    Rule("ND30-LAYOUT-MARGINS", f"{_P1}, Mục I.4", ERROR, False, "Mọi nội dung in nằm trong lề trang", layout=True),
    Rule("ND30-LAYOUT-SIGNATURE", "Phụ lục I, Mục II.7.đ (ô 7c)", ERROR, False,
         "Chức vụ và họ tên người ký trên cùng một trang, đủ khoảng trống giữa để ký và đóng dấu", layout=True),
    # The decree fixes no page break; a heading alone at the foot of a page is what a văn thư
    # sends back (the issue #11 documents), so the rule cites the body's layout.
    Rule("ND30-LAYOUT-HEADING-KEEP", "Phụ lục I, Mục II.6 (bố cục nội dung)", ERROR, False,
         "Đề mục không đứng một mình cuối trang, tách khỏi nội dung của nó", layout=True),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
assert len(BY_ID) == len(RULES), "duplicate rule id"


def rule(rule_id: str) -> Rule:
    return BY_ID[rule_id]
