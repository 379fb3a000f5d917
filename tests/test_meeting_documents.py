"""One meeting spec, all its papers: Giấy mời (Mẫu 1.7) and Công văn (Mẫu 1.5), read back with
python-docx; weekdays; --each; office templates edited and re-saved by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_ALIGN_PARAGRAPH

from docgen.cli import main
from tests.docx_props import all_bold, para_prop, run_prop, size_pt

PROFILE = """\
co_quan: {chu_quan: UBND TỈNH LÀO CAI, ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}
dia_danh: Lào Cai
nguoi_ky:
  cvp: {ho_ten: Phan Quốc Nghĩa, chuc_vu: Chánh Văn phòng}
  cvp-tl: {ho_ten: Phan Quốc Nghĩa, chuc_vu: Chánh Văn phòng, tu_cach: thua-lenh, cap_truong: Chủ tịch}
luu: VT, TH
"""

MEETING = """\
van_ban: [giay-moi, cong-van]
cuoc_hop:
  ten: phiên họp UBND tỉnh thường kỳ tháng 9 năm 2021
  ngay: 31/8/2021
  thu: Thứ Ba
  gio: 14h30
  dia_diem: Hội trường tầng 3, Trụ sở UBND tỉnh
  chu_tri: {ho_ten: Trịnh Xuân Trường, chuc_vu: Chủ tịch UBND tỉnh}
giay_moi:
  so: 7
  ngay: 25/8/2021
  moi:
    - Thành viên UBND tỉnh
    - Giám đốc Sở Y tế
    - ../../etc/CON
  chuan_bi:
    - {don_vi: Sở Y tế, noi_dung: báo cáo công tác phòng chống dịch}
  nguoi_ky: cvp-tl
cong_van:
  so: 12
  ngay: 6/9/2021
  don_vi_soan: TH
  v_v: triển khai kết luận phiên họp thường kỳ tháng 9/2021
  kinh_gui: [Sở Y tế]
  noi_dung:
    - Văn phòng UBND tỉnh đề nghị Sở Y tế báo cáo **trước ngày 30/9/2021**.
nguoi_ky: cvp
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    (tmp_path / "docgen.yaml").write_text(PROFILE, encoding="utf-8")
    spec = tmp_path / "hop.yaml"
    spec.write_text(MEETING, encoding="utf-8")
    return spec


def texts(d) -> list[str]:
    return [p.text for p in d.paragraphs if p.text]


def test_one_spec_renders_each_declared_document(meeting):
    result = run("render", meeting)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in meeting.parent.glob("*.docx")) == ["hop.cong-van.docx", "hop.giay-moi.docx"]


