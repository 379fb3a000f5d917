"""Forms of wording that real documents use (issue #12), kept apart from schema.py: how tasks
are introduced and how their deadlines are set, how each level is numbered, Nơi nhận groups,
the kind of meeting, the numbered giấy mời and the marks above and below the text."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from .types import Text, as_list, to_deadline

NOTE = re.compile(r"\[\^(\d+)\]")  # a footnote mark in text: [^1] refers to chu_thich[0]
LeadVerb = Literal["khong", "ten", "giao", "yeu-cau", "de-nghi"]
LEAD_VERBS = {"khong": "", "ten": "", "giao": "Giao", "yeu-cau": "Yêu cầu", "de-nghi": "Đề nghị"}
TaskForm = Literal["y", "muc", "doan"]
BoldDeadline = Literal["cum", "ngay", "khong"]
NumberStyle = Literal["I", "1", "1.1", "(1)", "a", "(i)", "-", "+"]
MeetingKind = Literal["phien-hop", "hop", "kiem-tra", "lam-viec", "tiep-cong-dan", "doi-thoai", "hoi-nghi"]
Honorific = Literal["đồng chí", "ông", "bà"]
DateWords = Literal["chu", "so"]
ClosingForm = Literal["tren-day", "thong-bao", "thong-bao-y-kien", "ngan"]
NameForm = Literal["gach", "phay", "chuc-vu-truoc"]
Urgency = Literal["HỎA TỐC", "THƯỢNG KHẨN", "KHẨN"]
Secrecy = Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def to_bold_mode(value: object) -> object:
    """dam_thoi_han: true / false as before, or cum (the phrase), ngay (the date only), khong."""
    if value is True:
        return "cum"
    if value is False:
        return "khong"
    return value


def to_deadlines(value: object) -> object:
    """One deadline or several: each a date (→ "trước ngày …") or words."""
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    return [to_deadline(v) for v in items]


# The JSON Schema says what validate accepts: one deadline or a list; true/false or a mode.
Deadlines = Annotated[list[str] | None, BeforeValidator(to_deadlines), WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "null"}]})]
BoldMode = Annotated[BoldDeadline | None, BeforeValidator(to_bold_mode), WithJsonSchema(
    {"anyOf": [{"type": "boolean"}, {"enum": ["cum", "ngay", "khong"]}, {"type": "null"}]})]


def to_styles(value: object) -> object:
    """danh_so: one style for the outer level (the next ones follow I → 1 → a) or one per level."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return [str(v) for v in value] if isinstance(value, list) else value


_STYLE_SCHEMA = {"enum": ["I", "1", "1.1", "(1)", "a", "(i)", "-", "+", 1]}  # 1 unquoted is the choice "1"
NumberStyles = Annotated[NumberStyle | list[NumberStyle], BeforeValidator(to_styles), WithJsonSchema(
    {"anyOf": [_STYLE_SCHEMA, {"type": "array", "items": _STYLE_SCHEMA}]})]


# One item may be written without the list (`chu_tri: Sở Y tế`); the schema says so too.
TextList = Annotated[list[Text], BeforeValidator(as_list), WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})]


class CachViet(_Strict):
    """Cách viết nhiệm vụ mặc định của cơ quan (ghi trong docgen.yaml hoặc tệp khai báo)."""

    giao: LeadVerb | None = Field(None, description="Từ mở đầu câu giao nhiệm vụ: khong (“X chủ trì …”), ten (“X …”, “X phối hợp với Y …”, không có chữ chủ trì), giao (“Giao X …”), yeu-cau (“Yêu cầu X …”), de-nghi (“Đề nghị X …”).")
    hinh_thuc: TaskForm | None = Field(None, description="Nhiệm vụ in thành: y (gạch đầu dòng “- ”), muc (mục đánh số) hoặc doan (đoạn văn).")
    dam_thoi_han: BoldMode = Field(None, description="In đậm thời hạn: cum (cả cụm “trước ngày …”), ngay (chỉ ngày tháng) hoặc khong.")


