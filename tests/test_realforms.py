"""The forms real documents need (issue #12): signers, issuers, tasks, numbering, Nơi nhận,
opening and closing, the numbered giấy mời, marks and tails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.model.build import build, build_documents
from docgen.plumbing.errors import SpecError
from docgen.spec import load_spec, load_spec_text

BASE = """\
loai: thong-bao
co_quan: {ten: ỦY BAN NHÂN DÂN | HUYỆN A, viet_tat: UBND, ten_goi: UBND huyện}
dia_danh: A
ngay: /9/2021
trich_yeu: Kết luận
mo_dau: Mở đầu.
ket_thuc: Kết thúc.
nguoi_ky: {chuc_vu: Chủ tịch, ho_ten: B}
noi_nhan: [X]
"""


def doc_of(extra: str = "", body: str = "noi_dung: [Nội dung.]\n"):
    return build(load_spec_text(BASE + body + extra))


def texts(doc) -> list[str]:
    return [p.text for p in doc.body]


# --------------------------------------------------------------------------- signers (§5)

PROFILE = """\
co_quan: {chu_quan: UBND TỈNH HÀ TĨNH, ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}
co_quan_khac:
  ubnd: {ten: ỦY BAN NHÂN DÂN | TỈNH HÀ TĨNH, viet_tat: UBND, ten_goi: UBND tỉnh}
dia_danh: Hà Tĩnh
nguoi_ky:
  pcvp: {ho_ten: Trần Văn C, chuc_vu: Phó Chánh Văn phòng, tu_cach: thua-lenh-ky-thay, cap_truong: Chủ tịch, truong_don_vi: Chánh Văn phòng}
  pcvp2: {ho_ten: Trần Văn C, chuc_vu: Phó Chánh Văn phòng, quyen_han: [TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG]}
  qct: {ho_ten: Lê D, chuc_vu: Phó Chủ tịch, tu_cach: tap-the-quyen, tap_the: Ủy ban nhân dân, cap_truong: Chủ tịch}
luu: VT, TH
"""

SPEC = """\
loai: thong-bao
ngay: /9/2021
trich_yeu: Kết luận
mo_dau: Mở đầu.
noi_dung: [Nội dung.]
ket_thuc: Kết thúc.
noi_nhan: [X]
"""


@pytest.fixture
def office(tmp_path: Path) -> Path:
    (tmp_path / "docgen.yaml").write_text(PROFILE, encoding="utf-8")
    return tmp_path


def _spec(folder: Path, extra: str) -> Path:
    path = folder / "tb.yaml"
    path.write_text(SPEC + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize("who", ["pcvp", "pcvp2"])
def test_thua_lenh_passed_to_a_deputy_prints_three_lines(office, who):
    doc = build(load_spec(_spec(office, f"nguoi_ky: {who}\n")))
    assert doc.signer.titles == ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG")


def test_collective_acting_head(office):
    doc = build(load_spec(_spec(office, "nguoi_ky: qct\n")))
    assert doc.signer.titles == ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH")


def test_profile_authority_lines_are_checked_and_exclusive_with_tu_cach(tmp_path):
    (tmp_path / "docgen.yaml").write_text(
        "nguoi_ky:\n  x: {ho_ten: A, chuc_vu: B, quyen_han: [K.T. CHỦ TỊCH]}\n", encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(_spec(tmp_path, "nguoi_ky: x\n"))
    assert "K.T." in err.value.show()
    (tmp_path / "docgen.yaml").write_text(
        "nguoi_ky:\n  x: {ho_ten: A, chuc_vu: B, tu_cach: ky-thay, cap_truong: C, quyen_han: [KT. C]}\n", encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(_spec(tmp_path, "nguoi_ky: x\n"))
    assert "tu_cach" in err.value.show()


# --------------------------------------------------------------------------- several issuers

def test_spec_naming_its_own_issuer_replaces_the_whole_block(office):
    doc = build(load_spec(_spec(office, "nguoi_ky: pcvp\nco_quan: {ten: SỞ Y TẾ, viet_tat: SYT}\n")))
    assert doc.parent_lines == () and doc.agency_lines == ("SỞ Y TẾ",)


def test_issuer_named_by_id(office):
    doc = build(load_spec(_spec(office, "nguoi_ky: qct\nco_quan: ubnd\n")))
    assert doc.parent_lines == () and doc.agency_lines == ("ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH")
    assert doc.number_line.endswith("/TB-UBND")
    with pytest.raises(SpecError) as err:
        load_spec(_spec(office, "nguoi_ky: qct\nco_quan: sxd\n"))
    assert "ubnd" in err.value.show()


def test_child_profile_inherits_and_overrides(office):
    child = office / "so-y-te"
    child.mkdir()
    (child / "docgen.yaml").write_text(
        "ke_thua: true\nco_quan: {chu_quan: UBND TỈNH HÀ TĨNH, ten: SỞ Y TẾ, viet_tat: SYT}\n"
        "nguoi_ky:\n  gd: {ho_ten: Ng E, chuc_vu: Giám đốc}\n", encoding="utf-8")
    doc = build(load_spec(_spec(child, "nguoi_ky: gd\n")))
    assert doc.agency_lines == ("SỞ Y TẾ",) and doc.date_line.startswith("Hà Tĩnh,")
    assert doc.recipients[-1] == "- Lưu: VT, TH."
    doc = build(load_spec(_spec(child, "nguoi_ky: pcvp\n")))  # the parent's signers stay
    assert doc.signer.titles[0] == "TL. CHỦ TỊCH"


# --------------------------------------------------------------------------- tasks

def task_doc(block: str, extra: str = ""):
    return doc_of(extra, "noi_dung:\n" + block)


def test_lead_in_verbs_and_tiep_tuc():
    doc = task_doc("""\
  - {nhiem_vu: rà soát hồ sơ., chu_tri: Phòng Tài chính, phoi_hop: [Thanh tra huyện], giao: giao, tiep_tuc: true}
  - {nhiem_vu: báo cáo kết quả., chu_tri: UBND các xã, giao: yeu-cau}
  - {nhiem_vu: hỗ trợ kinh phí., chu_tri: Sở Tài chính, giao: de-nghi, hinh_thuc: doan}
