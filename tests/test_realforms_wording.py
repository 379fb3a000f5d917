"""More forms real notices use (issue #12): Kính gửi on a thông báo, the office's wording of the
opening and closing written from the meeting (cuoc_hop.loi_van), months printed with two digits,
and the checker reading a signer block whose name is left blank."""

from __future__ import annotations

import pytest

from docgen.model.build import build
from docgen.plumbing.errors import SpecError
from docgen.spec import load_spec_text

BASE = """\
loai: thong-bao
co_quan: {chu_quan: UBND TỈNH A, ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}
dia_danh: A
ngay: 9/10/2023
trich_yeu: Kết luận
noi_dung: [Nội dung.]
nguoi_ky: {quyen_han: [KT. CHÁNH VĂN PHÒNG], chuc_vu: Phó Chánh Văn phòng, ho_ten: Trần B}
noi_nhan: [X]
"""

MEETING = """\
cuoc_hop:
  ten: cuộc họp về dự án Y
  ten_ngan: cuộc họp
  ngay: 6/10/2023
  dia_diem: trụ sở UBND tỉnh
  chu_tri: {ho_ten: Nguyễn C, chuc_vu: Phó Chủ tịch UBND tỉnh}
  thanh_phan:
    - đại diện Sở Xây dựng
    - đại diện UBND huyện Z
"""


def doc_of(extra: str):
    return build(load_spec_text(BASE + extra))


def test_a_notice_may_be_addressed():
    one = doc_of("mo_dau: Mở đầu.\nket_thuc: Hết.\nkinh_gui: UBND huyện Z\n")
    assert one.kinh_gui == ("Kính gửi: UBND huyện Z",)
    many = doc_of("mo_dau: Mở đầu.\nket_thuc: Hết.\nkinh_gui:\n  - Các sở, ban, ngành tỉnh\n  - UBND huyện Z\n")
    assert many.kinh_gui == ("Kính gửi:", "- Các sở, ban, ngành tỉnh;", "- UBND huyện Z.")
    assert doc_of("mo_dau: Mở đầu.\nket_thuc: Hết.\n").kinh_gui == ()


def test_a_kinh_gui_whose_commas_cut_a_name_is_refused():
    with pytest.raises(SpecError):
        load_spec_text(BASE + "mo_dau: Mở đầu.\nket_thuc: Hết.\nkinh_gui: [UBND các huyện, thành phố]\n")


def test_the_default_opening_and_closing_are_unchanged():
    doc = doc_of(MEETING)
    assert doc.body[0].text == (
        "Ngày 06 tháng 10 năm 2023, tại trụ sở UBND tỉnh, đồng chí Nguyễn C - Phó Chủ tịch UBND tỉnh chủ trì cuộc "
        "họp về dự án Y. Tham dự có các đồng chí: đại diện Sở Xây dựng; đại diện UBND huyện Z. Sau khi nghe báo cáo "
        "và ý kiến thảo luận của các đại biểu, đồng chí Nguyễn C - Phó Chủ tịch UBND tỉnh kết luận như sau:")
    assert doc.body[-1].text.startswith("Trên đây là kết luận của đồng chí Nguyễn C - Phó Chủ tịch UBND tỉnh tại "
                                        "cuộc họp, Văn phòng UBND tỉnh thông báo để")


def test_the_offices_wording_of_the_opening():
    doc = doc_of(MEETING + """\
  loi_van:
    kieu_ngay: so
    buoi: Chiều
    tham_du: tham gia cuộc họp có
    sau_khi: Sau khi nghe báo cáo của Sở Xây dựng
""")
    assert doc.body[0].text == (
        "Chiều ngày 06/10/2023, tại trụ sở UBND tỉnh, đồng chí Nguyễn C - Phó Chủ tịch UBND tỉnh chủ trì cuộc họp "
        "về dự án Y; tham gia cuộc họp có đại diện Sở Xây dựng; đại diện UBND huyện Z. Sau khi nghe báo cáo của Sở "
        "Xây dựng, đồng chí Nguyễn C - Phó Chủ tịch UBND tỉnh kết luận như sau:")
    upper = doc_of(MEETING + "  loi_van: {tham_du: \"Thành phần tham dự gồm:\"}\n")
    assert "dự án Y. Thành phần tham dự gồm: đại diện Sở Xây dựng; đại diện UBND huyện Z." in upper.body[0].text