def test_giay_moi_layout(meeting):
    assert run("render", meeting, "--type", "giay-moi").exit_code == 0
    d = docx.Document(str(meeting.parent / "hop.giay-moi.docx"))
    header = d.tables[0]
    assert header.cell(1, 0).text == "Số: 07/GM-VPUBND"  # ký hiệu GM (Phụ lục III)
    assert header.cell(1, 1).text == "Lào Cai, ngày 25 tháng 8 năm 2021"
    title, trich_yeu, *_ = d.paragraphs
    assert title.text == "GIẤY MỜI" and all_bold(title) and size_pt(title) == {14.0}
    assert para_prop(title, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert trich_yeu.text == "Dự phiên họp UBND tỉnh thường kỳ tháng 9 năm 2021" and all_bold(trich_yeu)
    body = texts(d)[2:]
    assert body[:4] == ["Văn phòng UBND tỉnh trân trọng kính mời:", "- Thành viên UBND tỉnh;", "- Giám đốc Sở Y tế;",
                        "- ../../etc/CON."]
    # Mẫu 1.7: Tới dự, Chủ trì, Thời gian, Địa điểm, in that order; the weekday computed.
    assert body[4:8] == ["Tới dự phiên họp UBND tỉnh thường kỳ tháng 9 năm 2021.",
                         "Chủ trì: đồng chí Trịnh Xuân Trường - Chủ tịch UBND tỉnh.",
                         "Thời gian: 14 giờ 30 phút, Thứ Ba, ngày 31 tháng 8 năm 2021.",
                         "Địa điểm: Hội trường tầng 3, Trụ sở UBND tỉnh."]
    assert body[8] == "Sở Y tế chuẩn bị báo cáo công tác phòng chống dịch./."
    sign = d.tables[1]
    noi_nhan = sign.cell(0, 0).text.split("\n")
    assert noi_nhan[0] == "Nơi nhận:" and "- Như trên;" not in noi_nhan  # no Kính gửi, no Như trên (II.9.c)
    assert noi_nhan[-1] == "- Lưu: VT, TH."
    assert [p.text for p in sign.cell(0, 1).paragraphs if p.text] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phan Quốc Nghĩa"]


def test_cong_van_layout_with_one_addressee(meeting):
    assert run("render", meeting, "--type", "cong-van").exit_code == 0
    d = docx.Document(str(meeting.parent / "hop.cong-van.docx"))
    number, vv = d.tables[0].cell(1, 0).paragraphs
    assert number.text == "Số: 12/VPUBND-TH"  # no type code (Phụ lục I, Mục II.3.b)
    assert vv.text == "V/v triển khai kết luận phiên họp thường kỳ tháng 9/2021"
    assert size_pt(vv) == {12.0} and not any(run_prop(vv, r, "bold") for r in vv.runs)  # II.5.b: 12-13, đứng
    assert para_prop(vv, "alignment") == WD_ALIGN_PARAGRAPH.CENTER and para_prop(vv, "space_before").pt == 6
    assert d.tables[0].cell(1, 0).paragraphs[-1]._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is None, "no rule under V/v"
    paras = texts(d)
    assert "CÔNG VĂN" not in paras and paras[0] == "Kính gửi: Sở Y tế"  # one addressee on the line (II.9.a)
    assert paras[1].endswith("trước ngày 30/9/2021./.")
    first = d.tables[1].cell(0, 0).text.split("\n")
    assert first[:2] == ["Nơi nhận:", "- Như trên;"]  # II.9.b


def test_cong_van_with_several_addressees(meeting):
    meeting.write_text(MEETING.replace("kinh_gui: [Sở Y tế]", "kinh_gui: [Sở Y tế, Sở Tài chính, Cục Thuế tỉnh]"),
                       encoding="utf-8")
    assert run("render", meeting, "--type", "cong-van").exit_code == 0
    d = docx.Document(str(meeting.parent / "hop.cong-van.docx"))
    head, *items = [p for p in d.paragraphs if p.text][:4]
    assert head.text == "Kính gửi:"
    assert [p.text for p in items] == ["- Sở Y tế;", "- Sở Tài chính;", "- Cục Thuế tỉnh."]
    assert all(para_prop(p, "left_indent").cm == pytest.approx(4.5, abs=0.01) for p in items)  # Mẫu 1.5


def test_a_contradicting_weekday_is_refused(meeting):
    meeting.write_text(MEETING.replace("thu: Thứ Ba", "thu: Thứ Tư"), encoding="utf-8")
    result = run("render", meeting)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{meeting}:5: [cuoc_hop.thu] Ngày 31/8/2021 là Thứ Ba, không phải Thứ Tư." in result.output
    assert not list(meeting.parent.glob("*.docx"))


@pytest.mark.parametrize("written", ["thứ 3", "T3", "Thứ ba"])
def test_weekday_written_other_ways(meeting, written):
    meeting.write_text(MEETING.replace("thu: Thứ Ba", f"thu: {written}"), encoding="utf-8")
    assert run("validate", meeting).exit_code == 0


def test_each_invitee_gets_an_invitation_with_a_safe_name(meeting):
    result = run("render", meeting, "--type", "giay-moi", "--each")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in meeting.parent.glob("*.docx"))
    assert names == ["hop.giay-moi.Giám đốc Sở Y tế.docx", "hop.giay-moi.Thành viên UBND tỉnh.docx",
                     "hop.giay-moi.etc-CON.docx"]
    d = docx.Document(str(meeting.parent / "hop.giay-moi.Giám đốc Sở Y tế.docx"))
    assert texts(d)[2] == "Văn phòng UBND tỉnh trân trọng kính mời: Giám đốc Sở Y tế"
    assert d.tables[1].cell(0, 0).text.split("\n")[1:] == ["- Giám đốc Sở Y tế;", "- Lưu: VT, TH."]
    other = docx.Document(str(meeting.parent / "hop.giay-moi.Thành viên UBND tỉnh.docx"))
    assert not any("chuẩn bị" in t for t in texts(other)), "only the invitee's own preparation"