""")
    assert texts(doc)[1:4] == [
        "- Giao Phòng Tài chính chủ trì, tiếp tục phối hợp với Thanh tra huyện rà soát hồ sơ.",
        "- Yêu cầu UBND các xã báo cáo kết quả.",
        "Đề nghị Sở Tài chính hỗ trợ kinh phí."]
    assert [t.owners for t in doc.tasks] == [("Phòng Tài chính",), ("UBND các xã",), ("Sở Tài chính",)]
    assert doc.tasks[0].cooperating == ("Thanh tra huyện",)


def test_agency_names_with_their_own_va_are_joined_by_commas():
    """“Bộ Dân tộc và Tôn giáo, Bộ Tài chính”: a second “và” would read as splitting a name; a
    group last (“các …”) still takes “và”; names without “và” are joined as before."""
    doc = task_doc("""\
  - {nhiem_vu: tiếp thu ý kiến., chu_tri: Bộ Nông nghiệp và Môi trường, phoi_hop: [Bộ Dân tộc và Tôn giáo, Bộ Tài chính], giao: giao}
  - {nhiem_vu: thẩm tra., chu_tri: [Ủy ban Kinh tế và Tài chính của Quốc hội, "các Ủy ban của Quốc hội"], giao: de-nghi}
  - {nhiem_vu: kiểm tra., chu_tri: [Sở Y tế, Sở Xây dựng]}
""")
    assert texts(doc)[1:4] == [
        "- Giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Dân tộc và Tôn giáo, Bộ Tài chính tiếp thu ý kiến.",
        "- Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội và các Ủy ban của Quốc hội thẩm tra.",
        "- Sở Y tế và Sở Xây dựng chủ trì kiểm tra."]
    assert doc.tasks[0].cooperating == ("Bộ Dân tộc và Tôn giáo", "Bộ Tài chính")


def test_numbered_task_with_lead_in_and_points_owned_by_it():
    doc = task_doc("""\
  - nhiem_vu: "thực hiện các nội dung sau:"
    chu_tri: Phòng Nội vụ
    giao: giao
    hinh_thuc: muc
    noi_dung:
      - muc: Rà soát biên chế.
      - muc: Báo cáo UBND huyện trước ngày 15/10/2021.
        thoi_han: 15/10/2021
""", "danh_so: \"1\"\n")
    assert texts(doc)[1:4] == ["1. Giao Phòng Nội vụ thực hiện các nội dung sau:", "a) Rà soát biên chế.",
                               "b) Báo cáo UBND huyện trước ngày 15/10/2021."]
    assert len(doc.tasks) == 1 and doc.tasks[0].deadline == "trước ngày 15/10/2021"
    assert not doc.body[1].heading


def test_deadline_in_the_following_paragraph_belongs_to_the_task():
    doc = task_doc("""\
  - nhiem_vu: tổng hợp ý kiến.
    chu_tri: Văn phòng HĐND và UBND huyện
    hinh_thuc: doan
  - doan: Báo cáo UBND huyện trước ngày 20/11/2025.
    thoi_han: 20/11/2025
""")
    assert texts(doc)[1:3] == ["Văn phòng HĐND và UBND huyện chủ trì tổng hợp ý kiến.",
                               "Báo cáo UBND huyện trước ngày 20/11/2025."]
    assert len(doc.tasks) == 1
    task = doc.tasks[0]
    assert task.deadlines == ("trước ngày 20/11/2025",) and task.more == (doc.body[2].path,)
    assert [r.text for r in doc.body[2].runs if r.bold] == ["trước ngày 20/11/2025"]


def test_two_deadlines_and_date_only_bold():
    doc = task_doc("""\
  - y: Sở Xây dựng báo cáo sơ bộ trước ngày 10/10/2021; báo cáo chính thức trước ngày 20/10/2021.
    chu_tri: Sở Xây dựng
    thoi_han: [10/10/2021, 20/10/2021]
    dam_thoi_han: ngay
""")
    assert [r.text for r in doc.body[1].runs if r.bold] == ["10/10/2021", "20/10/2021"]
    assert doc.tasks[0].deadlines == ("trước ngày 10/10/2021", "trước ngày 20/10/2021")


@pytest.mark.parametrize("deadline,sentence", [
    ("thường xuyên", "Thời gian thực hiện: **thường xuyên**."),
    ("định kỳ hằng tháng", "Thực hiện **định kỳ hằng tháng**."),
    ("Quý IV/2021", "Hoàn thành trong **Quý IV/2021**."),
    ("trong tháng 11/2025", "Hoàn thành **trong tháng 11/2025**."),
    ("15/10/2021", "Hoàn thành **trước ngày 15/10/2021**."),
])
def test_deadline_kinds_are_worded(deadline, sentence):
    from docgen.model.tasks import with_deadlines
    from docgen.spec.forms import to_deadlines
    assert with_deadlines("Sở Y tế chủ trì việc X.", to_deadlines(deadline)) == f"Sở Y tế chủ trì việc X. {sentence}"


def test_office_setting_for_tasks_and_per_task_override():
    doc = task_doc("""\
  - {nhiem_vu: làm A, chu_tri: Sở A, thoi_han: 1/12/2025}
  - {nhiem_vu: làm B, chu_tri: Sở B, giao: khong, dam_thoi_han: khong, thoi_han: 1/12/2025}
