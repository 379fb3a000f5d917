"""Published documents typed as specs (issue #12): what docgen renders equals what was printed.

Each `tests/realdocs/<province>/<name>.txt` is the published text with its source header (see
its `# missing:` and `# notes:` lines); `<name>.yaml` is the spec a secretary writes for it, over
the folder's `docgen.yaml` when there is one. For every document the test asserts:

- the parts the published copy has (header lines, tên loại and trích yếu or V/v, Kính gửi, every
  body paragraph, the bold spans, Nơi nhận, the signer) equal what docgen builds, word for word;
- every assigned task is a task of the model (owners, co-operating agencies, deadlines);
- how many body paragraphs stayed free text (typed as written, not built from structure) and why;
- `docgen check --layout` finds nothing but the deviations the published document itself makes.

Normalisations (the only ones): runs of spaces are one space; "Số: 131 /TB" or "397 /UBND -TP" (a number
stamped into the blank) is "Số: 131/TB", "397/UBND-TP"; a bold span's trailing punctuation is not compared
("**trước ngày 10/12/2023.**" counts as bold "trước ngày 10/12/2023"). A footnote reference is
compared as the capture prints it, "[1]" after the word, and each "[1] …" row under the signer is the
footnote's text (chu_thich).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from docgen.model.build import build_documents
from docgen.spec import load_spec

HERE = Path(__file__).resolve().parent / "realdocs"
BOLD = re.compile(r"\*\*(.+?)\*\*")
NOTE_ROW = re.compile(r"^\[\d+\]\s+")  # a footnote as the capture prints it under the signer: "[1] …"


@dataclass(frozen=True)
class Meta:
    kind: str  # the document of the spec that reproduces the published one
    parts: frozenset[str]  # what the published copy has: header, title, kinh_gui, body, noi_nhan, signer
    tasks: tuple  # (owners, co-operating, deadlines) of every task the document assigns
    free: int  # body paragraphs typed as free text
    why_free: str
    trailing: int = 0  # lines after the body that are the portal's, not the document's
    bold: bool = True  # the published copy marks bold spans
    skip: dict[str, str] = field(default_factory=dict)  # a part not compared → why
    mark_dropped: bool = False  # the portal's copy ends without the closing "/." that docgen adds
    check_fails: dict[str, str] = field(default_factory=dict)  # rule → why the published document fails it


# The published copy does not show the signer: the name is left blank, and the checker reports
# exactly that (the last upper-case line under KT./TL./TM. is a title, not the name).
NO_NAME = "the signer's name is not in the published copy and is left blank"
BLANK_SIGNER = {"ND30-COMPONENTS": NO_NAME}
ALL = frozenset({"header", "title", "kinh_gui", "body", "noi_nhan", "signer"})
NO_TRICH_YEU = "the giấy mời prints no trích yếu under its tên loại"
BODY = frozenset({"title", "body"})
CAPITALS = {"ND30-TRICHYEU-CASE": "the trích yếu is printed in capitals, as the capture shows it"}

DOCS: dict[str, Meta] = {
    "dak-lak/thong-bao_dak-lak_131_2023-10": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("UBND thành phố Buôn Ma Thuột",), ("các đơn vị liên quan",), ("trước ngày 10/12/2023",)),
         (("Sở Tài nguyên và Môi trường",), (), ()),
         (("UBND thành phố Buôn Ma Thuột",), (), ("trong tháng 12/2023",)),
         (("UBND thành phố Buôn Ma Thuột",), ("Ban Tôn giáo tỉnh", "các đơn vị có liên quan"), ())),
        free=0, why_free="none: the opening and the closing are worded from cuoc_hop (loi_van: the date in "
                         "figures, the attendees joined by “; tham gia cuộc họp có”, the office's closing)",
        check_fails={"ND30-NOINHAN-LUU": "printed “Lưu VT, NNMT (đ_5b).” without the colon"}),
    "thua-thien-hue/thong-bao_thua-thien-hue_254_2022-09": Meta(
        "thong-bao", ALL,
        ((("Ban Chỉ huy PCTT và TKCN các huyện, thị xã và thành phố Huế", "các sở, ban ngành trong tỉnh"), (), ()),
         (("Các địa phương",), (), ()),
         (("Công ty TNHHNN một thành viên quản lý khai thác công trình thủy lợi tỉnh",), ("các địa phương",), ()),
         (("Chủ đầu tư",), (), ()),
         (("Các chủ công trình hồ chứa nước thủy lợi, thủy điện",), (), ())),
        free=2, why_free="the forecast paragraph and the closing sentence (the Kính gửi list is the notice's "
                         "kinh_gui, ô 9a)",
        check_fails={}),
    "an-giang/cong-van_an-giang_141_2022-05": Meta(
        "cong-van", ALL,
        ((("Các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện", "Ủy ban nhân dân các xã, thị trấn"), (),
          ("chậm nhất đến ngày 09/6/2022",)),),
        free=2, why_free="the grounds paragraph and the closing courtesy line (no task in them)"),
    "an-giang/cong-van_an-giang_155_2022-06": Meta(
        "cong-van", ALL,
        ((("Phòng Tư pháp huyện An Phú",), (), ()),),
        free=9, why_free="eight “Căn cứ …” lines and the closing courtesy line (no task in them)",
        check_fails={}),  # its “Căn cứ …” lines are upright, but a công văn has no căn cứ block to judge (Mẫu 1.5)
    "quang-tri/cong-van_quang-tri_6012_2023-11": Meta(
        # The letter of 14/11/2023 sets "trước ngày 21/11/2022", a year before itself: as thoi_han
        # docgen refuses it (a deadline before the document's date), so the spec keeps it in the text.
        "cong-van", BODY, ((("Sở Nông nghiệp và Phát triển nông thôn",), ("Sở Tài nguyên và Môi trường",), ()),),
        free=1, why_free="“UBND tỉnh có ý kiến như sau:”", trailing=1, bold=False, mark_dropped=True, check_fails=BLANK_SIGNER),
    "quang-tri/cong-van_quang-tri_1962_2024-04": Meta(
        "cong-van", BODY, ((("UBND huyện Triệu Phong",),
                            ("Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải", "các đơn vị liên quan"),
                            ("trước ngày 20/5/2024",)),),
        free=1, why_free="“UBND tỉnh có ý kiến như sau:”", trailing=1, bold=False, check_fails=BLANK_SIGNER),
    "lang-son/cong-van_lang-son_3585_2017-10": Meta(
        "cong-van", frozenset({"body"}),
        ((("Sở Tài nguyên và Môi trường",),
          ("Sở Nông nghiệp và Phát triển Nông thôn", "UBND các huyện, thành phố", "các cơ quan có liên quan"), ()),),
        free=3, why_free="the grounds paragraph, the note on the attachment, the closing sentence", bold=False, check_fails=BLANK_SIGNER),
    "bac-giang/cong-van_bac-giang_722_2013-03": Meta(
        "cong-van", frozenset({"kinh_gui", "body"}),
        ((("Sở Tài nguyên và Môi trường",), ("cơ quan liên quan",), ("trước ngày 15/4/2013",)),),
        free=2, why_free="the grounds paragraph and the note on the attachment", bold=False, check_fails=BLANK_SIGNER),
    "an-giang/thong-bao_an-giang_12_2023-04": Meta(
        "thong-bao", ALL - {"kinh_gui"}, (), free=9,
        why_free="four “Căn cứ” lines, “Xét đề nghị …”, the lead-in, the two decisions and the closing: a "
                 "land-recovery notice decides, it assigns no task (the closing's “yêu cầu các cơ quan, đơn vị có "
                 "liên quan …” names no agency)",
        check_fails={"ND30-CANCU-STYLE": "the notice prints its “Căn cứ …” lines upright"}),
    "ba-ria-vung-tau/cong-van_ba-ria-vung-tau_397_2025-03": Meta(
        "cong-van", ALL,
        ((("Đảng ủy, HĐND, UBMTTQVN và các ban, ngành, đoàn thể, khu phố và các cơ quan, đơn vị trường học trên "
           "địa bàn Phường 1",), (), ()),
         (("Bộ phận một cửa Phường 1",), (), ()),
         (("công chức Văn phòng - Thống kê phụ trách chuyển đổi số, CCHC",), ("bộ phận Tư pháp", "các bộ phận liên quan"), ()),
         (("bộ phận Văn hóa - Thông tin",), (), ()),
         (("Bộ phận Tư pháp",), (), ())),
        free=3, why_free="the two grounds paragraphs and the attachment line after ./. (ghi_sau)",
        check_fails={"ND30-DATE-PAD": "the ward prints “tháng 03” (trinh_bay.thang_hai_so); the decree pads "
                                      "only months 1 and 2"}),
    "ho-chi-minh/cong-van_ho-chi-minh_4085_2025-11": Meta(
        "cong-van", ALL,
        ((("Sở Nông nghiệp và Môi trường",), (), ("trước ngày 05/12/2025",)),
         (("Công an Thành phố",), (), ()),
         (("Ủy ban nhân dân các phường, xã, đặc khu",), (), ("trước ngày 31/12/2025",)),
         (("Sở Xây dựng",), (), ()),
         (("Sở Xây dựng",), ("Trung tâm Chuyển đổi số Thành phố", "Công an Thành phố", "Sở Nông nghiệp và Môi trường",
                             "Ủy ban nhân dân các phường, xã, đặc khu", "các đơn vị có liên quan"), ()),
         (("Sở Xây dựng",), ("Trung tâm Chuyển đổi số Thành phố",), ("trong tháng 12/2025",))),
        free=3, why_free="the grounds paragraph, “Chủ tịch … có ý kiến chỉ đạo như sau:” and the closing paragraph "
                         "(no task in them); the deadlines are written out (“trước ngày 05 tháng 12 năm 2025”) and "
                         "recognised as the thoi_han dates"),
    "ho-chi-minh/cong-van_ho-chi-minh_4240_2025-11": Meta(
        "cong-van", ALL,
        ((("người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập trực thuộc "
           "Ủy ban nhân Thành phố", "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu"), (), ("trước ngày 06/12/2025",)),
         (("Sở Nội vụ",), (), ())),
        free=4, why_free="three grounds paragraphs (the earlier letter, the Sở's proposal, the purpose) and the closing "
                         "“Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.” (no task in them)"),
    "ha-noi/giay-moi_ha-noi_584_2020-08": Meta(
        "giay-moi", ALL - {"kinh_gui"}, ((("Sở Y tế",), (), ()),),
        free=3, why_free="the opening (grounds and the invitation in one sentence), the line “* Văn phòng UBND Thành "
                         "phố đề nghị:” and the closing line; time, place and invitees are parts of the labelled form",
        check_fails={"ND30-COMPONENTS": NO_TRICH_YEU,
                     "ND30-CANCU-STYLE": "its opening “Căn cứ Công điện …, Văn phòng … kính mời …” is upright"}),
    "ha-noi/giay-moi_ha-noi_586_2020-08": Meta(
        "giay-moi", ALL, ((("Ban QLDA ĐTXD công trình Văn hóa - Xã hội Thành phố",), ("các đơn vị liên quan",), ()),),
        free=2, why_free="the invitation sentence (it names the meeting and its chair in its own words) and the closing "
                         "line; the preparation is a task written out (cau): its second clause, “các đơn vị dự họp "
                         "chuẩn bị ý kiến …”, asks every invitee and names no unit",
        check_fails={"ND30-COMPONENTS": NO_TRICH_YEU, "ND30-NOINHAN-LUU": "printed “Lưu VT, KGVXThanh.” without the colon",
                     "ND30-KINHGUI-FORM": "its fourth Kính gửi item ends with a full stop, not “;”"}),
    "ha-noi/giay-moi_ha-noi_587_2020-08": Meta(
        "giay-moi", ALL - {"kinh_gui"}, ((("Sở Y tế",), (), ()), (("UBND các quận, huyện, thị xã",), (), ())),
        free=4, why_free="the opening (the invitation with the meeting's subject), the italic note that the districts "
                         "invite their communes, the line “* Văn phòng UBND Thành phố đề nghị:” and the closing "
                         "line; time and the two bridge points with their invitees are parts of the labelled form",
        check_fails={"ND30-COMPONENTS": NO_TRICH_YEU}),
    "ha-noi/giay-moi_ha-noi_86_2020-08": Meta(
        "giay-moi", ALL - {"kinh_gui"}, ((("Đài Phát thanh và Truyền hình Hà Nội",), (), ()),),
        free=1, why_free="the closing line; the italic request in parentheses to the Đài is a task written out as "
                         "printed (cau); the invitation clause with its blank lines, “Tham dự cuộc họp về …”, time, "
                         "place and invitees are parts of the labelled form",
        check_fails={"ND30-BODY-STYLE": "its request to the Đài, in parentheses, is printed wholly in italics"}),
    "ha-noi/giay-moi_ha-noi_471_2020-08": Meta(
        "giay-moi", ALL - {"kinh_gui"}, ((("Trung tâm phát triển quỹ đất huyện Ba Vì",), (), ()),),
        free=2, why_free="the opening (the UBND huyện holds the meeting) and the closing line; the two blocks of "
                         "invitees, time and place are parts of the labelled form, the preparation a task",
        skip={"date": "printed “tháng 08”: the decree pads only months 1 and 2, docgen prints “tháng 8”",
              "signer": "printed “TL.CHỦ TỊCH” without the space the decree's “TL.” takes; docgen prints “TL. CHỦ TỊCH”"},
        check_fails={"ND30-COMPONENTS": NO_TRICH_YEU, "ND30-NOINHAN-LUU": "printed “Lưu VT.” without the colon"}),
    "ha-noi/giay-moi_ha-noi_354_2020-08": Meta(
        "giay-moi", ALL, ((("Sở Nông nghiệp và Phát triển nông thôn",
                            "Trung tâm Bảo vệ môi trường trong sản xuất nông nghiệp và xây dựng nông thôn mới Hà Nội"), (), ()),),
        free=2, why_free="the two opening paragraphs (the letter received, the purpose); the closing request is the "
                         "preparation task", bold=False,
        check_fails={"ND30-COMPONENTS": NO_TRICH_YEU, "ND30-NOINHAN-LUU": "printed “Lưu VT, …” without the colon",
                     "ND30-KINHGUI-FORM": "every Kính gửi item ends with a full stop, not “;”"}),
    "hai-duong/giay-moi_hai-duong_na_2018-02": Meta(
        "giay-moi", frozenset({"body"}), (), free=2,
        why_free="the opening sentence and the closing line; the numbered parts are fields of the numbered giấy mời "
                 "(the time is typed as published: “½ ngày, từ 7h30 -9h00, …”)", bold=False,
        check_fails={"ND30-COMPONENTS": "the province prints no trích yếu on its giấy mời, and " + NO_NAME}),
    "quang-tri/chi-thi_quang-tri_06_2025-11": Meta(
        "chi-thi", ALL - {"kinh_gui", "noi_nhan"},
        ((("Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ",), (), ()),
         (("Sở Nông nghiệp và Môi trường",), (), ()),
         (("Sở Tài chính",), (), ()),
         (("Công an tỉnh",), (), ()),
         (("Các chủ rừng là tổ chức",), (), ()),
         (("Các sở, ban, ngành liên quan",), ("các địa phương, đơn vị, chủ rừng",), ())),
        free=3, why_free="the two opening paragraphs (the situation; the grounds ending “Ủy ban nhân dân tỉnh yêu "
                         "cầu:”) and the closing sentence addressed to the heads of every agency; each item 1.–6. "
                         "is the task of the agency it names, its points under it",
        check_fails=CAPITALS),
    "chinh-phu/thong-bao_chinh-phu_636_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("Ủy ban nhân dân tỉnh Phú Thọ",), (), ()),) * 8  # items II.1–8
        + ((("Các Bộ, cơ quan liên quan",), (), ()),
           (("Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường"), ("các Bộ, cơ quan liên quan",),
            ("trong tháng 11/2025",)),
           (("Bộ Nội vụ",), (), ("trong tháng 11/2025",))),
        free=3, why_free="the three paragraphs of part I (the assessment); the opening, the “Sau khi …” paragraph "
                         "and the closing are worded from cuoc_hop (loi_van: dong_tu, tach_doan, goi, cau_ket); the "
                         "items of part II are tasks of the UBND tỉnh Phú Thọ, the closing names it",
        skip={"luu": "the capture's Lưu line “- Lưu: VT, QHĐP(2b)VQT” ends without a full stop"},
        check_fails=CAPITALS),
    "can-tho/chi-thi_can-tho_09_2025-11": Meta(
        "chi-thi", ALL - {"kinh_gui"},
        ((("Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan",), (), ()),
         (("Sở Nông nghiệp và Môi trường",), (), ()),
         (("Sở Xây dựng",), (), ()),
         (("Sở Y tế",), (), ()),
         (("Báo và Phát thanh, Truyền hình thành phố",), (), ()),
         (("Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành",), ("Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân xã, phường"), ()),
         (("Thanh tra thành phố",), (), ()),
         (("Công an thành phố",), (), ()),
         (("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ",), (), ()),
         (("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",), (), ()),
         (("Ủy ban nhân dân xã, phường",), (), ("trước ngày 31/12/2025",)),
         (("Các đơn vị cấp nước sạch trên địa bàn thành phố",), (), ()),
         (("Các tổ chức, cá nhân và hộ gia đình khai thác sử dụng tài nguyên nước dưới đất trên địa bàn",), (), ())),
        free=8, why_free="five opening paragraphs (the situation, results, shortcomings, causes, the lead-in ending "
                         "“… cụ thể như sau:”), items 2. and 3. (principles, no agency named) and the closing; every "
                         "heading 4.–12. is the task of the agency it names, 8. b)–d) tasks of the agencies given",
        check_fails=CAPITALS),
    "chinh-phu/thong-bao_chinh-phu_641_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("thành phố Đà Nẵng",), (), ()),
         (("Ủy ban nhân dân thành phố Đà Nẵng",), ("Bộ Nội vụ", "các bộ, ngành"), ()),
         (("Bộ Nội vụ",), (), ()),
         (("Các bộ, ngành",), ("Bộ Công an", "Bộ Khoa học và Công nghệ"), ())),
        free=4, why_free="the three paragraphs of the assessment (I.) and the closing “Văn phòng Chính phủ xin trân "
                         "trọng thông báo”; the three opening paragraphs are worded from cuoc_hop (loi_van: dong_tu, "
                         "tach_doan [thanh_phan, sau_khi]); the lead-in of points 1.–8. is the city's task",
        skip={"luu": "the capture's Lưu line “- Lưu: Văn thư, TCCV (02). CMP” ends without a full stop"},
        check_fails={**CAPITALS,
                     "ND30-NOINHAN-LUU": "printed “Lưu: Văn thư, …”, the word written out, where the decree has VT"}),
    "chinh-phu/thong-bao_chinh-phu_623_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("tỉnh Đắk Lắk",), (), ()),
         (("Bộ Tài chính",), (), ()),
         (("Bộ Tài chính",), (), ()),
         (("Ủy ban nhân dân tỉnh Đắk Lắk",), ("Bộ Xây dựng",), ()),
         (("Bộ Tài chính",), (), ()),
         (("Bộ Nông nghiệp và Môi trường",), ("Bộ Dân tộc và Tôn giáo", "Bộ Tài chính", "các cơ quan liên quan"), ()),
         (("Bộ Tài chính",), (), ()),
         (("Ủy ban nhân dân tỉnh Đắk Lắk",), (), ()),
         (("Bộ Nội vụ",), (), ("trong tháng 12/2025",))),
        free=10, why_free="the two opening paragraphs (the first adds, after the attendees, what the Deputy Prime "
                          "Minister did before the session: no field of cuoc_hop says that), the seven paragraphs of "
                          "the assessment (I.) and the label of III.5, whose two paragraphs are tasks of two ministries; "
                          "the closing is worded from cuoc_hop (cau_ket: ngan)",
        check_fails=CAPITALS),
    "dak-lak/chi-thi_dak-lak_012_2025-11": Meta(
        "chi-thi", ALL - {"kinh_gui"},
        ((("Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các xã, phường"), (), ()),
         (("Sở Khoa học và Công nghệ",), (), ()),
         (("Sở Nội vụ",), (), ()),
         (("Văn phòng UBND tỉnh",), (), ())),
        free=5, why_free="four opening paragraphs (results, shortcomings, causes, the lead-in) and the closing "
                         "addressed to every head of agency; each bold heading 1.–4. is the task of the agencies it "
                         "names, its points a) b) … under it",
        check_fails={**CAPITALS,
                     "ND30-SO-PAD": "the province prints its numbers with three digits, “012” "
                                    "(trinh_bay.so_chu_so); the decree pads only numbers below 10"}),
    "dak-lak/chi-thi_dak-lak_010_2025-11": Meta(
        "chi-thi", ALL - {"kinh_gui"},
        ((("Các cơ quan đăng ký đầu tư",), (), ()),
         (("Các sở, ban, ngành, địa phương",), (), ()),
         (("Sở Nông nghiệp và Môi trường",), (), ()),
         (("Sở Xây dựng",), (), ()),
         (("Sở Khoa học và Công nghệ",), (), ()),
         (("Sở Văn hóa, Thể thao và Du lịch",), (), ()),
         (("Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"), (), ()),
         (("Thuế tỉnh Đắk Lắk",), (), ()),
         (("UBND các xã, phường",), (), ()),
         (("Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Ban quản lý Khu Kinh tế Phú Yên",
           "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên", "Ban Quản lý các Khu công nghiệp tỉnh",
           "UBND cấp xã", "các Sở, ban, ngành quản lý quy hoạch"), (), ()),
         (("Các Sở, ban, ngành, UBND cấp xã",), ("Sở Tài chính",), ()),
         (("Cơ quan chủ trì giải quyết thủ tục đầu tư dự án",), (), ()),
         (("Cơ quan phối hợp",), (), ()),
         (("các Sở, ngành", "UBND cấp xã", "các đơn vị có liên quan"), (), ()),
         (("Thủ trưởng các Sở, ban, ngành", "Chủ tịch UBND cấp xã"), (), ()),
         (("Sở Tài chính",), (), ())),
        free=3, why_free="the two opening paragraphs (the situation; the Chủ tịch's lead-in) and the closing; the "
                         "duties of I.1 and I.2 are tasks of the bodies named, 2.2's points tasks of their agencies, "
                         "every item of II and III a task",
        skip={"luu": "the capture's Lưu line “- Lưu: VT, ĐTKT NN 10b” ends without a full stop"},
        check_fails={**CAPITALS, "ND30-SO-PAD": "the province prints its numbers with three digits, “010”"}),
    "chinh-phu/thong-bao_chinh-phu_634_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("Thường trực Tỉnh ủy",), (), ()),
         (("Bộ Nông nghiệp và Môi trường",), ("các Bộ, cơ quan và địa phương liên quan",), ("trong tháng 12/2025",)),
         (("Bộ Xây dựng",), (), ("trước ngày 31/12/2025",)),
         (("Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",), (), ("trong tháng 12/2025",)),
         (("Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",), (), ()),
         (("Ủy ban nhân dân tỉnh Thanh Hóa",),
          ("Bộ Công Thương", "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "các cơ quan liên quan"),
          ("trong tháng 12/2025",)),
         (("Ủy ban nhân dân tỉnh Thanh Hóa",), (), ("Quý I/2026",)),
         (("Ủy ban nhân dân tỉnh Thanh Hóa",), (), ("trước ngày 01/12/2025",)),
         (("Bộ Tài chính",), ("Bộ Xây dựng", "các cơ quan liên quan"), ("trước ngày 25/12/2025",)),
         (("Bộ Nội vụ",), ("các cơ quan liên quan",), ("trước ngày 30/11/2025",)),
         (("Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"), (),
          ("trong tháng 12/2025",)),
         (("Bộ Khoa học và Công nghệ",), (), ()),
         (("Các Bộ, cơ quan liên quan", "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
           "Tập đoàn Bưu chính viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
          ("tỉnh Thanh Hóa",), ())),
        free=10, why_free="the two opening paragraphs (the visits before the session; the Prime Minister's praise "
                          "before “kết luận như sau:”: no field of cuoc_hop says them), the three labels and four "
                          "paragraphs of the assessment (I.) and the closing; items III.4 and III.9 each give two "
                          "tasks in one paragraph (giao_viec); the deadlines are written out",
        skip={"luu": "the capture's Lưu line “- Lưu: Văn thư, QHĐP (2b) TĐT” ends without a full stop"},
        check_fails={**CAPITALS, "ND30-NOINHAN-LUU": "printed “Lưu: Văn thư, …”, the word written out"}),
    "chinh-phu/thong-bao_chinh-phu_637_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("Bộ Y tế", "Ban Quản lý dự án", "các nhà thầu", "các bộ, cơ quan liên quan"), (), ()),
         (("Bộ Y tế",), (), ("trước ngày 30/11/2025",)),
         (("Bộ Y tế",), ("Bộ Tài chính", "các bộ, cơ quan liên quan"), ()),
         (("Bộ trưởng Bộ Y tế", "Thứ trưởng Bộ Y tế phụ trách lĩnh vực"), (), ()),
         (("Bộ Công an",), (), ()),
         (("Bộ Xây dựng",), (), ()),
         (("Bộ Tài chính",), (), ()),
         (("Ủy ban nhân dân tỉnh Ninh Bình",), (), ())),
        free=1, why_free="item 1 (the praise); the opening, the “Sau khi …” paragraph and the closing are worded "
                         "from cuoc_hop (loi_van: dong_tu, tham_du, tach_doan, cau_ket: ngan, de); item 2's lead-in "
                         "asks four parties, its points (1)–(6) (danh_so “(1)”) are the tasks of the agencies each "
                         "names, the second dash under (1) Bộ Y tế's task with Bộ Tài chính; two footnotes (chu_thich)",
        check_fails=CAPITALS),
    "chinh-phu/thong-bao_chinh-phu_631_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("Bộ Nông nghiệp và Môi trường",), (), ()),
         (("Bộ Dân tộc và Tôn giáo",), (), ()),
         (("các Bộ, cơ quan",), (), ()),
         (("Bộ Nông nghiệp và Môi trường",), ("Bộ Dân tộc và Tôn giáo", "Bộ Tài chính"), ()),
         (("Bộ Nông nghiệp và Môi trường",), ("Bộ Dân tộc và Tôn giáo",), ()),
         (("Ủy ban Kinh tế và Tài chính của Quốc hội", "Hội đồng dân tộc của Quốc hội", "các Ủy ban của Quốc hội"),
          (), ()),
         (("các Bộ, cơ quan, địa phương",), (), ())),
        free=10, why_free="item 1 and its six paragraphs (the reasons for the merger, “Thứ nhất, …” to “Thứ tư, …”, "
                          "the praise), the labels of items 2. and 3. and point 2.(3) (the budget agreed, no agency "
                          "named); the opening, the “Sau khi …” paragraph and the closing are worded from cuoc_hop; "
                          "2.(2) gives two tasks in one paragraph (giao_viec); 3.(1)–(3) are built from nhiem_vu "
                          "(“Giao …”, “Đề nghị …”; names with their own “và” joined by commas)",
        check_fails={**CAPITALS, "ND30-NOINHAN-LUU": "printed “Lưu VT, NN (03). Hg.” without the colon"}),
    "chinh-phu/thong-bao_chinh-phu_659_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ"), (), ()),
         (("Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ"), (), ("trước ngày 05/12/2025",)),
         (("Bộ Tư pháp",), (), ("trước ngày 10/12/2025",)),
         (("Bộ Tài chính",), (), ()),
         (("Bộ Tư pháp",), ("Văn phòng Chính phủ",), ())),
        free=0, why_free="none: the opening, the “Sau khi …” paragraph and the closing are worded from cuoc_hop; "
                         "item 1 is the task of the heads of ministries and agencies, its five points under it, the "
                         "last giving two deadlines, the ministries' reports and the Bộ Tư pháp's summary (giao_viec); "
                         "items 2. and 3. are tasks; the deadlines are written out",
        check_fails=CAPITALS),
    "chinh-phu/thong-bao_chinh-phu_653_2025-11": Meta(
        "thong-bao", ALL - {"kinh_gui"},
        ((("Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam",), (), ()),
         (("Chủ đầu tư",), ("các đơn vị liên quan",), ("trong tháng 11/2025",)),
         (("Ủy ban nhân dân tỉnh Đồng Nai",), (), ("trong tháng 11/2025",)),
         (("Bộ Công Thương",), (), ()),
         (("Ủy ban nhân dân Thành phố Hồ Chí Minh",), (), ()),
         (("Bộ Công Thương",), (), ("trong tháng 12/2025",)),
         (("Bộ Xây dựng",), (), ()),
         (("Chủ đầu tư",), (), ("năm 2027",)),
         (("Ủy ban nhân dân Thành phố Hồ Chí Minh",), (), ("trong tháng 11/2025",)),
         (("Bộ Công Thương",), ("các bộ, cơ quan, đơn vị liên quan",), ())),
        free=4, why_free="the two a) paragraphs (the praise of each project's investor) and the two b) lead-ins "
                          "(“…, đề nghị:”); the opening, one paragraph with “Sau khi …”, and the closing are "
                          "worded from cuoc_hop; the points (i)–(iv) (danh_so “(i)”), 2.c) and 2.d) are tasks, the "
                          "deadlines written out",
        check_fails=CAPITALS),
    "chinh-phu/cong-van_chinh-phu_11414_2025-11": Meta(
        "cong-van", ALL,
        ((("Ủy ban nhân dân tỉnh Đồng Nai",), (), ("trước ngày 30/11/2025", "năm 2025")),
         (("Ủy ban nhân dân Thành phố Hồ Chí Minh",), (), ()),
         (("Bộ Xây dựng",), (), ("năm 2025",))),
        free=2, why_free="the grounds paragraph ending “… có ý kiến như sau:” and the closing “Văn phòng Chính phủ xin "
                         "thông báo …” (no task in them); items 1.–3. name the unit, item 1's points under it carry "
                         "its two deadlines",
        skip={"luu": "the capture's Lưu line “- Lưu: VT, CN (2). Ha” ends without a full stop",
              "noi_nhan_punct": "the item “- UBND các tỉnh Đồng Nai.” ends with a full stop; docgen closes every "
                                "item before Lưu with “;” (Phụ lục I, Mục II.9.b)"},
        check_fails={}),
    "bac-kan/thong-bao_bac-kan_na_2021-01": Meta(
        "thong-bao", frozenset({"body"}),
        ((("Uỷ ban nhân dân các xã, thị trấn",), (), ()),
         (("Trung tâm Văn hóa, thể thao & Truyền thông", "Cổng thông tin điện tử huyện"), (), ())),
        free=8, why_free="the opening sentence, the closing, and the schedule itself (items 1.–3.: the two dashed "
                         "lines and the two session hours under “1. Thời gian:”, the place, the registration day): "
                         "a notice of a schedule, not a meeting; items 4. and 5. are tasks (5. kept as posted, its "
                         "two bodies joined by “;” and no full stop: giao_viec)",
        trailing=2, bold=False),  # no number: a draft to the checker, which accepts the blank name
    "kon-tum/giay-moi_kon-tum_na_2012-07": Meta(
        "giay-moi", frozenset({"body"}), ((("các cơ quan, địa phương",), (), ("trước ngày 30/7/2012",)),),
        free=1, why_free="the closing line “Thông báo này thay cho giấy mời”; the six parts are the labelled form "
                         "(a part of the office's own, “Hình thức cuộc họp”: them), the invitees, the time as printed, "
                         "the two meeting rooms, and part 6. the agencies' task with its deadline, on the label's line "
                         "(cung_dong)",
        bold=False),
    "ninh-thuan/thong-bao_ninh-thuan_na_2019-12": Meta(
        "thong-bao", frozenset({"body"}),
        ((("Tất cả các cơ quan Đảng, Đoàn thể, Nhà nước, đơn vị lực lượng vũ trang, các doanh nghiệp thuộc các thành "
           "phần kinh tế, trường học, bệnh viện và nhà dân",), (), ()),
         (("Các cơ quan, đơn vị trong tỉnh",), (), ())),
        free=2, why_free="the opening sentence and item 1. (the day off, no task); items 2. and 3. name who acts "
                         "(giao: ten); no closing sentence (ket_thuc: false)",
        bold=False, mark_dropped=True),
    "dong-thap/cong-van_dong-thap_na_2019-10": Meta(
        "cong-van", frozenset({"title", "body"}), ((("Sở Văn hoá, Thể thao và Du lịch",), (), ()),),
        free=2, why_free="the paragraph on the Minister's decision ending “… có ý kiến chỉ đạo như sau:” and the "
                         "office's closing line (no task in them)",
        bold=False, mark_dropped=True),
}


# --------------------------------------------------------------------------- the published text

def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", "").replace("\\", "")).strip()


@dataclass
class Published:
    header: list[tuple[str, str]]  # rows "left | right" before the body
    lines: list[str]  # the rows without a column, in order (tên loại … closing)
    noi_nhan: list[str]
    signer: list[str]
    footnotes: list[str] = field(default_factory=list)  # "[1] …" rows under the signature block


def read_published(path: Path) -> Published:
    text = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    rows = [r.rstrip() for r in text.splitlines() if r.strip()]
    pub = Published([], [], [], [])
    at_list = False
    for row in rows:
        left, sep, right = row.partition(" | ")
        if not sep and row.endswith(" |"):
            left, sep, right = row[:-2], " | ", ""
        right = right.rstrip(" |")
        if _plain(left).startswith("Nơi nhận"):
            at_list = True
            left = ""
        if at_list and not sep and NOTE_ROW.match(row):
            pub.footnotes.append(_plain(NOTE_ROW.sub("", row)))
        elif at_list:
            if _plain(left):
                pub.noi_nhan.append(_plain(left))
            if _plain(right):
                pub.signer.append(_plain(right))
        elif sep and not _plain(left) and pub.lines:  # a signer column with no Nơi nhận beside it
            pub.signer.append(_plain(right))
        elif sep:
            pub.header.append((_plain(left), _plain(right)))
        else:
            pub.lines.append(row.strip())
    return pub


def _marked(paragraph) -> str:
    """The paragraph's text with each footnote reference shown as the capture prints it: "[1]"."""
    return "".join(r.text or f"[{r.note}]" for r in paragraph.runs)


