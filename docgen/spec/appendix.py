"""Phụ lục (Điều 8.3; Phụ lục I, Mục III of Decree 30): the appendices a document carries, as a
secretary writes them under `phu_luc:`. Kept apart from schema.py; its `noi_dung` blocks are the
body's own (`Muc`), bound when schema.py has defined them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .forms import NOTE
from .types import Cell, Text

if TYPE_CHECKING:  # defined in schema.py, which imports this module first
    from .schema import Muc, Spec

# The documents an appendix may go with: those with a body of their own.
AttachedTo = Literal["thong-bao", "chi-thi", "giay-moi", "cong-van"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Bang(_Strict):
    """Một bảng (trong phụ lục, hoặc một khối của nội dung văn bản): tên bảng nếu có, hàng tiêu đề và các dòng."""

    ten: Text | None = Field(None, description="Tên bảng, in đậm, căn giữa ngay trên bảng, ví dụ: Lịch kiểm tra các trường (nếu cần).")
    cot: list[Text] = Field(min_length=1, description="Các ô của hàng tiêu đề, ví dụ [STT, Đơn vị, Số lượng]; hàng tiêu đề in đậm, căn giữa, lặp lại ở đầu mỗi trang.")
    dong: list[list[Cell]] = Field(min_length=1, description="Các dòng của bảng, mỗi dòng là danh sách các ô, đủ số ô như hàng tiêu đề; cột đầu tên “STT” thì căn giữa.")
    do_rong: list[float] | None = Field(None, description="Độ rộng tương đối của các cột, ví dụ [1, 6, 3]: mỗi cột một số lớn hơn 0; mặc định chia đều (cột STT hẹp).")

    def problems(self) -> list[tuple[tuple, str]]:
        """Rows and widths that do not match the header: (path inside the table, message)."""
        n = len(self.cot)
        out = [(("dong", i), f"dòng {i + 1} của bảng có {len(row)} ô, hàng tiêu đề (cot) có {n} cột: mỗi dòng cần đúng {n} ô "
                             "(ô trống viết \"\")") for i, row in enumerate(self.dong) if len(row) != n]
        if self.do_rong is not None and len(self.do_rong) != n:
            out.append((("do_rong",), f"do_rong có {len(self.do_rong)} số, bảng có {n} cột: cần đúng {n} số"))
        if self.do_rong is not None and any(w <= 0 for w in self.do_rong):
            out.append((("do_rong",), "mỗi độ rộng trong do_rong phải lớn hơn 0"))
        return out


class PhuLuc(_Strict):
    """Một phụ lục kèm theo văn bản (Điều 8.3 Nghị định 30/2020): bắt đầu ở trang mới, sau phần nơi nhận, chữ ký."""

    ten: Text = Field(description="Tên phụ lục, in hoa khi in ra, ví dụ: Danh mục nhiệm vụ giao các cơ quan, đơn vị.")
    van_ban: AttachedTo | None = Field(None, description="Văn bản mà phụ lục kèm theo: thong-bao, chi-thi, giay-moi hoặc cong-van; mặc định: văn bản chính (loai), hoặc văn bản đầu tiên trong van_ban.")
    noi_dung: list[Muc] = Field(default_factory=list, description="Các đoạn văn, mục, ý của phụ lục, viết như nội dung văn bản.")
    bang: Bang | None = Field(None, description="Một bảng: cot (hàng tiêu đề), dong (các dòng), do_rong (độ rộng tương đối các cột, nếu cần).")
    nhiem_vu: bool = Field(False, description="true: thêm bảng các nhiệm vụ văn bản giao (STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn), lấy từ nội dung văn bản.")

    @model_validator(mode="after")
    def _has_content(self) -> "PhuLuc":
        if not self.noi_dung and self.bang is None and not self.nhiem_vu:
            raise ValueError("phụ lục cần có nội dung: noi_dung (đoạn văn), bang (bảng) hoặc nhiem_vu: true "
                             "(bảng nhiệm vụ của văn bản)")
        return self


def attached_to(spec: Spec, appendix: PhuLuc) -> str | None:
    """The document an appendix goes with: as written, else the main one, else the first with a body."""
    if appendix.van_ban is not None:
        return appendix.van_ban
    if spec.loai is not None:
        return spec.loai
    return next((d for d in spec.documents if d in get_args(AttachedTo)), None)


# The kinds of a body block (`Muc`): exactly one per block.
BLOCK_KINDS = ("doan", "y", "muc", "nhiem_vu", "bang")


def block_problem(block: Muc) -> str | None:
    """A block of more or fewer than one kind; a table with keys of a paragraph or a task."""
    kinds = [k for k in BLOCK_KINDS if getattr(block, k) is not None]
    if len(kinds) != 1:
        return (f"mỗi khối nội dung cần đúng một trong các khóa {', '.join(BLOCK_KINDS)} "
                f"(đang có: {', '.join(kinds) if kinds else 'không có khóa nào'})")
    extra = sorted(block.model_fields_set - {"bang"}) if block.bang is not None else []
    if extra:
        return (f"khối bảng (bang) chỉ có khóa bang (ten, cot, dong, do_rong bên trong), không có {', '.join(extra)}: "
                "đoạn văn, nhiệm vụ trước hoặc sau bảng viết thành khối riêng")
    return None


def _blocks(blocks: list[Muc], path: tuple):
    """(path, block) of every block under `blocks`, in the order they are printed."""
    for i, block in enumerate(blocks):
        yield path + (i,), block
        yield from _blocks(block.noi_dung, path + (i, "noi_dung"))


def block_texts(blocks: list[Muc]) -> list[str]:
    """The text of every block under `blocks`, in order (a table: its title, or "")."""
    return [block.text for _, block in _blocks(blocks, ())]


def table_problems(spec: Spec) -> list[tuple[tuple, str]]:
    """Tables among the blocks of a body (and of an appendix): rows against the header; a body
    that must end its last paragraph with ./. cannot end with a table."""
    groups = [(spec.noi_dung, ("noi_dung",), spec.ket_thuc is False)]
    if spec.cong_van is not None:
        groups.append((spec.cong_van.noi_dung, ("cong_van", "noi_dung"), True))
    groups += [(a.noi_dung, ("phu_luc", i, "noi_dung"), False) for i, a in enumerate(spec.phu_luc)]
    out: list[tuple[tuple, str]] = []
    for blocks, base, closes in groups:
        every = list(_blocks(blocks, base))
        out += [(at + ("bang",) + path, message) for at, block in every if block.bang is not None
                for path, message in block.bang.problems()]
        if closes and every and every[-1][1].bang is not None:
            out.append((every[-1][0], "nội dung kết thúc bằng một bảng, nhưng dấu ./. phải đứng cuối một đoạn văn: hãy "
                                      "thêm một đoạn văn (doan) sau bảng"))
    return out


def appendix_problems(spec: Spec) -> list[tuple[tuple, str]]:
    """Cross-field checks of `phu_luc`: table rows against their header, the document each goes with."""
    out: list[tuple[tuple, str]] = []
    for i, appendix in enumerate(spec.phu_luc):
        at = ("phu_luc", i)
        out += [(at + path, f"chú thích {m[0]} không dùng trong phụ lục: hãy viết lời chú thích ngay trong đoạn văn")
                for path, block in _blocks(appendix.noi_dung, ("noi_dung",)) for m in NOTE.finditer(block.text)][:1]
        if appendix.bang is not None:
            out += [(at + ("bang",) + path, message) for path, message in appendix.bang.problems()]
        kind = attached_to(spec, appendix)
        if kind is None:
            out.append((at, "phụ lục kèm theo thông báo, chỉ thị, giấy mời hoặc công văn: tệp này không làm văn bản nào trong số đó"))
        elif kind not in spec.documents:
            out.append((at + ("van_ban",), f"phụ lục kèm theo {kind}, nhưng tệp không làm văn bản này "
                                           f"(van_ban đang có: {', '.join(spec.documents) or 'không có'})"))
    return out