""", "cach_viet_nhiem_vu: {giao: giao, hinh_thuc: doan, dam_thoi_han: ngay}\n")
    assert texts(doc)[1:3] == ["Giao Sở A làm A. Hoàn thành trước ngày 01/12/2025.",
                               "Sở B chủ trì làm B. Hoàn thành trước ngày 01/12/2025."]
    assert [r.text for r in doc.body[1].runs if r.bold] == ["01/12/2025"]
    assert not any(r.bold for r in doc.body[2].runs)


# --------------------------------------------------------------------------- numbering

def test_decimal_sub_items_and_letters_under_them():
    doc = doc_of("danh_so: [I, \"1\", \"1.1\", a]\n", """\
noi_dung:
  - muc: NHIỆM VỤ
    noi_dung:
      - muc: Về đầu tư
        noi_dung:
          - muc: Giải ngân
            noi_dung: [{muc: điểm một}, {muc: điểm hai}]
          - muc: Đấu thầu
""")
    assert [t.split(" ")[0] for t in texts(doc)[1:7]] == ["I.", "1.", "1.1.", "a)", "b)", "1.2."]


def test_points_numbered_in_parentheses_under_an_item(tmp_path):
    """“(1)”, “(2)” under “2.”, as the Văn phòng Chính phủ numbers the points of an item; a label
    typed into the text is refused with the key that prints it."""
    import docx

    from docgen.render.pipeline import render_document

    doc = doc_of("danh_so: [\"1\", \"(1)\"]\n", """\
noi_dung:
  - muc: Ghi nhận.
  - muc: "Yêu cầu các bộ:"
    dam: false
    noi_dung:
      - {nhiem_vu: chỉ đạo Ban Quản lý dự án., chu_tri: Bộ Y tế, giao: ten, hinh_thuc: muc}
      - {muc: Bộ Công an phối hợp., so: "(3)", noi_dung: [{y: hướng dẫn thẩm định.}]}
""")
    assert texts(doc)[1:6] == ["1. Ghi nhận.", "2. Yêu cầu các bộ:", "(1) Bộ Y tế chỉ đạo Ban Quản lý dự án.",
                               "(3) Bộ Công an phối hợp.", "- hướng dẫn thẩm định."]
    assert len(doc.warnings) == 1 and "“(2)”" in doc.warnings[0]  # the label skips (2)
    path = tmp_path / "x.docx"
    path.write_bytes(render_document(doc))
    printed = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "(1) Bộ Y tế chỉ đạo Ban Quản lý dự án." in printed
    with pytest.raises(SpecError) as err:
        doc_of("danh_so: [\"1\", \"(1)\"]\n", "noi_dung:\n  - muc: \"(1) Bộ Y tế chỉ đạo.\"\n")
    assert "“(1)”" in err.value.show() and "so: \"(1)\"" in err.value.show()


def test_points_numbered_with_small_roman_numerals_under_a_letter():
    """“(i)”, “(ii)” … under “b)”: the label counts on, reads back from so:, and is refused typed in."""
    doc = doc_of("danh_so: [\"1\", a, \"(i)\"]\n", """\
noi_dung:
  - muc: Về Dự án
    noi_dung:
      - muc: "Đề nghị:"
        dam: false
        noi_dung:
          - {nhiem_vu: báo cáo Thủ tướng., chu_tri: Tập đoàn Điện lực, giao: ten, hinh_thuc: muc}
          - {muc: Bộ Công Thương chỉ đạo.}
          - {muc: Chủ đầu tư nỗ lực., so: "(iv)"}
""")
    assert [t.split(" ")[0] for t in texts(doc)[1:6]] == ["1.", "a)", "(i)", "(ii)", "(iv)"]
    assert len(doc.warnings) == 1 and "“(iii)”" in doc.warnings[0]
    assert not doc.body[3].heading and [t.owners for t in doc.tasks] == [("Tập đoàn Điện lực",)]
    with pytest.raises(SpecError) as err:
        doc_of("", "noi_dung:\n  - muc: \"(ii) Bộ Công Thương chỉ đạo.\"\n")
    assert "“(ii)”" in err.value.show()


def test_bold_number_regular_text_and_explicit_label_with_warning():
    doc = doc_of("danh_so: \"1\"\n", """\
noi_dung:
  - {muc: UBND huyện chỉ đạo., dam_so: true}
  - {muc: Phòng Y tế theo dõi., so: "3.", dam_so: true}
  - muc: Tiếp theo.
