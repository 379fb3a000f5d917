"""The spec of one document, as a secretary writes it in YAML.

Each field carries its Vietnamese description once; the JSON Schema (`docgen schema`),
the commented scaffold (`docgen new`) and the error messages are all drawn from here.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..nd30 import layout as L
from ..nd30 import recipients
from ..nd30.codes import AUTHORITY_PREFIXES
from ..nd30.dates import parse_weekday, weekday
from .appendix import Bang, PhuLuc, block_problem, block_texts
from .deadlines import conflicting_deadline, written_deadline
from .forms import (
    NOTE,
    BoldMode,
    CachViet,
    ChuanBi,
    Dau,
    Deadlines,
    GiayMoiDanhSo,
    Honorific,
    LeadVerb,
    LoiVan,
    MeetingKind,
    NguoiNhan,
    NhomMoi,
    NhomNoiNhan,
    NumberStyles,
    TaskForm,
    TextList,
)
from .types import Date, DocDate, Text, TextOrBlank, TimeOfDay, as_list

# Nơi nhận: always a list, one recipient a line (a string is refused: spec/checks.py); an item is a
# line, a group sharing one note, or a person.
RecipientList = Annotated[list[Annotated[Text | NhomNoiNhan | NguoiNhan, Field(union_mode="left_to_right")]],
                          BeforeValidator(as_list)]

MAX_NUMBER = 999_999  # the biggest số a register of văn bản đi holds
MAX_COPIES = 99_999


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CoQuan(Strict):
    """Cơ quan ban hành (ô 2) và ký hiệu của nó."""

    chu_quan: TextOrBlank | None = Field(None, description="Tên cơ quan chủ quản trực tiếp, in hoa (dòng trên tên cơ quan ban hành); bỏ trống nếu không có. Xuống dòng bằng ký tự | hoặc viết nhiều dòng.")
    ten: Text = Field(description="Tên cơ quan ban hành, in hoa, ví dụ: VĂN PHÒNG hoặc ỦY BAN NHÂN DÂN | TỈNH ĐIỆN BIÊN (dấu | để xuống dòng).")
    viet_tat: str = Field(description="Chữ viết tắt tên cơ quan ban hành dùng trong ký hiệu, ví dụ VPUBND (không có dấu cách).", pattern=r"^[^\s/]+$")
    ten_goi: Text | None = Field(None, description="Tên cơ quan như viết trong câu văn, ví dụ “Văn phòng UBND tỉnh”; dùng trong câu kết thúc mặc định.")


class NguoiChuTri(Strict):
    """Một người chủ trì cuộc họp."""

    ho_ten: TextOrBlank = Field(description="Họ và tên, ví dụ Trịnh Xuân Trường; \"\" khi văn bản không nêu.")
    chuc_vu: TextOrBlank = Field(description="Chức vụ như viết trong văn bản, ví dụ Chủ tịch UBND tỉnh; \"\" khi văn bản không nêu.")
    danh_xung: Honorific | None = Field(None, description="Cách gọi: đồng chí, ông hoặc bà; mặc định theo cuoc_hop.danh_xung.")


class CuocHop(Strict):
    """Cuộc họp mà văn bản thông báo kết luận."""

    ten: Text = Field(description="Tên cuộc họp như viết sau “chủ trì” và “tại”, ví dụ: phiên họp thường kỳ tháng 9/2021 của UBND tỉnh.")
    ngay: Date = Field(description="Ngày họp, dạng ngày/tháng/năm, ví dụ 31/8/2021.")
    den_ngay: Date | None = Field(None, description="Ngày cuối khi cuộc họp kéo dài nhiều ngày, ví dụ 18/11/2020: câu mở đầu viết “Trong 02 ngày 17 và 18/11/2020” hoặc “Từ ngày … đến ngày …”; giấy mời ghi thời gian “… đến hết ngày 18/11/2020”; biên bản kết thúc và đề ngày cuối.")
    gio: TimeOfDay | None = Field(
        None, description="Giờ họp, ví dụ 8:00, 14h30 hoặc 8 giờ 30 (dùng trong giấy mời).")
    thu: Text | None = Field(None, description="Thứ trong tuần nếu muốn ghi, ví dụ Thứ Ba; docgen tự tính và báo lỗi khi thứ không khớp ngày.")
    dia_diem: Text | None = Field(None, description="Địa điểm họp (nếu cần nêu).")
    chu_tri: Annotated[list[NguoiChuTri], BeforeValidator(lambda v: [v] if isinstance(v, dict) else v)] = Field(
        min_length=1, description="Người chủ trì (một người, hoặc danh sách nếu đồng chủ trì).")
    ket_luan: NguoiChuTri | None = Field(None, description="Người kết luận, nếu khác người chủ trì thứ nhất.")
    loai: MeetingKind = Field("phien-hop", description="Loại cuộc họp, quyết định lời mở đầu: phien-hop, hop, kiem-tra (kiểm tra thực địa), lam-viec (buổi làm việc), tiep-cong-dan, doi-thoai, hoi-nghi.")
    to_chuc: Text | None = Field(None, description="Cơ quan tổ chức, khi khác người chủ trì, ví dụ “Ủy ban nhân dân tỉnh” (“… tổ chức Hội nghị …”).")
    danh_xung: Honorific = Field("đồng chí", description="Cách gọi người chủ trì, người kết luận: đồng chí, ông hoặc bà.")
    ten_ngan: Text | None = Field(None, description="Tên gọi ngắn sau lần nhắc đầu tiên, ví dụ Hội nghị, Đoàn kiểm tra.")
    thanh_phan: TextList = Field(default_factory=list, description="Thành phần tham dự, mỗi mục một nhóm đại biểu.")
    noi_dung: TextList = Field(default_factory=list, description="Các nội dung đã được báo cáo, thảo luận tại cuộc họp.")
    loi_van: LoiVan = Field(default_factory=LoiVan, description="Cách cơ quan viết câu mở đầu, câu kết thúc từ cuộc họp: kieu_ngay, buoi, tham_du, sau_khi, nhu_sau, goi, cau_ket, de.")

    @field_validator("thu")
    @classmethod
    def _is_weekday(cls, value: str | None) -> str | None:
        if value is not None and parse_weekday(value) is None:
            raise ValueError(f"“{value}” không phải là thứ trong tuần (viết Thứ Hai … Thứ Bảy, Chủ nhật)")
        return value

    def weekday_problem(self) -> str | None:
        """The stated weekday against the date: docgen computes it and refuses a contradiction."""
        if self.thu is not None and parse_weekday(self.thu) != self.ngay.weekday():
            return f"ngày {self.ngay.day}/{self.ngay.month}/{self.ngay.year} là {weekday(self.ngay)}, không phải {self.thu}"
        return None

    @property
    def concluder(self) -> NguoiChuTri:
        return self.ket_luan or self.chu_tri[0]


def check_authority(lines: list[str]) -> list[str]:
    """Each quyền hạn line starts with TM., KT., Q., TL. or TUQ. and names someone after it."""
    for line in lines:
        head = line.split(" ", 1)[0].upper()
        if head not in AUTHORITY_PREFIXES:  # most often the signer's own title, typed one line too far
            raise ValueError(
                f"dòng quyền hạn “{line}” phải bắt đầu bằng một trong {', '.join(AUTHORITY_PREFIXES)} "
                f"(Phụ lục I, Mục II.7.b Nghị định 30/2020); nếu “{line}” là chức vụ của người ký, hãy bỏ dòng này "
                f"khỏi quyen_han và ghi chuc_vu: {line}")
        if " " not in line.strip():
            raise ValueError(f"dòng quyền hạn “{line}” thiếu tên tập thể hoặc chức vụ sau {head}")
    return lines


class NguoiKy(Strict):
    """Người ký (ô 7a, 7b, 7c)."""

    quyen_han: TextList = Field(default_factory=list, description="Dòng quyền hạn, mỗi dòng bắt đầu bằng TM., KT., Q., TL. hoặc TUQ., ví dụ “TM. ỦY BAN NHÂN DÂN” rồi “KT. CHỦ TỊCH”. Bỏ trống khi người đứng đầu ký với chức vụ của mình.")
    chuc_vu: Text | None = Field(None, description="Chức vụ của người ký, ví dụ CHỦ TỊCH, PHÓ CHỦ TỊCH, CHÁNH VĂN PHÒNG.")
    ho_ten: TextOrBlank = Field(description="Họ và tên người ký (không ghi học hàm, học vị). Có thể để trống \"\" khi còn là dự thảo.")

    @field_validator("quyen_han")
    @classmethod
    def _prefix(cls, lines: list[str]) -> list[str]:
        return check_authority(lines)

    @model_validator(mode="after")
    def _has_title(self) -> "NguoiKy":
        if not self.quyen_han and not self.chuc_vu:
            raise ValueError("người ký cần có chức vụ (chuc_vu) hoặc dòng quyền hạn (quyen_han)")
        head = (self.chuc_vu or "").split(" ", 1)[0].upper()
        if head in AUTHORITY_PREFIXES:  # "KT. CHỦ TỊCH" as the title: the deputy's own line would be missing
            raise ValueError(f"chức vụ “{self.chuc_vu}” bắt đầu bằng quyền hạn ký {head}: dòng {head} đi trong quyen_han, "
                             f"chuc_vu là chức vụ của chính người ký, ví dụ quyen_han: [{self.chuc_vu}] và chuc_vu: "
                             "PHÓ CHỦ TỊCH (Phụ lục I, Mục II.7.b)")
        return self


class NguoiSoan(Strict):
    """Ký hiệu người soạn thảo và số lượng bản phát hành (ô 12)."""

    ky_hieu: str = Field(description="Chữ viết tắt tên người soạn thảo, in hoa, ví dụ PL.", pattern=r"^[^\s]+$")
    so_ban: int | None = Field(None, ge=1, le=MAX_COPIES, description="Số lượng bản phát hành, ví dụ 25.")


# A number or a bullet the author typed in front of an item docgen numbers or marks itself.
_TYPED_LABEL = re.compile(r"^\s*((?:[IVXLC]+|\d+(?:\.\d+)*)\.|[a-zđ]\)|\(\d+\)|\([ivx]+\))\s")
_TYPED_MARK = re.compile(r"^\s*([-+•–])\s")


class GiaoViec(Strict):
    """Một việc giao trong một đoạn văn giao nhiều việc: ai chủ trì, ai phối hợp, thời hạn nào."""

    chu_tri: TextList = Field(min_length=1, description="Cơ quan chủ trì việc này, như trong đoạn văn.")
    phoi_hop: TextList = Field(default_factory=list, description="Các cơ quan phối hợp thực hiện việc này.")
    thoi_han: Deadlines = Field(None, description="Thời hạn của việc này, phải có trong câu văn (docgen in đậm, không thêm câu).")


class Muc(Strict):
    """Một khối nội dung: đúng một trong doan, y, muc, nhiem_vu, bang."""

    doan: Text | None = Field(None, description="Một đoạn văn tự do.")
    y: Text | None = Field(None, description="Một ý gạch đầu dòng (“-”, cấp dưới “+”).")
    muc: Text | None = Field(None, description="Một mục được đánh số tự động (I., 1., a)); có nội dung con thì tiêu đề in đậm.")
    nhiem_vu: Text | None = Field(None, description="Một nhiệm vụ được giao: việc phải làm; câu văn được ghép từ chu_tri, phoi_hop, nhiem_vu và thoi_han.")
    bang: Bang | None = Field(None, description="Một bảng in tại chỗ trong nội dung: ten (tên bảng, nếu cần), cot (hàng tiêu đề), dong (các dòng), do_rong (độ rộng tương đối các cột, nếu cần).")
    noi_dung: list["Muc"] = Field(default_factory=list, description="Các khối con của mục hoặc ý này.")
    dam: bool | None = Field(None, description="In đậm cả dòng tiêu đề mục (mặc định: đậm khi mục có nội dung con).")
    chu_tri: TextList = Field(default_factory=list, description="Cơ quan chủ trì thực hiện nhiệm vụ, ví dụ Sở Y tế; nhiều cơ quan cùng chủ trì thì viết danh sách.")
    phoi_hop: TextList = Field(default_factory=list, description="Các cơ quan phối hợp thực hiện.")
    thoi_han: Deadlines = Field(
        None, description="Thời hạn: một ngày (15/10/2021) hoặc lời như “trước ngày 15/10/2021”, “trong tháng 11/2025”, “Quý IV/2021”, “thường xuyên”, “định kỳ hằng tháng”; nhiều thời hạn thì viết danh sách. Một đoạn (doan) không có chu_tri mà có thoi_han, ngay sau một nhiệm vụ, hoặc một khối nằm dưới nhiệm vụ, là thời hạn của chính nhiệm vụ đó.")
    dam_thoi_han: BoldMode = Field(None, description="In đậm thời hạn: true/cum (cả cụm, mặc định), ngay (chỉ ngày tháng), false/khong.")
    giao: LeadVerb | None = Field(None, description="Từ mở đầu câu nhiệm vụ: khong (“X chủ trì …”), ten (“X …” hoặc “X phối hợp với Y …”, không có chữ chủ trì), giao (“Giao X …”), yeu-cau (“Yêu cầu X …”), de-nghi (“Đề nghị X …”); mặc định theo cach_viet_nhiem_vu.")
    tiep_tuc: bool = Field(False, description="“X chủ trì, tiếp tục phối hợp với Y …”.")
    hinh_thuc: TaskForm | None = Field(None, description="Nhiệm vụ in thành: y (gạch đầu dòng), muc (mục đánh số) hoặc doan (đoạn văn); mặc định: muc khi cùng cấp có mục đánh số, y khi không.")
    so: Text | None = Field(None, description="Số mục in đúng như bản gốc, ví dụ “2.6.” hoặc “b)”; thay cho số tự động (có cảnh báo khi lệch thứ tự).")
    dam_so: bool = Field(False, description="Chỉ in đậm số mục, chữ thường: “**1.** UBND huyện …”.")
    giao_viec: list[GiaoViec] = Field(default_factory=list, description=(
        "Khi một đoạn (doan, y, muc) giao nhiều việc cho nhiều cơ quan: mỗi việc một mục {chu_tri, phoi_hop, "
        "thoi_han}; câu văn giữ nguyên, mỗi thời hạn phải có trong câu và được in đậm."))

    @field_validator("thoi_han")
    @classmethod
    def _agrees_with_text(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        """thoi_han and a deadline the sentence already writes must agree: docgen would print both.
        With several deadlines, the sentence may write any of them."""
        text = next((info.data.get(k) for k in ("nhiem_vu", "doan", "y", "muc") if info.data.get(k)), None)
        if not value or not text:
            return value
        written = {w for v in value if (w := written_deadline(text, v)) is not None}
        for item in value:
            other = conflicting_deadline(text, item)
            if other is not None and other not in written:
                raise ValueError(f"Thời hạn “{item}” (thoi_han) khác thời hạn câu văn đã ghi (“{other}”): docgen sẽ in cả "
                                 "hai, mâu thuẫn nhau. Hãy sửa cho khớp, hoặc bỏ thoi_han và giữ thời hạn trong câu")
        return value

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise ValueError(f"khối nội dung “{value}” là một số; đoạn văn là chuỗi chữ (đặt số trong ngoặc kép: \"{value}\") "
                             "hoặc một nhóm khóa doan, y, muc, nhiem_vu")
        return {"doan": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_kind(self) -> "Muc":
        if (problem := block_problem(self)) is not None:  # exactly one kind; a table with no other key
            raise ValueError(problem)
        if self.doan is not None and self.noi_dung and not self.chu_tri:
            raise ValueError("đoạn văn (doan) không có nội dung con, trừ khi nó giao nhiệm vụ (chu_tri); hãy dùng muc hoặc y")
        if self.dam is not None and self.muc is None and self.hinh_thuc != "muc":
            raise ValueError("khóa dam chỉ dùng cho mục được đánh số (muc)")
        if (self.so is not None or self.dam_so) and self.muc is None and self.hinh_thuc != "muc":
            raise ValueError("khóa so và dam_so chỉ dùng cho mục được đánh số (muc, hoặc nhiệm vụ có hinh_thuc: muc)")
        if (self.giao is not None or self.tiep_tuc or self.hinh_thuc is not None) and self.nhiem_vu is None:
            raise ValueError("khóa giao, tiep_tuc và hinh_thuc chỉ dùng cho nhiệm vụ (nhiem_vu)")
        if self.tiep_tuc and not self.phoi_hop:
            raise ValueError("tiep_tuc: true cần cơ quan phối hợp (phoi_hop)")
        if self.nhiem_vu is not None and not self.chu_tri:
            raise ValueError("nhiệm vụ (nhiem_vu) cần cơ quan chủ trì (chu_tri)")
        if self.muc is not None and (m := _TYPED_LABEL.match(self.muc)):
            raise ValueError(f"mục “{self.muc[:40]}” đã có số “{m[1]}” gõ sẵn, docgen sẽ in thêm số tự động trước nó. Hãy bỏ "
                             f"“{m[1]}” khỏi câu; muốn in đúng số này thì ghi so: \"{m[1]}\"")
        if self.y is not None and (m := _TYPED_MARK.match(self.y)):
            raise ValueError(f"ý “{self.y[:40]}” đã có dấu “{m[1]}” gõ sẵn, docgen sẽ in thêm “-” trước nó. Hãy bỏ “{m[1]}” "
                             "khỏi câu (ý cấp dưới tự in “+”)")
        if self.giao_viec and (self.nhiem_vu is not None or self.chu_tri or self.phoi_hop or self.thoi_han):
            raise ValueError("khối có giao_viec ghi chu_tri, phoi_hop, thoi_han trong từng việc của giao_viec, không ghi "
                             "ở khối; nhiệm vụ viết từ trường (nhiem_vu) thì chỉ giao một việc")
        return self

    @property
    def text(self) -> str:
        return next((v for v in (self.doan, self.y, self.muc, self.nhiem_vu) if v is not None), (self.bang and self.bang.ten) or "")


PhuLuc.model_rebuild(_types_namespace={"Muc": Muc})  # its noi_dung blocks are the body's


class GiayMoi(Strict):
    """Giấy mời họp (Mẫu 1.7, Phụ lục III): viết từ thông tin cuộc họp."""

    so: int | None = Field(None, ge=1, le=MAX_NUMBER, description="Số giấy mời; bỏ trống khi còn là dự thảo.")
    ngay: DocDate = Field(description="Ngày ký giấy mời, ví dụ 25/8/2021 hoặc /8/2021.")
    trich_yeu: Text | None = Field(None, description="Trích yếu nội dung cuộc họp; mặc định: “Dự <tên cuộc họp>”.")
    ten_loai: Literal["GIẤY MỜI", "GIẤY MỜI HỌP", "THÔNG BÁO"] = Field("GIẤY MỜI", description="Tên loại in dưới số: GIẤY MỜI, GIẤY MỜI HỌP như một số sở in, hoặc THÔNG BÁO (thông báo thay giấy mời, Số: …/TB-…).")
    moi: Annotated[list[Annotated[Text | NhomMoi, Field(union_mode="left_to_right")]], BeforeValidator(as_list), Field(min_length=1)] = Field(
        description="Thành phần được mời: cơ quan, hoặc họ tên, chức vụ, đơn vị của người được mời; mỗi mục một dòng; một nhóm có các thành viên viết {nhom, moi}. Mặc định: các nơi trong kinh_gui.")
    kinh_gui: TextList = Field(default_factory=list, description="Kính gửi (ô 9a), khi giấy mời gửi đích danh như một công văn: một nơi (cùng dòng) hoặc danh sách “- …;”; dấu cuối mục viết sẵn được giữ nguyên.")
    kinh_gui_cung_dong: bool = Field(False, description="true: mục đầu tiên in cùng dòng với “Kính gửi:” (“Kính gửi: - Sở Tài chính;”).")
    mo_dau: TextList = Field(default_factory=list, description="Các đoạn mở đầu trước câu mời (Mẫu 1.7), ví dụ “Thực hiện Kế hoạch số …, Ủy ban nhân dân tỉnh tổ chức …”.")
    loi_moi: Text | None = Field(None, description="Câu mời trước danh sách, thay cho “<tên cơ quan> trân trọng kính mời”, ví dụ “Ban Tiếp công dân huyện kính mời”; docgen thêm dấu hai chấm.")
    thoi_gian: Text | None = Field(None, description="Thời gian viết sẵn (Mẫu 1.7), thay cho câu docgen viết từ cuoc_hop, ví dụ “02 ngày, từ ngày 05 đến hết ngày 06/12/2025”.")
    noi_dung: Text | None = Field(None, description="Nội dung cuộc họp sau “Tới dự”; mặc định là tên cuộc họp.")
    chuan_bi: list[Annotated[ChuanBi | Text, Field(union_mode="left_to_right")]] = Field(default_factory=list, description="Việc các đơn vị phải chuẩn bị: mỗi mục là câu văn, hoặc {don_vi, noi_dung}.")
    lien_he: Text | None = Field(None, description="Người, số điện thoại đầu mối liên hệ.")
    luu_y: TextList = Field(default_factory=list, description="Các vấn đề cần lưu ý, ghi chú: một hoặc nhiều dòng cuối, in như viết, dòng cuối kết thúc bằng ./.; ví dụ “Ghi chú:” rồi “- Đề nghị đại biểu có mặt trước 15 phút.”.")
    danh_so: GiayMoiDanhSo | None = Field(None, description="Giấy mời dạng các mục đánh số có nhãn (1. Chủ trì, 2. Thành phần mời, …) thay cho Mẫu 1.7; có thể ghi trong docgen.yaml (giay_moi_danh_so).")
    nguoi_ky: NguoiKy | None = Field(None, description="Người ký giấy mời (mã trong hồ sơ hoặc đầy đủ); mặc định: người ký chung.")
    noi_nhan: RecipientList = Field(default_factory=list, description="Nơi nhận; mặc định là các thành phần được mời.")
    luu: Text | None = Field(None, description="Dòng lưu của giấy mời; mặc định: dòng lưu chung (luu).")

    @model_validator(mode="before")
    @classmethod
    def _invitees_from_kinh_gui(cls, value: object) -> object:
        """A giấy mời sent by name invites its addressees: moi defaults to kinh_gui."""
        if isinstance(value, dict) and not value.get("moi") and value.get("kinh_gui"):
            return {**value, "moi": value["kinh_gui"]}
        return value

    @property
    def nguoi_moi(self) -> list[str]:
        """Everyone invited, one name each: the plain items and the members of each group."""
        return [name for item in self.moi for name in ([item] if isinstance(item, str) else item.moi)]


class CongVan(Strict):
    """Công văn (Mẫu 1.5, Phụ lục III), ví dụ gửi kết luận cuộc họp và đề nghị báo cáo."""

    so: int | None = Field(None, ge=1, le=MAX_NUMBER, description="Số công văn; bỏ trống khi còn là dự thảo.")
    ngay: DocDate = Field(description="Ngày ký công văn.")
    don_vi_soan: str = Field(description="Chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực, ví dụ TH: Số: …/VPUBND-TH (Phụ lục I, Mục II.3.b).", pattern=r"^[^\s/]+$")
    v_v: Text = Field(description="Trích yếu sau “V/v”, viết thường, ví dụ: triển khai kết luận của Chủ tịch UBND tỉnh.")
    kinh_gui: TextList = Field(min_length=1, description="Nơi gửi: một cơ quan (cùng dòng với “Kính gửi:”) hoặc danh sách.")
    noi_dung: list[Muc] = Field(min_length=1, description="Nội dung công văn: đoạn văn, mục, ý, nhiệm vụ.")
    danh_so: NumberStyles = Field("1", description="Cách đánh số các mục của công văn (mặc định 1., 2. rồi a), b)), ví dụ [\"1\", \"1.1\"] cho 1.1., 1.2.")
    nguoi_ky: NguoiKy | None = Field(None, description="Người ký công văn; mặc định: người ký chung.")
    noi_nhan: RecipientList = Field(default_factory=list, description="Nơi nhận thêm; “- Như trên;” luôn đứng đầu (Phụ lục I, Mục II.9.b).")
    luu: Text | None = Field(None, description="Dòng lưu của công văn; mặc định: dòng lưu chung (luu).")
    ghi_sau: TextList = Field(default_factory=list, description="Dòng in sau dấu ./. của công văn, ví dụ “*(Đính kèm …)*”.")


class PhatBieu(Strict):
    """Một người báo cáo hoặc phát biểu tại cuộc họp."""

    nguoi: Text = Field(description="Người phát biểu, như viết đầu dòng: ví dụ Đồng chí Nguyễn Văn A - Giám đốc Sở Y tế.")
    noi_dung: Text = Field(description="Nội dung báo cáo hoặc ý kiến, tóm tắt.")


class ThuKy(Strict):
    """The secretary signs the minutes: like a signer, the name may stay blank in a draft."""

    ho_ten: TextOrBlank = Field(description="Họ và tên thư ký. Có thể để trống \"\" khi còn là dự thảo.")
    chuc_vu: Text = Field(description="Chức vụ, đơn vị của thư ký.")


class BienBan(Strict):
    """Biên bản cuộc họp (Phụ lục III, Mẫu 1.9); phần kết luận lấy từ nội dung của thông báo."""

    so: int | None = Field(None, ge=1, description="Số biên bản (…/BB-…); bỏ trống khi còn là dự thảo.")
    bat_dau: TimeOfDay = Field(description="Giờ bắt đầu, ví dụ 8:00.")
    ket_thuc: TimeOfDay = Field(description="Giờ kết thúc, ví dụ 11:30.")
    dia_diem: Text | None = Field(None, description="Địa điểm; mặc định: địa điểm của cuoc_hop.")
    co_mat: TextList = Field(default_factory=list, description="Thành phần có mặt; mặc định: cuoc_hop.thanh_phan.")
    vang_mat: TextList = Field(default_factory=list, description="Người vắng mặt (và lý do), nếu có.")
    thu_ky: ThuKy = Field(description="Thư ký (người ghi biên bản): họ tên và chức vụ; ký bên trái.")
    bao_cao: list[PhatBieu] = Field(default_factory=list, description="Các báo cáo trình bày tại cuộc họp, theo thứ tự.")
    y_kien: list[PhatBieu] = Field(default_factory=list, description="Ý kiến phát biểu, thảo luận, theo thứ tự.")
    noi_nhan: TextList = Field(default_factory=list, description="Nơi nhận biên bản (dòng “- Lưu: …” thêm tự động).")
    luu: Text = Field("VT, hồ sơ", description="Dòng lưu của biên bản; mẫu 1.9 ghi “VT, hồ sơ”.")


DocKind = Literal["thong-bao", "chi-thi", "giay-moi", "bien-ban", "cong-van"]


class TrinhBay(Strict):
    """Giãn dòng và khoảng cách đoạn của phần nội dung: lựa chọn của cơ quan trong giới hạn của
    Nghị định 30 (Phụ lục I, Mục II.6.e)."""

    gian_dong: float | None = Field(None, ge=1.0, le=1.5, description=(
        "Khoảng cách giữa các dòng, tính bằng dòng: từ 1 (dòng đơn) đến 1,5; mặc định "
        f"{str(L.LINE_SPACING_RANGE.chosen).replace('.', ',')}."))
    cach_doan: float | None = Field(None, ge=6, le=24, description=(
        f"Khoảng cách giữa các đoạn văn, tính bằng pt: tối thiểu 6; mặc định {L.PARAGRAPH_SPACING_RANGE.chosen:g}."))
    thang_hai_so: bool = Field(False, description=(
        "Ghi mọi tháng bằng hai chữ số (“tháng 03”) như một số cơ quan vẫn in; Nghị định 30 chỉ thêm số 0 "
        "cho tháng 1, 2 (“tháng 01”, “tháng 9”) và docgen check báo lệch (ND30-DATE-PAD)."))
    so_chu_so: int | None = Field(None, ge=3, le=6, description=(
        "Số văn bản in đủ bao nhiêu chữ số (3: “Số: 012/CT-UBND”) như một số cơ quan cấp số; Nghị định 30 chỉ "
        "thêm số 0 cho số dưới 10 (“05”) và docgen check báo lệch (ND30-SO-PAD)."))


class Spec(Strict):
    """Một văn bản: Thông báo kết luận hoặc Chỉ thị (Mẫu 1.4, Phụ lục III Nghị định 30/2020)."""

    loai: Literal["thong-bao", "chi-thi"] | None = Field(None, description="Văn bản chính: thong-bao (Thông báo) hoặc chi-thi (Chỉ thị).")
    van_ban: list[DocKind] = Field(default_factory=list, description="Các văn bản làm từ tệp này: thong-bao, chi-thi, giay-moi, bien-ban, cong-van; mặc định: văn bản chính (loai).")
    co_quan: CoQuan = Field(description="Cơ quan ban hành.")
    so: int | None = Field(None, ge=1, le=MAX_NUMBER, description="Số văn bản do văn thư cấp; bỏ trống khi còn là dự thảo (Số:      /TB-...).")
    dia_danh: Text = Field(description="Địa danh ghi ở dòng ngày tháng, ví dụ Lào Cai.")
    ngay: DocDate | None = Field(None, description="Ngày ban hành, dạng ngày/tháng/năm; khi chưa có ngày viết /9/2021.")
    trich_yeu: Text | None = Field(None, description="Trích yếu nội dung, viết thường, ví dụ: Kết luận của Chủ tịch UBND tỉnh tại ...")
    kinh_gui: TextList = Field(default_factory=list, description="Nơi gửi (ô 9a) khi thông báo, chỉ thị in dòng “Kính gửi”: một cơ quan (cùng dòng với “Kính gửi:”) hoặc danh sách; bỏ trống thì không in.")
    cuoc_hop: CuocHop | None = Field(None, description="Cuộc họp (với thông báo kết luận): dùng để viết đoạn mở đầu và câu kết thúc mặc định.")
    mo_dau: TextList = Field(default_factory=list, description="Đoạn mở đầu (mỗi mục một đoạn); bỏ trống thì docgen viết từ thông tin cuộc họp.")
    danh_so: NumberStyles = Field("I", description="Cách đánh số: một kiểu cho cấp ngoài cùng (I, 1 hoặc a; các cấp sau theo I → 1 → a) hoặc danh sách mỗi cấp một kiểu, trong I (I., II.), 1 (1., 2.), 1.1 (2.1., 2.1.1.), (1) ((1), (2)), a (a), b)), (i) ((i), (ii)), - hoặc +.")
    cach_viet_nhiem_vu: CachViet | None = Field(None, description="Cách viết nhiệm vụ mặc định (từ mở đầu, hình thức, in đậm thời hạn); thường ghi trong docgen.yaml.")
    noi_dung: list[Muc] = Field(default_factory=list, description="Nội dung: các mục, đoạn văn, ý và nhiệm vụ, theo thứ tự.")
    doi_tuong_thuc_hien: TextList = Field(default_factory=list, description="Với chỉ thị: những người, cơ quan có trách nhiệm thực hiện, dùng trong câu kết thúc mặc định.")
    ket_thuc: Text | Literal[False] | None = Field(None, description="Câu kết thúc; bỏ trống thì docgen viết câu mặc định theo loại văn bản; false: không có câu kết thúc, dấu ./. đặt cuối đoạn cuối của nội dung. Dấu ./. được thêm tự động.")
    ghi_sau: TextList = Field(default_factory=list, description="Dòng in sau dấu ./., ví dụ “(gửi kèm theo Phiếu ghi ý kiến …)”.")
    chu_thich: TextList = Field(default_factory=list, description="Chú thích cuối trang, theo thứ tự; trong nội dung viết [^1], [^2] … tại chỗ cần chú thích.")
    dau: Dau | None = Field(None, description="Dấu độ mật (mat: MẬT, TỐI MẬT, TUYỆT MẬT) và mức độ khẩn (khan: HỎA TỐC, THƯỢNG KHẨN, KHẨN) của mọi văn bản làm từ tệp này, in dưới số và ký hiệu.")
    nguoi_ky: NguoiKy | None = Field(None, description="Người ký văn bản (mã người ký trong hồ sơ docgen.yaml, hoặc đầy đủ); chỉ được bỏ khi mọi văn bản của tệp có người ký riêng (giay_moi.nguoi_ky, cong_van.nguoi_ky; biên bản do chủ tọa ký).")
    noi_nhan: RecipientList = Field(default_factory=list, description="Nơi nhận, mỗi mục một dòng, không cần “- ” và “;”, ví dụ “Bộ Nội vụ (b/c)”; ghi chú gõ sau dấu chấm phẩy giữ nguyên (“TT. Huyện ủy; (b/cáo)”); một nhóm chung ghi chú {nhom: [...], ghi_chu: (biết)}; một người {ca_nhan: Ông Nguyễn Văn A, thôn 3}.")
    luu: Text = Field("VT", description="Dòng lưu, ví dụ “VT, TH” (in ra “- Lưu: VT, TH.”).")
    nguoi_soan: NguoiSoan | None = Field(None, description="Ký hiệu người soạn thảo và số bản phát hành (ô 12), nếu cần.")
    giay_moi: GiayMoi | None = Field(None, description="Giấy mời họp (khi van_ban có giay-moi).")
    cong_van: CongVan | None = Field(None, description="Công văn (khi van_ban có cong-van).")
    bien_ban: BienBan | None = Field(None, description="Biên bản cuộc họp (khi van_ban có bien-ban).")
    trinh_bay: TrinhBay | None = Field(None, description="Giãn dòng, khoảng cách đoạn (thường đặt trong docgen.yaml).")
    phu_luc: list[PhuLuc] = Field(default_factory=list, description="Các phụ lục kèm theo văn bản, mỗi phụ lục bắt đầu ở trang mới: ten, noi_dung, bang, nhiem_vu: true (bảng nhiệm vụ).")

    @property
    def documents(self) -> list[str]:
        return list(self.van_ban) or ([self.loai] if self.loai else [])

    def missing(self) -> list[tuple[tuple, str]]:
        """Fields a requested document needs and the spec does not give: (path, message)."""
        out: list[tuple[tuple, str]] = []
        docs = self.documents
        if not docs:
            out.append(((), "cần khóa loai (thong-bao hoặc chi-thi) hoặc danh sách van_ban"))
        main = [d for d in docs if d in ("thong-bao", "chi-thi")]
        if len(main) > 1:
            out.append((("van_ban",), "mỗi tệp chỉ có một văn bản chính (thong-bao hoặc chi-thi)"))
        if main and self.loai != main[0]:
            out.append((("loai",), f"van_ban có {main[0]} thì loai phải là {main[0]}"))
        if main:
            for key in ("ngay", "trich_yeu", "noi_dung", "noi_nhan"):
                if getattr(self, key):
                    continue
                if key in self.model_fields_set and isinstance(getattr(self, key), list):
                    out.append(((key,), "danh sách cần ít nhất 1 mục"))
                else:
                    out.append(((key,), f"thiếu trường bắt buộc “{key}” của văn bản chính"))
        for kind, key in (("giay-moi", "giay_moi"), ("cong-van", "cong_van"), ("bien-ban", "bien_ban")):
            if kind in docs and getattr(self, key) is None:
                out.append(((key,), f"van_ban có {kind} thì cần nhóm khóa “{key}”"))
        own = {"bien-ban": True, "giay-moi": self.giay_moi and self.giay_moi.nguoi_ky, "cong-van": self.cong_van and self.cong_van.nguoi_ky}
        if self.nguoi_ky is None and not all(own.get(d) for d in docs):
            out.append((("nguoi_ky",), "thiếu trường bắt buộc “nguoi_ky”"))
        if "giay-moi" in docs and self.cuoc_hop is None:
            out.append((("cuoc_hop",), "giấy mời cần thông tin cuộc họp (cuoc_hop)"))
        if "bien-ban" in docs and (self.cuoc_hop is None or not self.noi_dung):
            out.append((("cuoc_hop",), "biên bản cần thông tin cuộc họp (cuoc_hop) và nội dung kết luận (noi_dung)"))
        if self.cuoc_hop is not None and (problem := self.cuoc_hop.weekday_problem()):
            out.append((("cuoc_hop", "thu"), problem))
        if "giay-moi" in docs and not self.co_quan.ten_goi and not (self.giay_moi and self.giay_moi.loi_moi):
            out.append((("co_quan",), "giấy mời cần co_quan.ten_goi (tên cơ quan viết trong câu “… trân trọng kính mời:”) hoặc giay_moi.loi_moi"))
        if self.loai is not None and self.ket_thuc is None:
            if self.loai == "thong-bao" and (self.cuoc_hop is None or not self.co_quan.ten_goi):
                out.append((("ket_thuc",), "thông báo không có câu kết thúc (ket_thuc) thì cần cuoc_hop và co_quan.ten_goi để docgen viết câu mặc định"))
            if self.loai == "chi-thi" and not self.doi_tuong_thuc_hien:
                out.append((("ket_thuc",), "chỉ thị không có câu kết thúc (ket_thuc) thì cần doi_tuong_thuc_hien để docgen viết câu mặc định"))
        if not self.mo_dau and self.loai == "thong-bao" and self.cuoc_hop is None:
            out.append((("mo_dau",), "thông báo cần đoạn mở đầu (mo_dau) hoặc thông tin cuộc họp (cuoc_hop)"))
        return out

    @model_validator(mode="after")
    def _notes_exist(self) -> "Spec":
        texts = [*self.mo_dau, self.ket_thuc or "", *self.ghi_sau, *block_texts(self.noi_dung)]
        if self.cong_van is not None:
            texts += block_texts(self.cong_van.noi_dung)
        for text in texts:
            for m in NOTE.finditer(text):
                if not 1 <= int(m[1]) <= len(self.chu_thich):
                    raise ValueError(f"chú thích {m[0]} chưa có nội dung: chu_thich có {len(self.chu_thich)} mục")
        return self

    @property
    def recipient_names(self) -> list[str]:
        """Every name on Nơi nhận that gets a copy (group members one by one, notes typed after
        the semicolon left out)."""
        return [name for item in self.noi_nhan for name in recipients.entry_names(item)]

    def is_named_person(self, name: str) -> bool:
        """A recipient given as `ca_nhan`: a person, whatever the name looks like."""
        return any(isinstance(i, NguoiNhan) and i.ca_nhan == name for i in self.noi_nhan)

    @property
    def issued(self) -> bool:
        return self.so is not None and self.ngay is not None and self.ngay.complete