def test_validate_explain_names_spec_profile_and_defaults(meeting):
    result = run("validate", meeting, "--explain")
    assert result.exit_code == 0
    assert f"co_quan.viet_tat = VPUBND    ← {meeting.parent / 'docgen.yaml'}:1" in result.output
    assert f"cuoc_hop.thu = Thứ Ba    ← {meeting}:5" in result.output
    assert "danh_so = I    ← mặc định" in result.output


def test_new_fills_in_from_the_profile(meeting):
    target = meeting.parent / "moi.yaml"
    assert run("new", "giay-moi", "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "co_quan:" not in text and "nguoi_ky: cvp" in text and "cvp-tl (Phan Quốc Nghĩa" in text
    assert run("validate", target).exit_code == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")
def test_a_template_changed_and_saved_in_libreoffice_renders_with_the_change(meeting, tmp_path):
    assert run("template", "export", "cong-van", tmp_path / "mau").exit_code == 0
    d = docx.Document(str(tmp_path / "mau" / "cong-van.docx"))
    end = next(p for p in d.paragraphs if p.text == "{%p endfor %}")
    added = end.insert_paragraph_before("Mọi chi tiết xin liên hệ Phòng Tổng hợp, điện thoại 0214.3840.888.",
                                        style=d.styles["ND30 Noi dung"])
    end._p.addnext(added._p)
    edited = tmp_path / "edited.docx"
    d.save(str(edited))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo-out"), str(edited)],
                   check=True, capture_output=True, timeout=120)
    resaved = tmp_path / "lo-out" / "edited.docx"
    fields = run("template", "fields", resaved)
    assert fields.exit_code == 0 and "v_v" in fields.output and "; 0 lỗi, 0 lưu ý." in fields.output
    result = run("render", meeting, "--type", "cong-van", "--template", resaved)
    assert result.exit_code == 0 and "Cảnh báo" not in result.output, result.output
    out = docx.Document(str(meeting.parent / "hop.cong-van.docx"))
    assert "Mọi chi tiết xin liên hệ Phòng Tổng hợp, điện thoại 0214.3840.888." in texts(out)
    assert "Kính gửi: Sở Y tế" in texts(out)


def test_a_template_that_breaks_the_decree_renders_with_warnings(meeting, tmp_path):
    assert run("template", "export", "cong-van", tmp_path / "mau").exit_code == 0
    path = tmp_path / "mau" / "cong-van.docx"
    d = docx.Document(str(path))
    d.styles["ND30 Noi dung"].font.size = docx.shared.Pt(12)
    d.save(str(path))
    result = run("render", meeting, "--type", "cong-van", "--template", path)
    assert result.exit_code == 0
    assert "Cảnh báo (mẫu riêng)" in result.output and "ND30-BODY-SIZE" in result.output


def test_a_broken_template_stops_before_anything_is_written(meeting, tmp_path):
    assert run("template", "export", "cong-van", tmp_path / "mau").exit_code == 0
    path = tmp_path / "mau" / "cong-van.docx"
    d = docx.Document(str(path))
    vv = next(p for t in d.tables for c in t._cells for p in c.paragraphs if p.text == "{{ v_v }}")
    vv.runs[0].text = "{{ v_vv }"
    d.save(str(path))
    result = run("render", meeting, "--type", "cong-van", "--template", path)
    assert result.exit_code == 2 and "chưa được đóng" in result.output and "{{ v_vv }" in result.output
    assert not list(meeting.parent.glob("*.docx"))
    fields = run("template", "fields", path)
    assert fields.exit_code == 2


def test_the_profile_names_the_offices_own_template(meeting, tmp_path):
    assert run("template", "export", "giay-moi", meeting.parent / "mau").exit_code == 0
    path = meeting.parent / "mau" / "giay-moi.docx"
    d = docx.Document(str(path))
    end = [p for p in d.paragraphs if p.text == "{%p endfor %}"][-1]  # the body's loop (Kính gửi's comes first)
    added = end.insert_paragraph_before("Đề nghị đại biểu có mặt trước 15 phút.", style=d.styles["ND30 Noi dung"])
    end._p.addnext(added._p)
    d.save(str(path))
    (meeting.parent / "docgen.yaml").write_text(PROFILE + "mau:\n  giay-moi: mau/giay-moi.docx\n", encoding="utf-8")
    result = run("render", meeting)
    assert result.exit_code == 0, result.output
    assert "Đề nghị đại biểu có mặt trước 15 phút." in texts(docx.Document(str(meeting.parent / "hop.giay-moi.docx")))
    assert "Đề nghị đại biểu" not in " ".join(texts(docx.Document(str(meeting.parent / "hop.cong-van.docx"))))


# ------------------------------------------------ a letter drafted by hand, as a newcomer writes it

LETTER = """\
van_ban: [cong-van]
co_quan: {chu_quan: UBND TỈNH BÌNH ĐỊNH, ten: SỞ TÀI CHÍNH, viet_tat: STC, ten_goi: Sở Tài chính}
dia_danh: Bình Định
cong_van:
  so: 1234
  ngay: 5/4/2024
  don_vi_soan: NS
  v_v: báo cáo tình hình thực hiện dự toán ngân sách quý I năm 2024
  kinh_gui: "Các sở, ban, ngành thuộc tỉnh"
  noi_dung:
    - doan: Đề nghị các sở, ban, ngành báo cáo về Sở Tài chính trước ngày 15/4/2024.
      chu_tri: Các sở, ban, ngành thuộc tỉnh
      thoi_han: 15/4/2024
  nguoi_ky: {quyen_han: [KT. GIÁM ĐỐC], chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Lê Văn Bình}
  noi_nhan: [Như trên, UBND tỉnh (b/c)]
  luu: VT, NS
"""


def test_a_letter_with_its_own_signer_needs_no_general_one_and_lists_nhu_tren_once():
    from docgen.model.build import build_documents
    from docgen.spec import load_spec_text

    doc = build_documents(load_spec_text(LETTER))["cong-van"]
    assert doc.signer.titles == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and doc.signer.name == "Lê Văn Bình"
    assert list(doc.recipients[:2]) == ["- Như trên;", "- UBND tỉnh (b/c);"]


@pytest.mark.parametrize("change, words", [
    # the general signer is still needed by a document without its own
    (("  nguoi_ky: {quyen_han: [KT. GIÁM ĐỐC], chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Lê Văn Bình}\n", ""),
     ["[nguoi_ky]", "Thiếu trường bắt buộc “nguoi_ky”"]),
    # a ký hiệu typed by hand: the message says which key composes it
    (("  don_vi_soan: NS\n", "  don_vi_soan: NS\n  ky_hieu: STC-NS\n"), ["[cong_van.ky_hieu]", "don_vi_soan"]),
    # the signer's own title typed as a line of authority
    (("quyen_han: [KT. GIÁM ĐỐC], chuc_vu: PHÓ GIÁM ĐỐC", "quyen_han: [KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC]"),
     ["[cong_van.nguoi_ky.quyen_han]", "ghi chuc_vu: PHÓ GIÁM ĐỐC"]),
])
def test_letter_mistakes_are_named_with_their_fix(change, words):
    from docgen.plumbing.errors import SpecError
    from docgen.spec import load_spec_text

    with pytest.raises(SpecError) as err:
        load_spec_text(LETTER.replace(*change))
    assert all(w in str(err.value) for w in words), str(err.value)