""")
    assert [(r.text, r.bold) for r in doc.body[1].runs] == [("1.", True), (" UBND huyện chỉ đạo.", False)]
    assert texts(doc)[2:4] == ["3. Phòng Y tế theo dõi.", "4. Tiếp theo."]
    assert len(doc.warnings) == 1 and "“2.”" in doc.warnings[0]


def test_office_numbering_from_the_profile(office):
    (office / "docgen.yaml").write_text(PROFILE + "danh_so: [\"1\", \"1.1\"]\n", encoding="utf-8")
    path = _spec(office, "nguoi_ky: qct\n").read_text(encoding="utf-8").replace(
        "noi_dung: [Nội dung.]", "noi_dung: [{muc: A, noi_dung: [{muc: B}]}]")
    (office / "tb.yaml").write_text(path, encoding="utf-8")
    doc = build(load_spec(office / "tb.yaml"))
    assert [p.text for p in doc.body[1:3]] == ["1. A", "1.1. B"]


# --------------------------------------------------------------------------- Nơi nhận

def test_recipient_groups_notes_as_typed_and_people():
    doc = build(load_spec_text(
        BASE.replace("noi_nhan: [X]\n", "") + "noi_dung: [Nội dung.]\nnoi_nhan:\n"
        "  - TT. Huyện ủy; (b/cáo)\n"
        "  - {nhom: [Phòng Nội vụ, Thanh tra huyện, Công an huyện], ghi_chu: (biết)}\n"
        "  - {nhom: [UBND xã A, UBND xã B], ghi_chu: (t/h), cach_in: ngoac}\n"
        "  - {ca_nhan: Nguyễn Văn A (thôn 3 xã B), ghi_chu: (để biết)}\n"))
    assert doc.recipients == (
        "- TT. Huyện ủy; (b/cáo)", "- Phòng Nội vụ;", "- Thanh tra huyện;", "- Công an huyện (biết);",
        "- UBND xã A;\t} (t/h)", "- UBND xã B;\t}", "- Nguyễn Văn A (thôn 3 xã B) (để biết);", "- Lưu: VT.")
    spec = load_spec_text(BASE.replace("noi_nhan: [X]\n", "") + "noi_dung: [Nội dung.]\nnoi_nhan:\n"
                          "  - TT. Huyện ủy; (b/cáo)\n  - {nhom: [Phòng Nội vụ, Thanh tra huyện], ghi_chu: (biết)}\n"
                          "  - {ca_nhan: Nguyễn Văn A}\n")
    assert spec.recipient_names == ["TT. Huyện ủy", "Phòng Nội vụ", "Thanh tra huyện", "Nguyễn Văn A"]
    assert spec.is_named_person("Nguyễn Văn A")


# --------------------------------------------------------------------------- opening and closing

MEETING = BASE.replace("ngay: /9/2021\n", "ngay: /12/2025\n").replace("mo_dau: Mở đầu.\n", "").replace("ket_thuc: Kết thúc.\n", "") + "noi_dung: [Nội dung.]\n"


def opening_of(meeting: str):
    return texts(build(load_spec_text(MEETING + "cuoc_hop:\n" + meeting)))


def test_field_inspection_with_another_person_concluding():
    body = opening_of("""\
  loai: kiem-tra
  ten: tiến độ dự án đường ven biển
  ngay: 12/11/2025
  dia_diem: huyện B
  danh_xung: ông
  chu_tri: {ho_ten: Nguyễn A, chuc_vu: Phó Chủ tịch UBND tỉnh}
  ket_luan: {ho_ten: Lê B, chuc_vu: Chủ tịch UBND tỉnh, danh_xung: bà}
  thanh_phan: [lãnh đạo Sở Xây dựng]
""")
    assert body[0] == ("Ngày 12 tháng 11 năm 2025, ông Nguyễn A - Phó Chủ tịch UBND tỉnh đã kiểm tra tiến độ dự án "
                       "đường ven biển, tại huyện B. Cùng đi có lãnh đạo Sở Xây dựng. Sau khi kiểm tra "
                       "thực tế, nghe báo cáo và ý kiến của các đại biểu, bà Lê B - Chủ tịch UBND tỉnh kết luận như sau:")
    assert body[-1].startswith("Trên đây là kết luận của bà Lê B - Chủ tịch UBND tỉnh tại buổi kiểm tra tiến độ")


def test_conference_organised_by_an_agency_with_a_short_name():
    body = opening_of("""\
  loai: hoi-nghi
  ten: Hội nghị tổng kết công tác cải cách hành chính năm 2025
  ten_ngan: Hội nghị
  to_chuc: Ủy ban nhân dân tỉnh
  ngay: 5/12/2025
  chu_tri: {ho_ten: Trần C, chuc_vu: Chủ tịch UBND tỉnh}
  noi_dung: [báo cáo tổng kết]
""")
    assert body[0] == ("Ngày 05 tháng 12 năm 2025, Ủy ban nhân dân tỉnh tổ chức Hội nghị tổng kết công tác cải cách "
                       "hành chính năm 2025, do đồng chí Trần C - Chủ tịch UBND tỉnh chủ trì.")
    assert body[1].startswith("Hội nghị tập trung vào các nội dung: báo cáo tổng kết. Sau khi nghe báo cáo và ý kiến "
                              "phát biểu của các đại biểu, đồng chí Trần C")
    assert body[-1].startswith("Trên đây là kết luận của đồng chí Trần C - Chủ tịch UBND tỉnh tại Hội nghị, ")


def test_working_session_and_citizen_reception():
    body = opening_of("""\
  loai: lam-viec
  ten: UBND huyện C về công tác giải phóng mặt bằng
  ngay: 3/10/2025
  chu_tri: {ho_ten: Đỗ D, chuc_vu: Phó Chủ tịch UBND tỉnh}
