"""The giấy mời as offices print it, besides Mẫu 1.7's bare shape: opening paragraphs, the
office's own invitation clause, invitees in groups, labelled parts without numbers, the time
"Vào lúc …", and what an invitee must prepare kept as a task (unit, co-operating units, deadline)."""

from __future__ import annotations

import pytest

from docgen.model.build import build_documents, build_invitation
from docgen.plumbing.errors import SpecError
from docgen.spec import load_spec_text

HEAD = """\
van_ban: [giay-moi]
co_quan: {ten: ỦY BAN NHÂN DÂN | TỈNH A, viet_tat: UBND, ten_goi: Ủy ban nhân dân tỉnh}
dia_danh: A
nguoi_ky: {quyen_han: [TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG], chuc_vu: Phó Chánh Văn phòng, ho_ten: C}
cuoc_hop:
  ten: họp nghe báo cáo tiến độ dự án đường ven biển
  ngay: 4/12/2025
  gio: 8 giờ 00
  dia_diem: Phòng họp số 2, UBND tỉnh
  chu_tri: {ho_ten: Nguyễn A, chuc_vu: Phó Chủ tịch UBND tỉnh}
"""


def invitation(giay_moi: str):
    return build_documents(load_spec_text(HEAD + giay_moi))["giay-moi"]


def texts(doc) -> list[str]:
    return [p.text for p in doc.body]


def test_mau_17_with_openings_groups_and_a_preparation_task():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  mo_dau:
    - Thực hiện Chương trình công tác tháng 12/2025 của Ủy ban nhân dân tỉnh.
  loi_moi: Ủy ban nhân dân tỉnh kính mời
  moi:
    - Lãnh đạo Văn phòng UBND tỉnh
    - nhom: "Đại diện lãnh đạo các sở, ngành:"
      moi: [Sở Xây dựng, Sở Tài chính]
  chuan_bi:
    - don_vi: Sở Xây dựng
      giao: de-nghi
      phoi_hop: [Sở Tài chính]
      noi_dung: báo cáo tiến độ, gửi về Văn phòng UBND tỉnh trước ngày 02/12/2025
      thoi_han: 2/12/2025
  noi_nhan: [Như thành phần mời]
""")
    assert texts(doc) == [
        "Thực hiện Chương trình công tác tháng 12/2025 của Ủy ban nhân dân tỉnh.",
        "Ủy ban nhân dân tỉnh kính mời:",
        "- Lãnh đạo Văn phòng UBND tỉnh;",
        "- Đại diện lãnh đạo các sở, ngành:", "+ Sở Xây dựng;", "+ Sở Tài chính.",
        "Tới dự họp nghe báo cáo tiến độ dự án đường ven biển.",
        "Chủ trì: đồng chí Nguyễn A - Phó Chủ tịch UBND tỉnh.",
        "Thời gian: 08 giờ 00 phút, Thứ Năm, ngày 04 tháng 12 năm 2025.",
        "Địa điểm: Phòng họp số 2, UBND tỉnh.",
        "Đề nghị Sở Xây dựng chủ trì, phối hợp với Sở Tài chính chuẩn bị báo cáo tiến độ, gửi về Văn phòng UBND tỉnh "
        "trước ngày 02/12/2025./."]
    bold = [r.text for r in doc.body[-1].runs if r.bold]
    assert bold == ["trước ngày 02/12/2025"]
    [task] = doc.tasks
    assert (task.owners, task.cooperating, task.deadlines) == (("Sở Xây dựng",), ("Sở Tài chính",),
                                                               ("trước ngày 02/12/2025",))
    assert task.path == (len(doc.body) - 1,)
    assert doc.recipients[0] == "- Như thành phần mời;"


def test_labelled_parts_without_numbers_the_invitation_clause_and_the_time_vao_luc():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  loi_moi: Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh. Văn phòng kính mời
  moi: [Sở Xây dựng, Sở Tài chính]
  danh_so: {muc: [moi, thoi-gian, dia-diem, noi-dung], so: false, kieu_gio: vao-luc, trich_yeu: false}
  chuan_bi:
    - don_vi: Sở Xây dựng
      cau: Để cuộc họp đạt hiệu quả, đề nghị Sở Xây dựng chủ trì chuẩn bị hồ sơ và các tài liệu liên quan.
  luu_y: Kính mời các đồng chí dự họp đúng thời gian.
""")
    assert texts(doc) == [
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh. Văn phòng kính mời:", "- Sở Xây dựng;", "- Sở Tài chính.",
        "Thời gian: Vào lúc 08 giờ 00 phút, ngày 04 tháng 12 năm 2025 (thứ Năm).",
        "Địa điểm: Phòng họp số 2, UBND tỉnh.",
        "Nội dung: họp nghe báo cáo tiến độ dự án đường ven biển.",
        "Để cuộc họp đạt hiệu quả, đề nghị Sở Xây dựng chủ trì chuẩn bị hồ sơ và các tài liệu liên quan.",
        "Kính mời các đồng chí dự họp đúng thời gian./."]
    assert [r.text for r in doc.body[3].runs if r.bold] == ["Thời gian:"]
    assert [t.owners for t in doc.tasks] == [("Sở Xây dựng",)]
    assert doc.trich_yeu == ""