def test_the_offices_verb_and_the_conclusion_in_a_paragraph_of_its_own():
    doc = doc_of(MEETING.replace("cuộc họp về dự án Y", "lãnh đạo huyện Z về dự án Y") + """\
  loi_van:
    dong_tu: đã chủ trì buổi làm việc với
    goi: chuc-vu-truoc
    tach_doan: [sau_khi]
    nhu_sau: "đã kết luận như sau:"
""")
    assert doc.body[0].text == (
        "Ngày 06 tháng 10 năm 2023, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Nguyễn C đã chủ trì buổi làm việc "
        "với lãnh đạo huyện Z về dự án Y. Tham dự có các đồng chí: đại diện Sở Xây dựng; đại diện UBND huyện Z.")
    assert doc.body[1].text == ("Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu, Phó Chủ tịch UBND tỉnh "
                                "Nguyễn C đã kết luận như sau:")
    apart = doc_of(MEETING + "  loi_van: {tach_doan: [thanh_phan, sau_khi], tham_du: Cùng dự có}\n")
    assert [p.text for p in apart.body[:3]] == [
        "Ngày 06 tháng 10 năm 2023, tại trụ sở UBND tỉnh, đồng chí Nguyễn C - Phó Chủ tịch UBND tỉnh chủ trì cuộc họp "
        "về dự án Y.", "Cùng dự có đại diện Sở Xây dựng; đại diện UBND huyện Z.",
        "Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu, đồng chí Nguyễn C - Phó Chủ tịch UBND tỉnh kết "
        "luận như sau:"]


@pytest.mark.parametrize(("form", "words"), [("thong-bao", "kết luận"), ("thong-bao-y-kien", "ý kiến kết luận")])
def test_the_offices_closing(form, words):
    doc = doc_of(MEETING + f"  loi_van: {{cau_ket: {form}, de: \"các cơ quan, đơn vị biết, thực hiện\"}}\n")
    assert doc.body[-1].text == (f"Văn phòng UBND tỉnh thông báo {words} của đồng chí Nguyễn C - Phó Chủ tịch UBND "
                                 "tỉnh tại cuộc họp để các cơ quan, đơn vị biết, thực hiện./.")


def test_an_office_that_prints_every_month_with_two_digits():
    spec = BASE.replace("ngay: 9/10/2023", "ngay: 9/3/2024") + "mo_dau: Mở đầu.\nket_thuc: Hết.\n"
    assert build(load_spec_text(spec)).date_line == "A, ngày 09 tháng 3 năm 2024"
    padded = build(load_spec_text(spec + "trinh_bay: {thang_hai_so: true}\n"))
    assert padded.date_line == "A, ngày 09 tháng 03 năm 2024"


def test_an_office_that_prints_numbers_with_three_digits():
    spec = BASE + "so: 12\nmo_dau: Mở đầu.\nket_thuc: Hết.\n"
    assert build(load_spec_text(spec)).number_line == "Số: 12/TB-VPUBND"
    padded = build(load_spec_text(spec + "trinh_bay: {so_chu_so: 3}\n"))
    assert padded.number_line == "Số: 012/TB-VPUBND" and padded.ky_hieu == "TB-VPUBND"
    assert build(load_spec_text(spec.replace("so: 12", "so: 5") + "trinh_bay: {so_chu_so: 3}\n")).number_line == \
        "Số: 005/TB-VPUBND"
    from docgen.distribute.numbering import so_ky_hieu
    assert so_ky_hieu(12, "CT-UBND", 3) == "012/CT-UBND" and so_ky_hieu(5, "CT-UBND") == "05/CT-UBND"  # the register