class NhomNoiNhan(_Strict):
    """Một nhóm nơi nhận có chung một ghi chú, ví dụ “(biết)” cho nhiều dòng."""

    nhom: Annotated[list[Text], Field(min_length=1)] = Field(description="Các nơi nhận của nhóm, mỗi mục một dòng.")
    ghi_chu: Text = Field(description="Ghi chú chung, ví dụ (biết) hoặc (b/c).")
    cach_in: Literal["ngoac", "dong-cuoi"] | None = Field(None, description="ngoac: dấu ngoặc “}” bên phải các dòng; dong-cuoi: ghi chú cuối dòng cuối của nhóm (mặc định).")


class NguoiNhan(_Strict):
    """Một cá nhân là nơi nhận (công dân)."""

    ca_nhan: Text = Field(description="Họ tên (và địa chỉ) của người nhận, ví dụ Ông Nguyễn Văn A, thôn 3, xã B.")
    ghi_chu: Text | None = Field(None, description="Ghi chú, ví dụ (để biết).")


class ChuanBi(_Strict):
    """Việc một đơn vị được mời phải chuẩn bị: một nhiệm vụ (chủ trì, phối hợp, thời hạn)."""

    don_vi: TextList = Field(description="Đơn vị chuẩn bị, ví dụ Sở Kế hoạch và Đầu tư; nhiều đơn vị cùng chuẩn bị thì viết danh sách.")
    noi_dung: Text | None = Field(None, description="Việc chuẩn bị, ví dụ: báo cáo tình hình kinh tế - xã hội tháng 8; câu in ra là “<đơn vị> chuẩn bị <việc>.”.")
    cau: Text | None = Field(None, description="Câu viết sẵn, in đúng như viết (thay cho câu docgen ghép), ví dụ “Để buổi làm việc đạt hiệu quả, đề nghị Phòng … chủ trì … chuẩn bị hồ sơ.”; don_vi, phoi_hop vẫn được ghi nhận là nhiệm vụ.")
    phoi_hop: TextList = Field(default_factory=list, description="Các cơ quan phối hợp chuẩn bị: “<đơn vị> chủ trì, phối hợp với … chuẩn bị …”.")
    giao: LeadVerb | None = Field(None, description="Từ mở đầu: de-nghi (“Đề nghị Sở … chuẩn bị …”), giao (“Giao …”), yeu-cau, hoặc không (mặc định).")
    thoi_han: Deadlines = Field(None, description="Thời hạn gửi tài liệu, ví dụ 3/12/2025 (“trước ngày 03/12/2025”); câu đã ghi thời hạn thì chỉ in đậm theo dam_thoi_han.")

    @model_validator(mode="after")
    def _worded(self) -> "ChuanBi":
        if (self.noi_dung is None) == (self.cau is None):
            raise ValueError("việc chuẩn bị cần đúng một trong hai khóa: noi_dung (docgen ghép câu) hoặc cau (câu viết sẵn)")
        return self


class NhomMoi(_Strict):
    """Một nhóm thành phần được mời: dòng đầu nhóm rồi các thành viên (“- Đại diện các sở:” rồi “+ Sở Y tế;”)."""

    nhom: Text = Field(description="Dòng đầu nhóm, ví dụ “Đại diện lãnh đạo các sở, ngành:”.")
    moi: Annotated[list[Text], Field(min_length=1)] = Field(description="Các thành viên của nhóm, mỗi mục một dòng “+ …;”.")
    dau: tuple[str, Text] = Field(("-", "+"), description="Dấu đầu dòng của nhóm và của thành viên, ví dụ [\"*\", \"-\"]: “* Điểm cầu …” rồi “- …;”; dấu nhóm \"\" thì dòng đầu nhóm không có dấu. Dòng đầu nhóm viết có dấu chấm cuối thì in đúng như viết (không thêm dấu hai chấm).")
    hai_cham: bool = Field(True, description="false: dòng đầu nhóm in đúng như viết, không thêm dấu hai chấm (“* Về Thành phố”).")


GIAY_MOI_PARTS = ("moi", "tham-du", "chu-tri", "thanh-phan", "noi-dung", "thoi-gian", "dia-diem", "chuan-bi", "lien-he")