""")
    assert body[0].startswith("Ngày 03 tháng 10 năm 2025, đồng chí Đỗ D - Phó Chủ tịch UBND tỉnh có buổi làm việc với UBND huyện C")
    assert "tỉnh tại buổi làm việc với UBND huyện C về công tác giải phóng mặt bằng," in body[-1]
    body = opening_of("""\
  loai: tiep-cong-dan
  ten: buổi tiếp công dân định kỳ tháng 10/2025
  ngay: 15/10/2025
  chu_tri: {ho_ten: Đỗ D, chuc_vu: Chủ tịch UBND huyện}
""")
    assert "Sau khi nghe công dân trình bày và ý kiến của các cơ quan liên quan, đồng chí Đỗ D" in body[0]


# --------------------------------------------------------------------------- marks and tails

def test_urgency_and_secrecy_marks_under_the_number_and_a_line_after_the_end(tmp_path):
    from docx import Document as Docx

    from docgen.render.pipeline import render_document

    doc = doc_of("dau: {khan: HỎA TỐC, mat: MẬT}\nghi_sau: [(gửi kèm theo Phiếu ghi ý kiến)]\n")
    assert doc.marks == ("MẬT", "HỎA TỐC")
    assert texts(doc)[-2:] == ["Kết thúc./.", "(gửi kèm theo Phiếu ghi ý kiến)"]
    path = tmp_path / "x.docx"
    path.write_bytes(render_document(doc))
    cell = Docx(path).tables[0].cell(1, 0)
    assert [p.text for p in cell.paragraphs if p.text] == [doc.number_line, "MẬT", "HỎA TỐC"]
    plain = doc_of()
    path.write_bytes(render_document(plain))
    assert [p.text for p in Docx(path).tables[0].cell(1, 0).paragraphs if p.text] == [plain.number_line]


def test_archive_line_as_the_office_types_it():
    from docgen.nd30 import archive_line
    assert archive_line("Lưu VT, NNMT (đ_5b)") == "- Lưu VT, NNMT (đ_5b)."
    assert archive_line("Lưu: VT, NC.Tùng") == "- Lưu: VT, NC.Tùng."


# --------------------------------------------------------------------------- giấy mời, numbered form

GIAY_MOI = """\
van_ban: [giay-moi]
co_quan: {ten: ỦY BAN NHÂN DÂN | TỈNH A, viet_tat: UBND, ten_goi: Ủy ban nhân dân tỉnh}
dia_danh: A
nguoi_ky: {quyen_han: [TL. CHỦ TỊCH], chuc_vu: Chánh Văn phòng, ho_ten: C}
cuoc_hop:
  ten: họp nghe báo cáo tiến độ dự án đường ven biển
  ngay: 5/12/2025
  gio: 14h
  dia_diem: Phòng họp số 2, UBND tỉnh
  chu_tri: {ho_ten: Nguyễn A, chuc_vu: Phó Chủ tịch UBND tỉnh}
giay_moi:
  ngay: /12/2025
  moi: [Sở Xây dựng, Sở Tài chính]
  chuan_bi: [{don_vi: Sở Xây dựng, noi_dung: báo cáo tiến độ}]
"""


def test_numbered_invitation_from_the_office_profile(tmp_path):
    (tmp_path / "docgen.yaml").write_text(
        "giay_moi_danh_so:\n  mo_dau: Thực hiện Chương trình công tác tháng 12/2025, Ủy ban nhân dân tỉnh tổ chức họp.\n"
        "  kieu_gio: tu\n  trich_yeu: false\n", encoding="utf-8")
    (tmp_path / "gm.yaml").write_text(GIAY_MOI, encoding="utf-8")
    doc = build_documents(load_spec(tmp_path / "gm.yaml"))["giay-moi"]
    assert doc.trich_yeu == ""
    assert texts(doc) == [
        "Thực hiện Chương trình công tác tháng 12/2025, Ủy ban nhân dân tỉnh tổ chức họp.",
        "1. Chủ trì: Đồng chí Nguyễn A - Phó Chủ tịch UBND tỉnh.",
        "2. Thành phần mời:", "- Sở Xây dựng;", "- Sở Tài chính.",
        "3. Nội dung: họp nghe báo cáo tiến độ dự án đường ven biển.",
        "4. Thời gian: từ 14h00 ngày 05/12/2025 (chiều thứ Sáu).",
        "5. Địa điểm: Phòng họp số 2, UBND tỉnh.",
        "6. Phân công chuẩn bị:", "- Sở Xây dựng chuẩn bị báo cáo tiến độ./."]
    assert [r.text for r in doc.body[1].runs if r.bold] == ["1. Chủ trì:"]
    (tmp_path / "docgen.yaml").write_text("", encoding="utf-8")
    doc = build_documents(load_spec(tmp_path / "gm.yaml"))["giay-moi"]  # Mẫu 1.7 stays the default
    assert doc.trich_yeu and texts(doc)[0] == "Ủy ban nhân dân tỉnh trân trọng kính mời:"


NOTICE_FOR_INVITATION = GIAY_MOI.replace("  ngay: /12/2025\n", """\
  ngay: /12/2025
  ten_loai: THÔNG BÁO
  danh_so:
    muc: [hinh-thuc, thanh-phan, chuan-bi]
    them: {hinh-thuc: Trực tuyến qua hệ thống giao ban điện tử của tỉnh}
    nhan: {hinh-thuc: Hình thức cuộc họp, chuan-bi: Tài liệu}
    cung_dong: [chuan-bi]