def test_one_invitation_per_member_of_a_group():
    spec = load_spec_text(HEAD + """\
giay_moi:
  ngay: /12/2025
  moi:
    - nhom: Đại diện lãnh đạo các sở
      moi: [Sở Xây dựng, Sở Tài chính]
  chuan_bi: [{don_vi: Sở Xây dựng, noi_dung: báo cáo tiến độ}]
""")
    assert spec.giay_moi.nguoi_moi == ["Sở Xây dựng", "Sở Tài chính"]
    one = build_invitation(spec, "Sở Tài chính")
    assert "Ủy ban nhân dân tỉnh trân trọng kính mời: Sở Tài chính" in texts(one)
    assert one.tasks == ()  # Sở Xây dựng's preparation is not in Sở Tài chính's copy
    assert build_invitation(spec).recipients[0] == "- Đại diện lãnh đạo các sở;"  # a group by its head line


def test_a_preparation_is_worded_by_docgen_or_written_out_not_both():
    with pytest.raises(SpecError, match="noi_dung .* hoặc cau"):
        load_spec_text(HEAD + """\
giay_moi:
  ngay: /12/2025
  moi: [Sở Xây dựng]
  chuan_bi: [{don_vi: Sở Xây dựng, noi_dung: báo cáo, cau: Sở Xây dựng chuẩn bị báo cáo.}]
""")


def test_a_note_of_several_lines_closes_the_invitation():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  moi: [Sở Xây dựng]
  luu_y:
    - "Ghi chú:"
    - "- Tài liệu họp đăng tại Hệ thống quản lý văn bản và điều hành."
    - "- Đề nghị đại biểu có mặt trước 15 phút."
""")
    assert texts(doc)[-3:] == ["Ghi chú:", "- Tài liệu họp đăng tại Hệ thống quản lý văn bản và điều hành.",
                               "- Đề nghị đại biểu có mặt trước 15 phút./."]


def test_sent_by_name_with_a_kinh_gui_block_the_addressees_are_the_invitees():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  kinh_gui: [Sở Tài chính., Sở Nội vụ.]
  kinh_gui_cung_dong: true
  mo_dau: [Sở Xây dựng tổ chức cuộc họp để thống nhất đề xuất.]
  danh_so: {muc: [thoi-gian, dia-diem], so: false, dam_nhan: false, cham: false, xuong_dong: [dia-diem]}
  thoi_gian: 9h00 ngày 04 tháng 12 năm 2025 (thứ Năm)
  chuan_bi:
    - don_vi: [Sở Tài chính, Sở Nội vụ]
      giao: de-nghi
      noi_dung: tài liệu phục vụ cuộc họp
""")
    assert doc.kinh_gui == ("Kính gửi: - Sở Tài chính.", "- Sở Nội vụ.")  # the typed full stops are kept
    assert texts(doc) == [
        "Sở Xây dựng tổ chức cuộc họp để thống nhất đề xuất.",
        "Thời gian: 9h00 ngày 04 tháng 12 năm 2025 (thứ Năm)",
        "Địa điểm:", "Phòng họp số 2, UBND tỉnh",
        "Đề nghị Sở Tài chính và Sở Nội vụ chuẩn bị tài liệu phục vụ cuộc họp./."]
    assert [t.owners for t in doc.tasks] == [("Sở Tài chính", "Sở Nội vụ")]
    spec = load_spec_text(HEAD + "giay_moi:\n  ngay: /12/2025\n  kinh_gui: [Sở Tài chính]\n")
    assert spec.giay_moi.nguoi_moi == ["Sở Tài chính"]


