"""The danh bạ đơn vị: the agencies an office writes to, and the groups it names them by.

A YAML file validated like a spec (file:line [field] message, exit 2). A spec may name an
agency or a group in `noi_nhan`, `chu_tri` and `phoi_hop`; the document prints the name as
written, and the directory expands a group into its agencies for the copy count, the
register and one bản trích sao per agency.

Found by `--danh-ba FILE`, else `danh-ba.yaml` in the spec's folder or the nearest parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from ..nd30 import recipients
from ..plumbing.errors import DocgenError, Problem, SpecError
from ..spec.messages import translate
from ..spec.schema import Muc, NguoiKy, Spec, Strict, TextList
from ..spec.types import Text
from ..spec.yamlsource import Source, dotted, read_source
from . import names

DIRECTORY_NAME = "danh-ba.yaml"


class DonVi(Strict):
    """Một cơ quan, đơn vị nhận văn bản."""

    ten: Text = Field(description="Tên đầy đủ, ví dụ Sở Kế hoạch và Đầu tư tỉnh Lào Cai.")
    ten_ngan: Text = Field(description="Tên ngắn như ghi ở Nơi nhận và trong câu giao việc, ví dụ Sở Kế hoạch và Đầu tư; "
                                       "dùng làm tên tệp bản trích sao.")
    ten_khac: TextList = Field(default_factory=list, description="Các cách viết khác của tên gặp trong văn bản, ví dụ Sở KH&ĐT.")
    email: str | None = Field(None, description="Thư điện tử nhận văn bản (nếu có).")
    dia_chi: Text | None = Field(None, description="Địa chỉ gửi bản giấy (nếu có).")
    nhom: TextList = Field(default_factory=list, description="Các nhóm mà đơn vị thuộc về, ví dụ Các sở, ban, ngành thuộc UBND tỉnh.")
    so_ban: int = Field(1, ge=1, le=9999, description="Số bản gửi đơn vị này (mặc định 1), ví dụ 4 cho “Lãnh đạo Văn phòng”.")
    buu_dien: bool = Field(False, description="Nhận bản giấy qua bưu điện: được ghi vào Sổ gửi văn bản đi bưu điện.")

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _looks_like_email(value):
            raise ValueError(f"“{value}” không phải là địa chỉ thư điện tử (dạng ten@coquan.gov.vn)")
        return value


def _looks_like_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain.strip(".") and not any(c.isspace() for c in value))


class Nhom(Strict):
    """Một nhóm đơn vị được gọi chung một tên trong văn bản."""

    ten: Text = Field(description="Tên nhóm như viết trong văn bản, ví dụ Các sở, ban, ngành thuộc UBND tỉnh.")
    ten_khac: TextList = Field(default_factory=list, description="Các cách viết khác, ví dụ Các sở, ban, ngành tỉnh.")
    gom: TextList = Field(default_factory=list, description="Các nhóm khác mà mọi thành viên đều thuộc nhóm này, "
                                                           "ví dụ “các cơ quan, đơn vị, địa phương” gồm các sở và UBND các huyện.")
    ghi_chu: Text | None = Field(None, description="Ghi chú; một nhóm không có thành viên (như “các đơn vị liên quan”) "
                                                   "được in như đã viết nhưng không ai nhận bản trích sao.")


class TrichSao(Strict):
    """Ai nhận bản trích sao (lựa chọn của cơ quan)."""

    gui: Literal["chu-tri", "chu-tri-phoi-hop"] = Field(
        "chu-tri", description="chu-tri: chỉ cơ quan chủ trì nhiệm vụ nhận bản trích sao (mặc định); chu-tri-phoi-hop: "
                               "cả cơ quan phối hợp được nêu tên.")
    nhom: bool = Field(False, description="Một nhóm (ví dụ “các sở, ban, ngành”) được giao việc thì mỗi thành viên nhận "
                                          "bản trích sao; mặc định không: nhóm đã nhận văn bản theo Nơi nhận.")
    ca_noi_nhan: bool = Field(False, description="Cả đơn vị đã nhận bản chính theo Nơi nhận cũng nhận bản trích sao "
                                                 "phần việc của mình; mặc định không.")
    ca_van_ban: Literal["sao-y", "khong"] = Field(
        "sao-y", description="Khi phần của một đơn vị là cả nội dung văn bản thì đó không còn là trích sao: sao-y làm "
                             "bản sao y (SY, Phụ lục I, Phần II), khong: không làm bản sao.")


class DanhBa(Strict):
    """Danh bạ đơn vị của một cơ quan: ai nhận văn bản, thuộc nhóm nào, nhận bằng cách nào."""

    co_quan: Text | None = Field(None, description="Cơ quan dùng danh bạ này, ví dụ Văn phòng UBND tỉnh Lào Cai.")
    nguoi_ky_sao: NguoiKy | None = Field(None, description="Người ký bản trích sao; bỏ trống thì là người ký văn bản.")
    luu_ban_sao: Text = Field("VT", description="Dòng lưu của bản trích sao, ví dụ “VT” (in ra “- Lưu: VT.”).")
    don_vi: list[DonVi] = Field(min_length=1, description="Các cơ quan, đơn vị.")
    nhom: list[Nhom] = Field(default_factory=list, description="Các nhóm đơn vị.")
    trich_sao: TrichSao = Field(default_factory=TrichSao, description="Ai nhận bản trích sao, và khi phần trích là cả văn bản.")


@dataclass(frozen=True)
class Agency:
    """One agency of the directory, as distribution uses it."""

    index: int
    ten: str
    ten_ngan: str
    email: str | None
    dia_chi: str | None
    so_ban: int
    buu_dien: bool


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[int, ...]  # agency indices, directory order


@dataclass
class Directory:
    file: str
    agencies: list[Agency]
    groups: list[Group]
    copy_signer: NguoiKy | None = None
    copy_archive: str = "VT"
    copy_policy: TrichSao = field(default_factory=TrichSao)
    _index: dict[str, Agency | Group] = field(default_factory=dict, repr=False)

    def lookup(self, name: str) -> Agency | Group | None:
        """The agency or group a name stands for; a trailing note such as “(b/c)” is ignored."""
        found = self._index.get(names.key(name))
        if found is None and (bare := names.without_note(name)):
            found = self._index.get(names.key(bare))
        return found

    def expand(self, name: str) -> list[Agency]:
        """The agencies a name stands for (a group's members); KeyError when unknown."""
        found = self.lookup(name)
        if found is None:
            raise KeyError(name)
        if isinstance(found, Agency):
            return [found]
        return [self.agencies[i] for i in found.members]

    def suggestions(self, name: str) -> list[str]:
        shown = {k: (v.ten_ngan if isinstance(v, Agency) else v.name) for k, v in self._index.items()}
        return names.closest(name, shown, cutoff=0.75)


def find_directory(spec_path: Path, explicit: Path | None = None) -> Path | None:
    """`--danh-ba` when given, else the office profile's `danh_ba`, else danh-ba.yaml beside
    the spec or in the nearest parent."""
    if explicit is not None:
        return Path(explicit)
    from ..spec.profile import find_profile, load_profile

    if (profile := find_profile(Path(spec_path))) is not None:
        prof, _ = load_profile(profile)
        if prof.danh_ba:
            return profile.resolve().parent / prof.danh_ba
    folder = Path(spec_path).resolve().parent
    for candidate in (folder, *folder.parents):
        path = candidate / DIRECTORY_NAME
        if path.is_file():
            return path
    return None


def load_directory(path: Path) -> Directory:
    """Read and validate a directory file; SpecError naming every problem at once."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise SpecError([Problem(str(path), None, "", "Không tìm thấy tệp danh bạ.")]) from None
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_cached(file: str, _mtime: int, _size: int) -> Directory:
    return directory_from_source(read_source(Path(file)))


def directory_from_source(source: Source) -> Directory:
    if not isinstance(source.data, dict):
        raise SpecError([Problem(source.file, 1, "", "Tệp danh bạ rỗng hoặc không phải một nhóm khóa YAML (don_vi:, nhom:, …).")])
    try:
        model = DanhBa.model_validate(source.data)
    except ValidationError as exc:
        raise SpecError(translate(exc, source, DanhBa)) from None
    return _resolve(model, source)


def _resolve(model: DanhBa, source: Source) -> Directory:
    problems: list[Problem] = []
    agencies = [Agency(i, d.ten, d.ten_ngan, d.email, d.dia_chi, d.so_ban, d.buu_dien) for i, d in enumerate(model.don_vi)]
    # Every name points at ("don_vi", i) or ("nhom", i); a name may point at one thing only.
    index: dict[str, tuple[str, int]] = {}
    first_line: dict[str, int | None] = {}

    def claim(name: str, owner: tuple[str, int], path: tuple) -> None:
        k = names.key(name)
        line = source.line_of(path)
        if k in index and index[k] != owner:
            kind, i = index[k]
            what = f"đơn vị “{model.don_vi[i].ten_ngan}”" if kind == "don_vi" else f"nhóm “{model.nhom[i].ten}”"
            where = f" (dòng {first_line[k]})" if first_line.get(k) else ""
            problems.append(Problem(source.file, line, dotted(path),
                                    f"Tên “{name}” trùng với {what}{where}; mỗi tên chỉ được chỉ một đơn vị hoặc một nhóm."))
            return
        index[k] = owner
        first_line.setdefault(k, line)

    for i, d in enumerate(model.don_vi):
        claim(d.ten_ngan, ("don_vi", i), ("don_vi", i, "ten_ngan"))
        claim(d.ten, ("don_vi", i), ("don_vi", i, "ten"))
        for j, alias in enumerate(d.ten_khac):
            claim(alias, ("don_vi", i), ("don_vi", i, "ten_khac", j))
    for i, g in enumerate(model.nhom):
        claim(g.ten, ("nhom", i), ("nhom", i, "ten"))
        for j, alias in enumerate(g.ten_khac):
            claim(alias, ("nhom", i), ("nhom", i, "ten_khac", j))

    group_names = {names.key(g.ten): g.ten for g in model.nhom}

    def group_ref(name: str, path: tuple) -> int | None:
        owner = index.get(names.key(name))
        if owner is not None and owner[0] == "nhom":
            return owner[1]
        if owner is not None:
            msg = f"“{name}” là tên một đơn vị, không phải một nhóm."
        else:
            close = names.closest(name, group_names)
            hint = f" Có phải ý bạn là {', '.join(f'“{c}”' for c in close)}?" if close else " Hãy khai báo nhóm này trong mục nhom."
            msg = f"Nhóm “{name}” chưa được khai báo trong mục nhom.{hint}{comma_hint(name, group_names.values())}"
        problems.append(Problem(source.file, source.line_of(path), dotted(path), msg))
        return None

    direct: list[set[int]] = [set() for _ in model.nhom]
    for i, d in enumerate(model.don_vi):
        for j, name in enumerate(d.nhom):
            if (g := group_ref(name, ("don_vi", i, "nhom", j))) is not None:
                direct[g].add(i)
    includes: list[list[int]] = [[] for _ in model.nhom]
    for i, g in enumerate(model.nhom):
        for j, name in enumerate(g.gom):
            if (sub := group_ref(name, ("nhom", i, "gom", j))) is not None:
                includes[i].append(sub)

    def collect(g: int, trail: tuple[int, ...]) -> set[int]:
        if g in trail:
            cycle = " → ".join(model.nhom[x].ten for x in (*trail[trail.index(g):], g))
            path = ("nhom", trail[-1], "gom")
            problems.append(Problem(source.file, source.line_of(path), dotted(path), f"Các nhóm gộp vòng tròn: {cycle}."))
            return set()
        found = set(direct[g])
        for sub in includes[g]:
            found |= collect(sub, (*trail, g))
        return found

    groups = [Group(g.ten, tuple(sorted(collect(i, ())))) for i, g in enumerate(model.nhom)]
    if problems:
        raise SpecError(_unique(sorted(problems, key=lambda p: p.line or 0)))
    resolved = {k: (agencies[i] if kind == "don_vi" else groups[i]) for k, (kind, i) in index.items()}
    return Directory(source.file, agencies, groups, model.nguoi_ky_sao, model.luu_ban_sao, model.trich_sao, resolved)


def comma_hint(name: str, known) -> str:
    """YAML's [a, b] splits at every comma: “Các sở” may be the first piece of “Các sở, ban, ngành”."""
    piece = names.key(name)
    for full in known:
        if "," in full and piece in names.key(full).split(","):
            return (f" Nếu đây là một mảnh của “{full}”: tên có dấu phẩy viết trong [ … ] phải đặt trong "
                    "ngoặc kép, hoặc viết mỗi tên một dòng bắt đầu bằng “- ”.")
    return ""


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for p in problems:
        if p.show() not in seen:
            seen.add(p.show())
            out.append(p)
    return out


def _names_in_blocks(blocks: list[Muc], path: tuple):
    for i, block in enumerate(blocks):
        here = (*path, i)
        for j, name in enumerate(block.chu_tri):
            yield name, (*here, "chu_tri", j)
        for j, name in enumerate(block.phoi_hop):
            yield name, (*here, "phoi_hop", j)
        for k, item in enumerate(block.giao_viec):
            for key in ("chu_tri", "phoi_hop"):
                for j, name in enumerate(getattr(item, key)):
                    yield name, (*here, "giao_viec", k, key, j)
        yield from _names_in_blocks(block.noi_dung, (*here, "noi_dung"))


def agency_names(spec: Spec):
    """Every agency or group name a spec uses, with its path: Nơi nhận, then the tasks; and
    the công văn's Kính gửi, Nơi nhận and tasks. (A giấy mời invites people by title, which
    a directory of agencies does not list.)"""
    for i, item in enumerate(spec.noi_nhan):
        if isinstance(item, str):
            yield recipients.entry_names(item)[0], ("noi_nhan", i)
        elif getattr(item, "nhom", None) is not None:
            for j, name in enumerate(item.nhom):
                yield name, ("noi_nhan", i, "nhom", j)
        else:
            yield item.ca_nhan, ("noi_nhan", i, "ca_nhan")
    for i, name in enumerate(spec.kinh_gui):
        yield name, ("kinh_gui", i)
    yield from _names_in_blocks(spec.noi_dung, ("noi_dung",))
    if spec.cong_van is not None:
        for key in ("kinh_gui", "noi_nhan"):
            for i, name in enumerate(getattr(spec.cong_van, key)):
                yield name, ("cong_van", key, i)
        yield from _names_in_blocks(spec.cong_van.noi_dung, ("cong_van", "noi_dung"))


def check_names(spec: Spec, source: Source, directory: Directory, draft: bool = False) -> list[str]:
    """Every name the directory does not know, with the closest known names when they are close.

    Where the name matters (a document being issued or distributed; the Kính gửi of a công
    văn always) the unknown names are a SpecError; in a draft they come back as warnings."""
    errors, warnings = [], []
    for name, path in agency_names(spec):
        if directory.lookup(name) is not None:
            continue
        if path[0] == "noi_nhan" and (names.is_person(name) or path[-1] == "ca_nhan"):
            continue  # a citizen is sent the paper by post; the directory lists agencies only
        close = directory.suggestions(name)
        if close:
            hint = " Tên gần giống trong danh bạ: " + ", ".join(f"“{c}”" for c in close) + "."
        else:
            hint = " Hãy sửa tên cho đúng hoặc thêm đơn vị, nhóm này vào danh bạ."
        known = [a.ten_ngan for a in directory.agencies] + [g.name for g in directory.groups]
        problem = Problem(source.file_of(path), source.line_of(path), dotted(path),
                          f"“{name}” không có trong danh bạ {directory.file}.{hint}{comma_hint(name, known)}")
        (errors if not draft or path[:2] == ("cong_van", "kinh_gui") else warnings).append(problem)
    if errors:
        raise SpecError(errors)
    return [f"Cảnh báo (bản nháp, chưa có số và ngày): {p.show()}" for p in warnings]


class DirectoryMissing(DocgenError):
    pass


def require_directory(spec_path: Path, explicit: Path | None) -> Directory:
    found = find_directory(spec_path, explicit)
    if found is None:
        raise DirectoryMissing(
            f"{spec_path}: không tìm thấy danh bạ đơn vị. Hãy chỉ ra tệp bằng --danh-ba TỆP.yaml, hoặc đặt tệp "
            f"{DIRECTORY_NAME} cạnh tệp YAML (hoặc ở thư mục cha).")
    return load_directory(found)