""").replace("  chuan_bi: [{don_vi: Sở Xây dựng, noi_dung: báo cáo tiến độ}]\n", """\
  chuan_bi:
    - {cau: Ý kiến góp ý của các sở gửi về Văn phòng UBND tỉnh trước ngày 04/12/2025., don_vi: các sở, thoi_han: 4/12/2025}
  luu_y: Thông báo này thay cho giấy mời.
""")


def test_a_notice_in_place_of_an_invitation_with_a_part_of_its_own(tmp_path):
    # Kon Tum's form: “1. Hình thức cuộc họp: …”, the preparation on its label's line, Số …/TB-….
    from docx import Document as Docx

    from docgen.render.pipeline import render_document

    doc = build_documents(load_spec_text(NOTICE_FOR_INVITATION))["giay-moi"]
    path = tmp_path / "tb.docx"
    path.write_bytes(render_document(doc))
    paragraphs = [p for p in Docx(str(path)).paragraphs if p.text.strip()]
    words = [p.text for p in paragraphs]
    start = words.index("1. Hình thức cuộc họp: Trực tuyến qua hệ thống giao ban điện tử của tỉnh.")
    assert words[start - 2] == "THÔNG BÁO"
    assert words[start:] == [
        "1. Hình thức cuộc họp: Trực tuyến qua hệ thống giao ban điện tử của tỉnh.",
        "2. Thành phần mời:", "- Sở Xây dựng;", "- Sở Tài chính.",
        "3. Tài liệu: Ý kiến góp ý của các sở gửi về Văn phòng UBND tỉnh trước ngày 04/12/2025.",
        "Thông báo này thay cho giấy mời./."]
    assert [r.text for r in paragraphs[start].runs if r.bold] == ["1. Hình thức cuộc họp:"]
    assert [r.text for r in paragraphs[start + 4].runs if r.bold] == ["3. Tài liệu:", "trước ngày 04/12/2025"]
    number = next(c.text for t in Docx(str(path)).tables for row in t.rows for c in row.cells if c.text.startswith("Số:"))
    assert number.split()[-1] == "/TB-UBND" and doc.type_code == "TB"
    assert [(t.owners, t.deadlines) for t in doc.tasks] == [(("các sở",), ("trước ngày 04/12/2025",))]


@pytest.mark.parametrize("change, words", [
    ("    nhan: {hinh-thuc: Hình thức cuộc họp, chuan-bi: Tài liệu}\n", "Mục riêng “hinh-thuc” (them) cần nhãn"),
    ("    cung_dong: [chuan-bi]\n", "Khóa cung_dong chỉ dùng cho chuan-bi"),
    ("    muc: [hinh-thuc, thanh-phan, chuan-bi]\n", "khai báo mục riêng trong them"),
])
def test_a_part_of_its_own_needs_a_label_and_a_place(change, words):
    wrong = {"    nhan: {hinh-thuc: Hình thức cuộc họp, chuan-bi: Tài liệu}\n": "    nhan: {chuan-bi: Tài liệu}\n",
             "    cung_dong: [chuan-bi]\n": "    cung_dong: [thanh-phan]\n",
             "    muc: [hinh-thuc, thanh-phan, chuan-bi]\n": "    muc: [hinh-thuc, thanh-phan, tai-lieu]\n"}[change]
    with pytest.raises(SpecError) as err:
        load_spec_text(NOTICE_FOR_INVITATION.replace(change, wrong))
    assert words in str(err.value) and "[giay_moi.danh_so]" in str(err.value)


def test_an_extract_keeps_the_deadline_paragraph_with_its_task():
    from docgen.distribute.extract import keep

    spec = load_spec_text(BASE + """\
noi_dung:
  - muc: Nhiệm vụ
    noi_dung:
      - {nhiem_vu: tổng hợp ý kiến., chu_tri: Phòng Nội vụ, hinh_thuc: doan}
      - {doan: Báo cáo UBND huyện trước ngày 20/11/2025., thoi_han: 20/11/2025}
      - {nhiem_vu: rà soát., chu_tri: Phòng Tài chính}
""")
    doc = build(spec)
    first, second = doc.tasks
    mine, others = list(first.paths), list(second.paths)
    kept = [p.text for p in doc.body if keep(p, mine, spec, others)]
    assert "Báo cáo UBND huyện trước ngày 20/11/2025." in kept
    assert "- Phòng Tài chính chủ trì rà soát." not in kept


def test_footnotes_become_word_footnotes(tmp_path):
    import zipfile

    from docgen.render.pipeline import render_document

    doc = doc_of("chu_thich: [\"Sửa đổi, bổ sung năm 2020.\"]\n", "noi_dung:\n  - \"Theo Luật Đất đai[^1] & quy định.\"\n")
    assert doc.body[1].text == "Theo Luật Đất đai & quy định." and doc.body[1].runs[1].note == 1
    path = tmp_path / "x.docx"
    path.write_bytes(render_document(doc))
    with zipfile.ZipFile(path) as z:
        assert 'w:footnoteReference w:id="1"' in z.read("word/document.xml").decode()
        assert "Sửa đổi, bổ sung năm 2020." in z.read("word/footnotes.xml").decode()
        assert b"footnotes.xml" in z.read("word/_rels/document.xml.rels")
    with pytest.raises(SpecError) as err:
        doc_of("", "noi_dung:\n  - \"Theo Luật[^2].\"\n")
    assert "[^2]" in err.value.show()


def test_render_reports_a_label_that_breaks_the_sequence(tmp_path):
    from click.testing import CliRunner

    from docgen.cli import main

    spec = tmp_path / "tb.yaml"
    spec.write_text(BASE + "danh_so: \"1\"\nnoi_dung:\n  - {muc: A.}\n  - {muc: B., so: \"3.\"}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "lệch thứ tự" in result.output and "“2.”" in result.output


def test_agency_named_alone_without_chu_tri():
    doc = task_doc("""\
  - {nhiem_vu: chỉ đạo các nhà thầu bảo đảm an toàn., chu_tri: Chủ đầu tư, giao: ten}
  - {nhiem_vu: có phương án vận hành hồ chứa., chu_tri: Công ty thủy lợi, phoi_hop: [các địa phương], giao: ten}