class GiayMoiDanhSo(_Strict):
    """Giấy mời dạng các mục có nhãn in đậm, đánh số (1. Chủ trì, 2. Thành phần mời, …) hoặc không."""

    mo_dau: Text | None = Field(None, description="Câu mở đầu, ví dụ “Thực hiện Chương trình công tác …, Ủy ban nhân dân tỉnh tổ chức họp …”.")
    muc: list[Text] = Field(default_factory=lambda: ["chu-tri", "thanh-phan", "noi-dung", "thoi-gian", "dia-diem", "chuan-bi"],
                            description="Thứ tự các mục: moi (câu “… kính mời:” và danh sách, không nhãn), tham-du (“Tới dự <nội dung>.”, không dấu hai chấm; nhãn riêng ví dụ “Tham dự cuộc họp về”), chu-tri, thanh-phan, noi-dung, thoi-gian, dia-diem, chuan-bi, lien-he.")
    dong_trong: int = Field(0, ge=0, le=5, description="Số dòng chấm để trống dưới câu mời (mục moi), nơi văn thư viết tay người được mời; danh sách moi khi đó in ở mục thanh-phan.")
    so: bool = Field(True, description="false: các mục chỉ có nhãn in đậm, không đánh số (“**Thời gian:** …”).")
    cham: bool = Field(True, description="false: không thêm dấu chấm cuối nội dung các mục (in đúng như viết).")
    khong_hai_cham: list[Text] = Field(default_factory=list, description="Các mục có nhãn không kèm dấu hai chấm, ví dụ [thanh-phan]: “1. Thành phần” rồi danh sách.")
    xuong_dong: list[Text] = Field(default_factory=list, description="Các mục có nội dung xuống dòng dưới nhãn, ví dụ [dia-diem]: “2. Địa điểm:” rồi các dòng địa điểm. Nội dung viết nhiều dòng thì mỗi dòng một đoạn.")
    kieu_gio: Literal["tu", "luc", "vao-luc"] = Field("luc", description="Cách viết thời gian: tu (“từ 14h00 ngày 05/12/2025 (chiều thứ Sáu)”), luc (“08 giờ 00 phút, Thứ Ba, ngày …”) hoặc vao-luc (“Vào lúc 08 giờ 00 phút, ngày 25 tháng 7 năm 2019 (thứ Năm)”).")
    thoi_gian: Text | None = Field(None, description="Thời gian viết sẵn, thay cho câu docgen viết từ cuoc_hop, ví dụ “½ ngày, từ 7h30 - 9h00, Thứ Ba, ngày 06/02/2018”.")
    nhan: dict[str, Text] = Field(default_factory=dict, description="Nhãn riêng của từng mục, ví dụ chu-tri: Chủ trì cuộc họp.")
    dam_nhan: bool = Field(True, description="In đậm số và nhãn của mục (mặc định có).")
    trich_yeu: bool = Field(True, description="false: giấy mời không có dòng trích yếu (như nhiều tỉnh in).")
    them: dict[str, Text] = Field(default_factory=dict, description=(
        "Mục riêng của cơ quan, không có sẵn trong giấy mời: khóa → nội dung, nhãn ghi ở nhan, vị trí ghi trong muc, "
        "ví dụ them: {hinh-thuc: Trực tuyến …}, nhan: {hinh-thuc: Hình thức cuộc họp} in “1. Hình thức cuộc họp: Trực tuyến …”."))
    cung_dong: list[Text] = Field(default_factory=list, description=(
        "[chuan-bi]: việc chuẩn bị in ngay sau nhãn, cùng dòng, không gạch đầu dòng, ví dụ “6. Tài liệu phiên họp: … gửi "
        "về Văn phòng trước ngày …”; các việc sau (nếu có) in thành đoạn bên dưới."))

    @model_validator(mode="after")
    def _known(self) -> "GiayMoiDanhSo":
        known = set(GIAY_MOI_PARTS) | set(self.them)
        for key in [*self.muc, *self.xuong_dong, *self.khong_hai_cham, *self.cung_dong]:
            if key not in known:
                raise ValueError(f"mục “{key}” không có trong giấy mời; dùng: {', '.join(sorted(known))}, hoặc khai báo "
                                 f"mục riêng trong them (them: {{{key}: <nội dung>}}, nhan: {{{key}: <nhãn>}})")
        for key in self.them:
            if key in GIAY_MOI_PARTS:
                raise ValueError(f"mục “{key}” đã có sẵn trong giấy mời; them chỉ dùng cho mục riêng, đặt tên khác")
            if key not in self.nhan:
                raise ValueError(f"mục riêng “{key}” (them) cần nhãn: nhan: {{{key}: <nhãn in đậm>}}")
        if set(self.cung_dong) - {"chuan-bi"}:
            raise ValueError("khóa cung_dong chỉ dùng cho chuan-bi; các mục khác đã in nội dung cùng dòng với nhãn")
        return self


