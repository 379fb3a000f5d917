"""The giấy mời in shared/reference (D2, 01/GM-BTCD, Đắk R'lấp 2019: nd30.md §12.4), typed as a
secretary would with the forms docgen has for giấy mời, comes out as printed: the opening, the
office's own invitation clause, the invitees, the unnumbered bold labels, the time "Vào lúc …
(thứ Năm)", the preparation (a task: its unit and co-operating units), the closing, Nơi nhận and
the signer."""

from __future__ import annotations

import os

import pytest

from docgen.model.build import build_documents
from docgen.spec import load_spec_text
from tests.test_reference import REFERENCE, blocks

D2 = REFERENCE / "giay-moi_dak-nong_01_2019-07.txt"
pytestmark = pytest.mark.skipif(not D2.is_file() and not os.environ.get("CI"), reason=f"{D2} not found")

SPEC = """\
van_ban: [giay-moi]
co_quan: {chu_quan: VĂN PHÒNG HĐND – UBND | HUYỆN ĐĂK R’LẤP, ten: BAN TIẾP CÔNG DÂN, viet_tat: BTCD}
dia_danh: Đắk R’lấp
nguoi_ky: {quyen_han: [KT. TRƯỞNG BAN], chuc_vu: PHÓ TRƯỞNG BAN, ho_ten: Nguyễn Văn Đồng}
cuoc_hop:
  loai: tiep-cong-dan
  ten: buổi tiếp công dân với bà Trần Thị Thu Hương TDP 4, TT Kiến Đức
  ngay: 25/7/2019
  gio: 08:00
  dia_diem: Trụ sở Ban tiếp công dân huyện Đắk R’lấp.
  chu_tri: {ho_ten: "", chuc_vu: Lãnh đạo UBND huyện Đắk R’lấp}
giay_moi:
  so: 1
  ngay: 22/7/2019
  mo_dau:
    - >-
      Thực hiện Luật tiếp công dân số 42/2013/QH13 ngày 25/11/2013; Nghị định số 64/2014/NĐ-CP ngày 26/06/2014 Quy
      định chi tiết thi hành một số điều của Luật Tiếp công dân. Lãnh đạo UBND huyện Đắk R’lấp tổ chức buổi tiếp
      công dân với bà Trần Thị Thu Hương TDP 4, TT Kiến Đức.
  loi_moi: Thực hiện chỉ đạo của UBND huyện ĐắkR’lấp. Ban tiếp công dân huyện kính mời
  moi:
    - Lãnh đạo UBND huyện Đắk R’lấp
    - Lãnh đạo phòng Tài nguyên MT
    - Lãnh đạo Văn phòng đăng ký đất đai chi nhánh huyện Đắk Rlấp
    - Lãnh đạo Thanh tra huyện Đắk R’lấp
    - Lãnh đạo UBND TT Kiến Đức
    - bà Trần Thị Thu Hương TDP 4 TT Kiến Đức
  noi_dung: >-
    Liên quan các vấn đề cấp giấy chứng nhận QSD đất cho ông Huỳnh Ngọc Thuấn tại bon Đắk Blao, TT Kiến Đức.
    huyện Đắk R’lấp, tỉnh Đắk Nông.
  danh_so: {muc: [moi, thoi-gian, dia-diem, noi-dung], so: false, kieu_gio: vao-luc, cham: false, trich_yeu: false}
  chuan_bi:
    - don_vi: phòng TNMT
      phoi_hop: [Văn phòng đăng ký đất đai chi nhánh huyện Đắk Rlấp, UBND TT Kiến Đức]
      cau: >-
        Để buổi tiếp công dân của lãnh đạo UBND huyện đạt hiệu quả đề nghị phòng TNMT chủ trì phối hợp với Văn phòng
        đăng ký đất đai chi nhánh huyện Đắk Rlấp, UBND TT Kiến Đức chuẩn bị hồ sơ và các tài liệu liên quan.
  luu_y: >-
    Nhận được giấy mời này kính đề nghị các đồng chí Lãnh đạo UBND huyện Đắk R’lấp, các cơ quan đơn vị, Chủ tịch
    UBND TT Kiến Đức và bà Trần Thị Thu Hương TDP 4 TT Kiến Đức sắp xếp thời gian, công việc có mặt đầy đủ, đúng
    thời gian và địa điểm nói trên để buổi làm việc đạt hiệu quả cao.
  noi_nhan: [Như thành phần mời, Cổng thong tin điện tử huyện]
  luu: Lưu BTCD
"""


def test_the_reference_giay_moi_comes_out_as_printed():
    doc = build_documents(load_spec_text(SPEC))["giay-moi"]
    printed = []  # one entry a paragraph; a block of "- …" lines is one entry a line
    for block in blocks(D2.read_text(encoding="utf-8")):
        printed += block if all(line.startswith("- ") for line in block) else [" ".join(block)]
    body = [p.text for p in doc.body]
    start = printed.index(body[0])
    assert [line.replace("**", "") for line in printed[start:start + len(body)]] == body
    assert printed[printed.index("Nơi nhận:") + 1].split(" ")[:1] == ["-"]
    assert doc.number_line == "Số: 01/GM-BTCD" and doc.trich_yeu == ""
    assert list(doc.recipients) == ["- Như thành phần mời;", "- Cổng thong tin điện tử huyện;", "- Lưu BTCD."]
    assert [doc.signer.titles, doc.signer.name] == [("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), "Nguyễn Văn Đồng"]
    [task] = doc.tasks
    assert task.owners == ("phòng TNMT",) and task.cooperating == (
        "Văn phòng đăng ký đất đai chi nhánh huyện Đắk Rlấp", "UBND TT Kiến Đức")