""")
    assert texts(doc)[1:3] == ["- Chủ đầu tư chỉ đạo các nhà thầu bảo đảm an toàn.",
                               "- Công ty thủy lợi phối hợp với các địa phương có phương án vận hành hồ chứa."]


PARAGRAPH_OF_TASKS = """\
  - doan: >-
      Đồng chí Phó Chủ tịch UBND tỉnh chỉ đạo: Sở Nông nghiệp và PTNT tổ chức rà soát phương án phòng
      chống cháy rừng. Sở Nông nghiệp và PTNT chủ trì, phối hợp với Sở Tài chính báo cáo UBND tỉnh trước
      ngày 30/11/2020. Sở Tài nguyên và Môi trường đề xuất sửa đổi Quyết định 35/2014/QĐ-UBND trong tháng
      12 năm 2020.
    giao_viec:
      - chu_tri: Sở Nông nghiệp và PTNT
      - {chu_tri: Sở Nông nghiệp và PTNT, phoi_hop: Sở Tài chính, thoi_han: 30/11/2020}
      - {chu_tri: Sở Tài nguyên và Môi trường, thoi_han: trong tháng 12 năm 2020}
"""


def test_one_paragraph_assigning_several_tasks_keeps_its_text_and_gives_each_task():
    doc = task_doc(PARAGRAPH_OF_TASKS)
    para = doc.body[1]
    assert para.text.startswith("Đồng chí Phó Chủ tịch UBND tỉnh chỉ đạo: Sở Nông nghiệp")
    assert para.text.endswith("trong tháng 12 năm 2020.") and "Hoàn thành" not in para.text
    assert [r.text for r in para.runs if r.bold] == ["trước ngày 30/11/2020", "trong tháng 12 năm 2020"]
    assert [(t.owners, t.cooperating, t.deadlines) for t in doc.tasks] == [
        (("Sở Nông nghiệp và PTNT",), (), ()),
        (("Sở Nông nghiệp và PTNT",), ("Sở Tài chính",), ("trước ngày 30/11/2020",)),
        (("Sở Tài nguyên và Môi trường",), (), ("trong tháng 12 năm 2020",))]
    assert {t.path for t in doc.tasks} == {para.path}


@pytest.mark.parametrize("change, words", [
    ("thoi_han: trong tháng 12 năm 2020}", "giao_viec[2].thoi_han"),  # a deadline the text does not write
    ("thoi_han: 30/11/2020}", "giao_viec"),  # chu_tri on the block as well
])
def test_paragraph_of_tasks_mistakes(change, words):
    block = PARAGRAPH_OF_TASKS
    if words.endswith("thoi_han"):
        block = block.replace(change, "thoi_han: trong tháng 11 năm 2020}")
    else:
        block = block.replace("    giao_viec:\n", "    chu_tri: Sở Tài chính\n    giao_viec:\n")
    with pytest.raises(SpecError) as err:
        task_doc(block)
    assert words in str(err.value)


def test_each_agency_of_a_paragraph_of_tasks_is_named_in_its_text():
    # The text stays as typed, so an agency it does not name would go into the register unseen.
    with pytest.raises(SpecError) as err:
        task_doc(PARAGRAPH_OF_TASKS.replace("phoi_hop: Sở Tài chính", "phoi_hop: Sở Tư pháp"))
    problem = str(err.value)
    assert "[noi_dung[0].giao_viec[1].phoi_hop[0]]" in problem and "“Sở Tư pháp” (phoi_hop)" in problem
    assert re.search(r":\d+: \[noi_dung\[0\]\.giao_viec\[1\]", problem)  # file and line of the field
    # Grouped under a head word ("các Sở: Tài chính, Xây dựng"), each agency is still named.
    doc = task_doc("""\
  - doan: "Giao các Sở: Tài chính, Xây dựng rà soát hồ sơ; Trung tâm Văn hóa, thể thao & Truyền thông; Cổng thông tin điện tử huyện đăng tải"
    giao_viec:
      - {chu_tri: [Sở Tài chính, Sở Xây dựng]}
      - chu_tri:
          - Trung tâm Văn hóa, thể thao & Truyền thông
          - Cổng thông tin điện tử huyện
""")
    assert [t.owners for t in doc.tasks] == [("Sở Tài chính", "Sở Xây dựng"),
                                             ("Trung tâm Văn hóa, thể thao & Truyền thông", "Cổng thông tin điện tử huyện")]
    # Named by the heading the paragraph stands under ("1. Bộ Tư pháp:"), as a notice often does.
    doc = task_doc("""\
  - muc: "Bộ Tư pháp:"
    noi_dung:
      - doan: Tổng hợp ý kiến, báo cáo Thủ tướng Chính phủ trước ngày 10/12/2025.
        giao_viec: [{chu_tri: Bộ Tư pháp, thoi_han: 10/12/2025}]
