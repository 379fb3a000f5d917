"""The office profile (docgen.yaml): what stays the same from one document to the next.

Found in the spec's folder or the nearest parent folder, or named with --profile. Its
values fill what a spec leaves out; anything the spec writes wins. A spec may name a
signer by the id the profile gives it (`nguoi_ky: cvp`).
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from ..nd30.authority import CAPACITIES, Capacity, authority_lines, needs
from ..plumbing.errors import Problem, SpecError
from .forms import CachViet, GiayMoiDanhSo, NumberStyles
from .load import signer_refs
from .messages import translate
from .schema import CoQuan, NguoiSoan, RecipientList, Strict, TextList, TrinhBay, check_authority
from .types import Text, TextOrBlank
from .yamlsource import Source, dotted, read_source

PROFILE_NAME = "docgen.yaml"


class NguoiKyHoSo(Strict):
    """Một người ký của cơ quan, với tư cách ký (mục 5 Nghị định 30)."""

    ho_ten: TextOrBlank = Field(description="Họ và tên người ký.")
    chuc_vu: Text = Field(description="Chức vụ của người ký, ví dụ Phó Chủ tịch, Chánh Văn phòng.")
    tu_cach: Capacity = Field("thu-truong", description="Tư cách ký: " + "; ".join(f"{k}: {v}" for k, v in CAPACITIES.items()) + ".")
    tap_the: Text | None = Field(None, description="Tên tập thể lãnh đạo khi ký TM., ví dụ ỦY BAN NHÂN DÂN.")
    cap_truong: Text | None = Field(None, description="Chức vụ của người đứng đầu khi ký KT., Q., TL., TUQ., ví dụ CHỦ TỊCH.")
    truong_don_vi: Text | None = Field(None, description="Với thua-lenh-ky-thay: chức vụ trưởng đơn vị mà cấp phó ký thay, ví dụ CHÁNH VĂN PHÒNG (TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG).")
    quyen_han: TextList = Field(default_factory=list, description="Các dòng quyền hạn viết sẵn (TM., KT., Q., TL., TUQ.), khi muốn ghi đúng như văn bản của cơ quan; khi có thì không dùng tu_cach.")

    @model_validator(mode="after")
    def _complete(self) -> "NguoiKyHoSo":
        if self.quyen_han:
            if "tu_cach" in self.model_fields_set:
                raise ValueError("người ký có dòng quyền hạn viết sẵn (quyen_han) thì không ghi tu_cach; chỉ dùng một trong hai")
            check_authority(self.quyen_han)  # the same prefix rules as a spec's
            return self
        if self.tu_cach == "thua-lenh-ky-thay" and not self.truong_don_vi:
            raise ValueError("tư cách thua-lenh-ky-thay cần chức vụ trưởng đơn vị (truong_don_vi), ví dụ CHÁNH VĂN PHÒNG")
        need_collective, need_head = needs(self.tu_cach)
        if need_collective and not self.tap_the:
            raise ValueError(f"tư cách {self.tu_cach} cần tên tập thể (tap_the), ví dụ ỦY BAN NHÂN DÂN")
        if need_head and not self.cap_truong:
            raise ValueError(f"tư cách {self.tu_cach} cần chức vụ của người đứng đầu (cap_truong), ví dụ CHỦ TỊCH")
        if self.tu_cach in ("ky-thay", "tap-the-ky-thay", "quyen") and self.cap_truong and \
                self.cap_truong.strip().upper() == self.chuc_vu.strip().upper():
            raise ValueError(f"{self.ho_ten} là {self.chuc_vu}, người đứng đầu: không ký KT. hay Q. cho chính mình; dùng tư cách thu-truong hoặc tap-the")
        return self

    def as_spec(self) -> dict:
        if self.quyen_han:
            return {"quyen_han": list(self.quyen_han), "chuc_vu": self.chuc_vu, "ho_ten": self.ho_ten}
        authority, position = authority_lines(self.tu_cach, self.chuc_vu, self.tap_the, self.cap_truong, self.truong_don_vi)
        out: dict = {"quyen_han": authority, "ho_ten": self.ho_ten}
        if position:
            out["chuc_vu"] = position
        return out


class Profile(Strict):
    """Hồ sơ cơ quan (docgen.yaml): thông tin dùng chung cho mọi văn bản của cơ quan."""

    co_quan: CoQuan | None = Field(None, description="Cơ quan ban hành (như trong tệp khai báo văn bản).")
    co_quan_khac: dict[str, CoQuan] = Field(default_factory=dict, description="Các cơ quan ban hành khác dùng chung thư mục, theo mã (ví dụ vp: Văn phòng UBND): tệp khai báo ghi co_quan: vp.")
    ke_thua: bool = Field(False, description="true: hồ sơ này kế thừa hồ sơ docgen.yaml ở thư mục cha và chỉ ghi đè những gì nó khai báo (người ký được gộp theo mã).")
    dia_danh: Text | None = Field(None, description="Địa danh ghi ở dòng ngày tháng.")
    nguoi_ky: dict[str, NguoiKyHoSo] = Field(default_factory=dict, description="Những người ký, theo mã (ví dụ ct, pct, cvp): tệp khai báo ghi nguoi_ky: cvp.")
    noi_nhan: RecipientList = Field(default_factory=list, description="Nơi nhận mặc định, dùng khi tệp khai báo không ghi.")
    luu: Text | None = Field(None, description="Dòng lưu mặc định, ví dụ VT, TH.")
    nguoi_soan: NguoiSoan | None = Field(None, description="Ký hiệu người soạn thảo mặc định.")
    danh_so: NumberStyles | None = Field(None, description="Cách đánh số các cấp mặc định của cơ quan, ví dụ [I, \"1\", \"1.1\", a].")
    cach_viet_nhiem_vu: CachViet | None = Field(None, description="Cách viết nhiệm vụ mặc định: giao (khong, giao, yeu-cau, de-nghi), hinh_thuc (y, muc, doan), dam_thoi_han (cum, ngay, khong).")
    giay_moi_danh_so: GiayMoiDanhSo | None = Field(None, description="Giấy mời của cơ quan in dạng các mục đánh số có nhãn (1. Chủ trì, 2. Thành phần mời, …) thay cho Mẫu 1.7.")
    danh_ba: str | None = Field(None, description="Tệp danh bạ đơn vị (đường dẫn tính từ thư mục của docgen.yaml).")
    trinh_bay: TrinhBay | None = Field(None, description="Giãn dòng (gian_dong, 1–1,5 dòng) và khoảng cách đoạn (cach_doan, từ 6 pt) của phần nội dung.")
    mau: dict[Literal["thong-bao", "chi-thi", "giay-moi", "cong-van"], str] = Field(
        default_factory=dict, description="Mẫu .docx riêng của cơ quan theo loại văn bản, ví dụ thong-bao: mau/thong-bao.docx (đường dẫn tính từ thư mục của docgen.yaml).")


def find_profile(spec_path: Path) -> Path | None:
    """docgen.yaml in the spec's folder or the nearest parent that has one."""
    where = Path(spec_path).resolve()
    for folder in where.parents:
        candidate = folder / PROFILE_NAME
        if candidate.is_file():
            return candidate
    return None