class Dau(_Strict):
    """Dấu chỉ độ mật (ô 10a) và mức độ khẩn (ô 10b), dưới số và ký hiệu."""

    khan: Urgency | None = Field(None, description="Mức độ khẩn: HỎA TỐC, THƯỢNG KHẨN hoặc KHẨN.")
    mat: Secrecy | None = Field(None, description="Độ mật: MẬT, TỐI MẬT hoặc TUYỆT MẬT.")


class LoiVan(_Strict):
    """How the office words the opening and the closing it writes from the meeting (issue #12):
    the date in words or figures, the part of the day, the words before the attendees and before
    the conclusion, the closing sentence's form and purpose."""

    kieu_ngay: DateWords = Field("chu", description="Ngày họp trong câu mở đầu: chu (“Ngày 06 tháng 10 năm 2023”) hoặc so (“Ngày 06/10/2023”).")
    buoi: Text | None = Field(None, description="Buổi họp đặt trước ngày, ví dụ Sáng, Chiều (“Chiều ngày 06/10/2023, …”).")
    tham_du: Text | None = Field(None, description="Lời dẫn thành phần, thay “Tham dự có các đồng chí:”; viết thường (“tham gia cuộc họp có”) thì nối vào câu đầu bằng dấu chấm phẩy.")
    dong_tu: Text | None = Field(None, description="Động từ của câu mở đầu, thay “chủ trì” (“có buổi làm việc với”, “đã kiểm tra”), ví dụ “đã chủ trì buổi làm việc với”.")
    tach_doan: list[Literal["thanh_phan", "sau_khi"]] = Field(default_factory=list, description="Phần của lời mở đầu in thành đoạn riêng: thanh_phan (“Cùng dự buổi làm việc có …”), sau_khi (“Sau khi …, … kết luận như sau:”).")
    sau_khi: Text | None = Field(None, description="Vế trước lời kết luận, thay câu mặc định theo loại cuộc họp, ví dụ “Sau khi nghe báo cáo của Sở Tài chính và ý kiến của các đại biểu”.")
    nhu_sau: Text = Field("kết luận như sau:", description="Lời dẫn vào phần kết luận sau tên người kết luận, ví dụ “kết luận và chỉ đạo như sau:”.")
    goi: NameForm = Field("gach", description="Cách viết người chủ trì, người kết luận: gach (“đồng chí Nguyễn Văn A - Phó Chủ tịch UBND tỉnh”), phay (“đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh”) hoặc chuc-vu-truoc (“Phó Chủ tịch UBND tỉnh Nguyễn Văn A”).")
    cau_ket: ClosingForm = Field("tren-day", description="Câu kết thúc: tren-day (“Trên đây là kết luận của … , Văn phòng … thông báo để …”), thong-bao (“Văn phòng … thông báo kết luận của … tại … để …”), thong-bao-y-kien (“… thông báo ý kiến kết luận của …”) hoặc ngan (“Văn phòng … thông báo để …”).")
    de: Text | None = Field(None, description="Vế sau “để” của câu kết thúc, mặc định “các cơ quan, đơn vị, địa phương biết và thực hiện”.")