def test_sent_by_name_its_noi_nhan_opens_with_nhu_tren():
    # the default listed the addressees again, and docgen check failed it (ND30-NOINHAN-NHUTREN)
    kinh_gui = "giay_moi:\n  ngay: /12/2025\n  kinh_gui: [Sở Tài chính, Sở Nội vụ]\n"
    assert invitation(kinh_gui).recipients[:2] == ("- Như trên;", "- Lưu: VT.")
    own = invitation(kinh_gui + "  noi_nhan: [Giám đốc Sở (b/c)]\n").recipients
    assert own[:2] == ("- Như trên;", "- Giám đốc Sở (b/c);")
    typed = invitation(kinh_gui + "  noi_nhan: [Như trên, Giám đốc Sở (b/c)]\n").recipients
    assert typed == own


def test_an_urgent_invitation_may_be_dated_the_meeting_day():
    same_day = "giay_moi:\n  ngay: 4/12/2025\n  moi: [Sở Xây dựng]\n"
    with pytest.raises(SpecError, match="không trước ngày họp"):
        load_spec_text(HEAD + same_day)
    assert load_spec_text(HEAD + "dau: {khan: HỎA TỐC}\n" + same_day).giay_moi.ngay.day == 4


def test_a_group_with_its_own_markers_and_a_head_ending_in_a_full_stop():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  moi:
    - nhom: "**Điểm cầu tỉnh** *(Phòng họp số 2, UBND tỉnh)*."
      dau: ["*", "-"]
      moi: [Chủ tịch UBND tỉnh chủ trì;, Giám đốc các sở]
""")
    body = texts(doc)
    start = body.index("* Điểm cầu tỉnh (Phòng họp số 2, UBND tỉnh).")
    assert body[start + 1:start + 3] == ["- Chủ tịch UBND tỉnh chủ trì;", "- Giám đốc các sở."]


def test_a_meeting_of_several_sessions_is_typed_on_several_lines():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  moi: [Sở Xây dựng]
  thoi_gian: |
    02 buổi, ngày 04/12/2025 (thứ Năm):
    - Buổi sáng: từ 8h00, làm việc tại Sở Xây dựng;
    - Buổi chiều: từ 14h00, kiểm tra thực địa dự án
""")
    body = texts(doc)
    start = body.index("Thời gian: 02 buổi, ngày 04/12/2025 (thứ Năm):")
    assert body[start + 1:start + 3] == ["- Buổi sáng: từ 8h00, làm việc tại Sở Xây dựng;",
                                         "- Buổi chiều: từ 14h00, kiểm tra thực địa dự án."]
    assert body[start + 3].startswith("Địa điểm: Phòng họp số 2, UBND tỉnh.")


def test_giay_moi_hop_with_blank_lines_for_the_invitee_and_tham_du():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  ten_loai: GIẤY MỜI HỌP
  moi: [Sở Xây dựng, Sở Tài chính]
  danh_so:
    muc: [moi, tham-du, thoi-gian, thanh-phan]
    dong_trong: 2
    so: false
    nhan: {tham-du: Tham dự cuộc họp về}