def load_profile(path: Path) -> tuple[Profile, Source]:
    """The validated profile and its source; read once per file version, since every document
    of a batch (its spec, its directory, its templates) asks for it."""
    try:
        stat = Path(path).stat()
    except OSError:
        return _load_profile(str(path), 0, 0)  # read_source says the file is missing
    return _load_profile(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_profile(path: str, mtime_ns: int, size: int) -> tuple[Profile, Source]:
    from .checks import raw_problems
    from .load import ordered

    source = read_source(Path(path), "hồ sơ cơ quan")
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        raise SpecError([Problem(source.file, 1, "", "Hồ sơ cơ quan phải là một nhóm khóa YAML (co_quan:, nguoi_ky:, …).")])
    problems = raw_problems(source)
    if data.get("ke_thua") is True:
        source, data = _inherit(Path(path), source, data)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        problems += translate(exc, source, Profile)
    if problems:
        raise SpecError(ordered(problems))
    return profile, source


_MAPS = ("nguoi_ky", "co_quan_khac", "mau")  # merged id by id; every other key of the child replaces the parent's


def _inherit(path: Path, source: Source, data: dict) -> tuple[Source, dict]:
    """A child profile (`ke_thua: true`) over the nearest docgen.yaml above its folder."""
    parent_path = find_profile(path.resolve().parent)
    if parent_path is None:
        raise SpecError([Problem(source.file, source.line_of(("ke_thua",)) or 1, "ke_thua",
                                 "Hồ sơ ghi ke_thua: true nhưng không có tệp docgen.yaml nào ở các thư mục cha.")])
    _, psource = load_profile(parent_path)
    parent = dict(psource.data) if isinstance(psource.data, dict) else {}
    parent.pop("ke_thua", None)
    out = psource.merged(parent)
    for key, value in data.items():
        if key == "ke_thua":
            continue
        if key in _MAPS and isinstance(value, dict) and isinstance(parent.get(key), dict):
            parent[key] = {**parent[key], **value}
            for sub in value:
                out.graft((key, sub), source, (key, sub))
        else:
            parent[key] = value
            out.graft((key,), source, (key,))
    return out, parent


_SHARED = ("dia_danh", "noi_nhan", "luu", "nguoi_soan", "trinh_bay", "danh_so", "cach_viet_nhiem_vu")


def merge(spec: Source, profile: Profile, psource: Source) -> Source:
    """The spec's data with the profile's values where the spec has none."""
    if not isinstance(spec.data, dict):
        return spec
    data = dict(spec.data)
    merged = spec.merged(data)
    raw = psource.data if isinstance(psource.data, dict) else {}
    for key in _SHARED:
        if key not in data and raw.get(key) is not None:
            data[key] = raw[key]
            merged.graft((key,), psource, (key,))
    gm = data.get("giay_moi")
    if isinstance(gm, dict) and "danh_so" not in gm and raw.get("giay_moi_danh_so") is not None:
        data["giay_moi"] = {**gm, "danh_so": raw["giay_moi_danh_so"]}  # the office's numbered form
        merged.graft(("giay_moi", "danh_so"), psource, ("giay_moi_danh_so",))
    ours = data.get("co_quan")
    if isinstance(ours, str):  # an issuer named by its id in co_quan_khac
        key = ours.strip()
        if key not in profile.co_quan_khac:
            known = ", ".join(profile.co_quan_khac) or "(hồ sơ chưa khai báo co_quan_khac)"
            merged.pending.append(Problem(spec.file, spec.line_of(("co_quan",)), "co_quan",
                                          f"Không có cơ quan ban hành mã “{key}” trong hồ sơ {psource.file}. Các mã có: {known}."))
        else:
            data["co_quan"] = dict(raw["co_quan_khac"][key])
            merged.graft(("co_quan",), psource, ("co_quan_khac", key))
    elif isinstance(ours, dict) and ours.get("ten"):
        pass  # a spec that names its own issuer replaces the profile's whole block (no parent line borrowed)
    elif isinstance(raw.get("co_quan"), dict):
        theirs = raw["co_quan"]
        if ours is None:
            data["co_quan"] = dict(theirs)
            merged.graft(("co_quan",), psource, ("co_quan",))
        elif isinstance(ours, dict):
            data["co_quan"] = combined = dict(ours)
            for k, v in theirs.items():
                if k not in combined:
                    combined[k] = v
                    merged.graft(("co_quan", k), psource, ("co_quan", k))
    for path, ref in list(signer_refs(data)):
        key = ref.strip()
        if key not in profile.nguoi_ky:
            close = difflib.get_close_matches(key, list(profile.nguoi_ky), n=1, cutoff=0.4)
            known = ", ".join(profile.nguoi_ky) or "(hồ sơ chưa có người ký nào)"
            hint = f" Có phải ý bạn là “{close[0]}”?" if close else f" Các mã có trong hồ sơ: {known}."
            merged.pending.append(Problem(spec.file, spec.line_of(path), dotted(path),
                                          f"Không có người ký mã “{key}” trong hồ sơ {psource.file}.{hint}"))
            continue
        parent = data
        for part in path[:-1]:
            parent[part] = parent = dict(parent[part])
        parent[path[-1]] = profile.nguoi_ky[key].as_spec()
        for sub in ("quyen_han", "chuc_vu", "ho_ten"):
            merged.mark(path + (sub,), psource.lines.get(("nguoi_ky", key), 1), psource.file)
    return merged


def office_templates(spec_path: Path, profile: Path | str | None = "auto") -> dict[str, Path]:
    """The office's own template per document type (`mau:` in docgen.yaml), as absolute paths."""
    found = find_profile(Path(spec_path)) if profile == "auto" else profile
    if found is None:
        return {}
    prof, _ = load_profile(Path(found))
    base = Path(found).resolve().parent
    return {kind: (base / path) for kind, path in prof.mau.items()}