def test_the_checker_reads_a_blank_name_as_missing_not_as_the_last_title(tmp_path):
    from docgen.check import check_document
    from docgen.render.pipeline import render_document

    spec = (BASE.replace("ho_ten: Trần B", 'ho_ten: ""') + "so: 5\nmo_dau: Mở đầu.\nket_thuc: Hết.\n")
    doc = build(load_spec_text(spec))
    path = tmp_path / "tb.docx"
    path.write_bytes(render_document(doc))
    report = check_document(path, layout=False)
    assert not {"ND30-SIGNER-PREFIX", "ND30-SIGNER-CASE"} & report.failed_rules
    assert [f.expected for f in report.failures] == ["có họ tên người ký"]


def test_how_the_office_names_people_and_leads_into_the_conclusion():
    comma = doc_of(MEETING + "  loi_van: {goi: phay, nhu_sau: \"kết luận và chỉ đạo như sau:\"}\n")
    assert comma.body[0].text.startswith("Ngày 06 tháng 10 năm 2023, tại trụ sở UBND tỉnh, đồng chí Nguyễn C, Phó Chủ "
                                         "tịch UBND tỉnh chủ trì")
    assert comma.body[0].text.endswith("đồng chí Nguyễn C, Phó Chủ tịch UBND tỉnh kết luận và chỉ đạo như sau:")
    assert comma.body[-1].text.startswith("Trên đây là kết luận của đồng chí Nguyễn C, Phó Chủ tịch UBND tỉnh tại")
    title_first = doc_of(MEETING + "  loi_van: {goi: chuc-vu-truoc, cau_ket: ngan}\n")
    assert "tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Nguyễn C chủ trì" in title_first.body[0].text
    assert title_first.body[-1].text == ("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị, địa phương biết và "
                                         "thực hiện./.")


def test_an_ellipsis_joined_to_a_word_is_text_not_a_placeholder():
    from docgen.spec.checks import placeholder_problems
    from docgen.spec.yamlsource import parse_text

    def left(text: str) -> int:
        return len(placeholder_problems(parse_text(text, "x.yaml")))

    assert left("trich_yeu: Kết luận của Chủ tịch UBND tỉnh tại cuộc họp …\n") == 1  # what docgen new writes
    assert left("co_quan: {ten: UBND TỈNH …}\n") == 1
    assert left("trich_yeu: …\n") == 1
    assert left("doan: các Công ty nông, lâm nghiệp…)\n") == 0
    assert left("doan: trường học, bệnh viện,…, khôi phục sản xuất\n") == 0


def test_a_bold_number_before_a_bold_lead_is_one_bold_run():
    doc = build(load_spec_text(BASE.replace("noi_dung: [Nội dung.]", """noi_dung:
  - {muc: "**Các sở, ngành:** Là các đơn vị được lấy ý kiến.", dam_so: true}
  - {muc: Sở Tài chính theo dõi., dam_so: true}
""") + "mo_dau: Mở đầu.\nket_thuc: Hết.\n"))
    first, second = (p for p in doc.body if "Các sở" in p.text or "Sở Tài chính" in p.text)
    assert [r.text for r in first.runs if r.bold] == ["I. Các sở, ngành:"]
    assert [r.text for r in second.runs if r.bold] == ["II."]



def test_a_meeting_that_calls_people_ong_ba_does_not_list_its_attendees_as_dong_chi():
    doc = doc_of(MEETING.replace("  ngay: 6/10/2023\n", "  ngay: 6/10/2023\n  danh_xung: ông\n"))
    assert doc.body[0].text == (
        "Ngày 06 tháng 10 năm 2023, tại trụ sở UBND tỉnh, ông Nguyễn C - Phó Chủ tịch UBND tỉnh chủ trì cuộc "
        "họp về dự án Y. Tham dự có đại diện Sở Xây dựng; đại diện UBND huyện Z. Sau khi nghe báo cáo "
        "và ý kiến thảo luận của các đại biểu, ông Nguyễn C - Phó Chủ tịch UBND tỉnh kết luận như sau:")