""")
    assert [t.owners for t in doc.tasks] == [("Bộ Tư pháp",)]


@pytest.mark.parametrize("first, last, figures, words", [
    ("17/11/2020", "18/11/2020", "so", "Trong 02 ngày 17 và 18/11/2020, Ủy ban nhân dân tỉnh tổ chức"),
    ("17/11/2020", "19/11/2020", "chu", "Từ ngày 17 đến ngày 19 tháng 11 năm 2020, Ủy ban nhân dân tỉnh tổ chức"),
    ("30/11/2020", "02/12/2020", "so", "Từ ngày 30/11 đến ngày 02/12/2020, Ủy ban nhân dân tỉnh tổ chức"),
    ("31/12/2020", "01/01/2021", "chu", "Trong 02 ngày 31 tháng 12 năm 2020 và 01 tháng 01 năm 2021,"),
])
def test_a_meeting_of_several_days_opens_with_its_span(first, last, figures, words):
    spec = (BASE.replace("mo_dau: Mở đầu.\n", "").replace("ngay: /9/2021", "ngay: /1/2021")
            + f"cuoc_hop: {{ten: Phiên họp tháng 11 năm 2020, to_chuc: Ủy ban nhân dân tỉnh, ngay: {first}, "
              f"den_ngay: {last}, loi_van: {{kieu_ngay: {figures}}}, chu_tri: {{ho_ten: Trần C, chuc_vu: Chủ tịch UBND tỉnh}}}}\n"
            + "noi_dung: [Nội dung.]\n")
    assert texts(build(load_spec_text(spec)))[0].startswith(words)


def test_the_last_day_of_a_meeting_comes_after_its_first():
    spec = (BASE.replace("mo_dau: Mở đầu.\n", "")
            + "cuoc_hop: {ten: Phiên họp, ngay: 17/8/2021, den_ngay: 16/8/2021, chu_tri: {ho_ten: Trần C, chuc_vu: Chủ tịch}}\n"
            + "noi_dung: [Nội dung.]\n")
    with pytest.raises(SpecError) as err:
        load_spec_text(spec)
    assert "[cuoc_hop.den_ngay]" in str(err.value) and "16/8/2021" in str(err.value)


def test_a_deadline_under_a_heading_that_assigns_a_task_is_that_tasks():
    # Chỉ thị: "1. Sở Y tế:" owns the points under it; "b) Báo cáo … trước ngày …" is its deadline.
    doc = task_doc("""\
  - muc: "Sở Y tế:"
    chu_tri: Sở Y tế
    noi_dung:
      - muc: Chủ trì theo dõi chặt chẽ tình hình dịch bệnh.
      - muc: Báo cáo UBND tỉnh trước ngày 15/12/2021.
        thoi_han: 15/12/2021
""", 'danh_so: "1"\n')
    assert texts(doc)[1:4] == ["1. Sở Y tế:", "a) Chủ trì theo dõi chặt chẽ tình hình dịch bệnh.",
                               "b) Báo cáo UBND tỉnh trước ngày 15/12/2021."]
    assert len(doc.tasks) == 1
    assert doc.tasks[0].deadlines == ("trước ngày 15/12/2021",) and doc.tasks[0].more == (doc.body[3].path,)


def test_no_closing_sentence_puts_the_mark_after_the_last_item():
    spec = BASE.replace("ket_thuc: Kết thúc.\n", "ket_thuc: false\n")
    doc = build(load_spec_text(spec + 'danh_so: "1"\nnoi_dung:\n  - muc: Sở Y tế theo dõi.\n  - muc: Văn phòng đôn đốc.\n'))
    assert texts(doc)[-2:] == ["1. Sở Y tế theo dõi.", "2. Văn phòng đôn đốc./."]


def test_attendees_that_name_themselves_comrades_are_not_introduced_twice():
    spec = (BASE.replace("mo_dau: Mở đầu.\n", "")
            + "cuoc_hop:\n  ten: phiên họp\n  ngay: 17/8/2021\n  chu_tri: {ho_ten: Trần C, chuc_vu: Chủ tịch UBND tỉnh}\n"
              "  thanh_phan:\n    - các đồng chí Ủy viên UBND tỉnh\n    - lãnh đạo các sở\nnoi_dung: [Nội dung.]\n")
    opening = texts(build(load_spec_text(spec)))[0]
    assert "Tham dự có các đồng chí Ủy viên UBND tỉnh; lãnh đạo các sở." in opening
    assert "các đồng chí: các đồng chí" not in opening


def test_a_task_among_numbered_items_is_numbered_with_them():
    doc = task_doc("""\
  - muc: "Hạt Kiểm lâm huyện:"
    chu_tri: Hạt Kiểm lâm huyện
    noi_dung:
      - muc: Tham mưu kiện toàn Ban Chỉ huy.
  - nhiem_vu: tổ chức trực phòng cháy, chữa cháy rừng
    chu_tri: UBND các xã
""", 'danh_so: "1"\n')
    assert texts(doc)[1:4] == ["1. Hạt Kiểm lâm huyện:", "a) Tham mưu kiện toàn Ban Chỉ huy.",
                               "2. UBND các xã chủ trì tổ chức trực phòng cháy, chữa cháy rừng."]
    # among points that are not numbered, a task stays a "- " point
    assert texts(task_doc("  - y: Rà soát.\n  - {nhiem_vu: báo cáo, chu_tri: Sở Y tế}\n"))[1:3] == [
        "- Rà soát.", "- Sở Y tế chủ trì báo cáo."]