def _bold_spans(line: str) -> list[str]:
    return [re.sub(r"\s+", " ", s.replace("\\*", "*")).strip().rstrip(".,;:") for s in BOLD.findall(line)]  # "\*": an asterisk printed


def _rendered_bold(paragraph) -> list[str]:
    return [r.text.strip().rstrip(".,;:") for r in paragraph.runs if r.bold and r.text.strip()]


# --------------------------------------------------------------------------- the tests

@pytest.fixture(scope="module", params=sorted(DOCS))
def case(request):
    name = request.param
    spec = load_spec(HERE / f"{name}.yaml")
    meta = DOCS[name]
    return name, meta, spec, build_documents(spec, [meta.kind])[meta.kind], read_published(HERE / f"{name}.txt")


def test_the_corpus_is_what_the_issue_asks_for():
    provinces = {name.split("/")[0] for name in DOCS}
    years = [int(re.search(r"_(\d{4})-\d\d$", name)[1]) for name in DOCS]
    assert len(DOCS) >= 9 and len(provinces) >= 3
    assert sum(y > 2020 for y in years) * 2 >= len(DOCS) - 1
    assert not provinces & {"dak-nong", "lam-dong"}
    for name in DOCS:
        head = (HERE / f"{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)[0]
        assert "# source:" in head and "# missing:" in head, name


def test_body_is_the_published_text(case):
    name, meta, _, doc, pub = case
    rendered = [_plain(_marked(p)) for p in doc.body]
    if meta.mark_dropped:
        rendered[-1] = rendered[-1].removesuffix("/.")
    lines = [_plain(line) for line in pub.lines]
    assert rendered[0] in lines, f"{name}: first paragraph not found in the published text"
    start = lines.index(rendered[0])
    end = start + len(rendered)
    assert lines[start:end] == rendered
    assert len(lines) - end == meta.trailing, f"{name}: published lines left over: {lines[end:]}"
    if meta.bold:
        for line, para in zip(pub.lines[start:end], doc.body):
            assert _rendered_bold(para) == _bold_spans(line), _plain(line)[:60]


def test_title_header_kinh_gui_noi_nhan_signer(case):
    name, meta, _, doc, pub = case
    lines = [_plain(x) for x in pub.lines]
    if "title" in meta.parts and meta.kind == "cong-van":
        assert next(x for x in lines if x.startswith("V/v ")) == doc.v_v
    elif "title" in meta.parts:  # a giấy mời may print no trích yếu
        assert lines[0] == doc.ten_loai and (not doc.trich_yeu or lines[1] == doc.trich_yeu)
    if "kinh_gui" in meta.parts:
        first = next(i for i, x in enumerate(lines) if x.startswith("Kính gửi"))
        assert lines[first:first + len(doc.kinh_gui)] == list(doc.kinh_gui)
    if "header" in meta.parts:
        number = next(i for i, (left, _) in enumerate(pub.header) if left.startswith("Số:"))
        agency = [left for left, _ in pub.header[:number] if left and left != "*"]
        assert agency == [*doc.parent_lines, *doc.agency_lines]
        assert re.sub(r"\s+([/-])", r"\1", pub.header[number][0]) == doc.number_line
        if "date" not in meta.skip:
            assert any(right == doc.date_line for _, right in pub.header)
    if "noi_nhan" in meta.parts:
        printed = list(doc.recipients)
        if "luu" in meta.skip:  # the copy's Lưu line lacks the full stop docgen closes it with
            printed[-1] = printed[-1].removesuffix(".")
        published = list(pub.noi_nhan)
        if "noi_nhan_punct" in meta.skip:  # an item the copy closes with "." where the list takes ";"
            published[:-1] = [re.sub(r"\.$", ";", line) for line in published[:-1]]
        assert published == printed
    if "signer" in meta.parts and "signer" not in meta.skip:
        assert pub.signer == [*doc.signer.titles, doc.signer.name]
    assert pub.footnotes == [_plain(note) for note in doc.footnotes]


def test_every_assigned_task_is_a_task(case):
    name, meta, _, doc, _ = case
    assert [(t.owners, t.cooperating, t.deadlines) for t in doc.tasks] == list(meta.tasks)


def free_paragraphs(spec, doc) -> int:
    """Body paragraphs typed as free text: a typed opening or closing, and every paragraph that is
    neither a task, nor under a task, nor a heading, nor a part of a structured giấy mời."""
    if doc.doc_type == "giay-moi":  # the parts are fields; typed: openings, free preparation lines, closing lines
        gm = spec.giay_moi
        opening = len(gm.mo_dau) + bool(gm.danh_so is not None and gm.danh_so.mo_dau)
        return opening + sum(isinstance(i, str) for i in gm.chuan_bi) + len(gm.luu_y)
    owned = [p for t in doc.tasks for p in t.paths]
    count = sum(1 for p in doc.body if p.path and not p.heading and not any(p.path[:len(o)] == o for o in owned))
    if doc.doc_type != "cong-van":
        count += len(spec.mo_dau) + isinstance(spec.ket_thuc, str) + len(spec.ghi_sau)  # false: no closing
    else:
        count += len(spec.cong_van.ghi_sau)
    return count


def test_free_text_is_counted(case):
    name, meta, spec, doc, _ = case
    assert free_paragraphs(spec, doc) == meta.free, meta.why_free


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_check_layout_passes(case, tmp_path):
    from docgen.check import check_document
    from docgen.render.pipeline import render_document

    name, meta, _, doc, _ = case
    path = tmp_path / "out.docx"
    path.write_bytes(render_document(doc))
    report = check_document(path, layout=True)
    assert report.failed_rules == set(meta.check_fails), [f.line() for f in report.failures]