""")
    body = texts(doc)
    assert doc.ten_loai == "GIẤY MỜI HỌP" and doc.type_code == "GM"
    assert body[0] == "Ủy ban nhân dân tỉnh trân trọng kính mời:"
    assert set(body[1]) == {"."} and body[2] == body[1]  # written in by hand
    assert body[3] == "Tham dự cuộc họp về họp nghe báo cáo tiến độ dự án đường ven biển."
    assert body[-3:] == ["Thành phần mời:", "- Sở Xây dựng;", "- Sở Tài chính./."]


def test_a_label_and_group_heads_printed_without_a_colon():
    doc = invitation("""\
giay_moi:
  ngay: /12/2025
  danh_so: {muc: [thanh-phan, thoi-gian], khong_hai_cham: [thanh-phan], nhan: {thanh-phan: Thành phần}}
  moi:
    - {nhom: "**\\\\* Về tỉnh**", dau: ["", "-"], hai_cham: false, moi: [Sở Xây dựng;, Sở Tài chính;]}
""")
    body = texts(doc)
    assert body[:4] == ["1. Thành phần", "* Về tỉnh", "- Sở Xây dựng;", "- Sở Tài chính;"]
    assert body[4].startswith("2. Thời gian:")


@pytest.mark.parametrize("form, line", [
    (None, "Thời gian: 08 giờ 00 phút, Thứ Năm, ngày 04 tháng 12 năm 2025 đến hết ngày 05 tháng 12 năm 2025."),
    ("vao-luc", "Thời gian: Vào lúc 08 giờ 00 phút, ngày 04 tháng 12 năm 2025 (thứ Năm) đến hết ngày 05 tháng 12 năm 2025."),
    ("tu", "Thời gian: từ 08h00 ngày 04/12/2025 (sáng thứ Năm) đến hết ngày 05/12/2025."),
])
def test_a_meeting_of_several_days_is_announced_to_its_last_day(form, line):
    numbered = f"  danh_so: {{muc: [moi, thoi-gian, dia-diem], so: false, kieu_gio: {form}, trich_yeu: false}}\n" if form else ""
    doc = build_documents(load_spec_text(HEAD.replace("  ngay: 4/12/2025\n", "  ngay: 4/12/2025\n  den_ngay: 5/12/2025\n")
                                         + "giay_moi:\n  ngay: /11/2025\n  moi: [Sở Xây dựng]\n" + numbered))["giay-moi"]
    assert line in texts(doc)


def test_the_minutes_of_a_meeting_of_several_days_end_and_are_dated_on_its_last_day():
    head = HEAD.replace("van_ban: [giay-moi]", "van_ban: [bien-ban]")
    spec = load_spec_text(head.replace("  ngay: 4/12/2025\n", "  ngay: 4/12/2025\n  den_ngay: 5/12/2025\n") + """\
noi_dung: [Giao Sở Xây dựng đôn đốc.]
bien_ban:
  bat_dau: 8:00
  ket_thuc: 11:30
  thu_ky: {ho_ten: Lê D, chuc_vu: Chuyên viên}
""")
    doc = build_documents(spec)["bien-ban"]
    assert texts(doc)[0] == "Thời gian bắt đầu: 08 giờ 00 phút, Thứ Năm, ngày 04 tháng 12 năm 2025."
    assert texts(doc)[-1] == "Cuộc họp kết thúc vào 11 giờ 30 phút, ngày 05 tháng 12 năm 2025./."
    assert doc.date_line.endswith("ngày 05 tháng 12 năm 2025")


def test_a_preparation_that_starts_with_its_verb_does_not_say_it_twice():
    doc = invitation("""\
giay_moi:
  ngay: /11/2025
  moi: [Sở Xây dựng]
  chuan_bi:
    - {don_vi: Sở Xây dựng, noi_dung: Chuẩn bị báo cáo tiến độ}
    - {don_vi: Sở Tài chính, noi_dung: báo cáo nguồn vốn}
""")
    assert "Sở Xây dựng chuẩn bị báo cáo tiến độ." in texts(doc)
    assert any(t.startswith("Sở Tài chính chuẩn bị báo cáo nguồn vốn.") for t in texts(doc))
