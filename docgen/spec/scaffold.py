"""`docgen new`: a commented starting spec, its comments drawn from the model's descriptions."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from pydantic import BaseModel

from ..nd30.dates import weekday
from .messages import _inner_model
from .schema import Spec

_EXAMPLES: dict[str, dict] = {
    "thong-bao": {
        "loai": "thong-bao",
        "co_quan": {"chu_quan": "UBND TỈNH …", "ten": "VĂN PHÒNG", "viet_tat": "VPUBND", "ten_goi": "Văn phòng UBND tỉnh"},
        "so": None,
        "dia_danh": "Tên tỉnh",
        "ngay": "/1/2026",
        "trich_yeu": "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp …",
        "cuoc_hop": {
            "ten": "cuộc họp … của UBND tỉnh",
            "ngay": "5/1/2026",
            "dia_diem": "Trụ sở UBND tỉnh",
            "chu_tri": {"ho_ten": "Nguyễn Văn A", "chuc_vu": "Chủ tịch UBND tỉnh"},
            "thanh_phan": ["Lãnh đạo các sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thành phố"],
            "noi_dung": ["báo cáo tình hình thực hiện nhiệm vụ tháng 12"],
            "loai": "phien-hop",
            "danh_xung": "đồng chí",
            "loi_van": {"kieu_ngay": "chu", "goi": "gach", "nhu_sau": "kết luận như sau:", "cau_ket": "tren-day"},
        },
        "danh_so": ["I", "1", "a"],
        "noi_dung": [
            {"muc": "Đánh giá chung", "noi_dung": [{"doan": "Tóm tắt kết quả đạt được …"}]},
            {"muc": "Nhiệm vụ thời gian tới", "noi_dung": [
                {"nhiem_vu": "rà soát, báo cáo UBND tỉnh kết quả thực hiện …", "chu_tri": "Sở Kế hoạch và Đầu tư",
                 "phoi_hop": ["Sở Tài chính"], "thoi_han": "trước ngày 15/02/2026", "giao": "giao",
                 "hinh_thuc": "muc"},
                {"nhiem_vu": "hướng dẫn các địa phương thực hiện …", "chu_tri": "Sở Tài chính",
                 "phoi_hop": ["Kho bạc Nhà nước tỉnh"], "tiep_tuc": True, "giao": "yeu-cau", "hinh_thuc": "muc",
                 "thoi_han": "thường xuyên"},
                {"nhiem_vu": "tổng hợp ý kiến của các sở, ngành.", "chu_tri": "Sở Nội vụ", "giao": "giao",
                 "hinh_thuc": "doan"},
                {"doan": "Báo cáo UBND tỉnh trước ngày 28/02/2026.", "thoi_han": "28/02/2026",
                 "dam_thoi_han": "ngay"},
                {"y": "Các sở, ngành, địa phương thực hiện tốt …"},
                # one paragraph that assigns several tasks: the text as written, each task listed
                {"doan": "Đồng chí Phó Chủ tịch UBND tỉnh chỉ đạo: Sở Xây dựng rà soát … trước ngày 15/02/2026; "
                         "Sở Giao thông vận tải phối hợp với UBND các huyện, thành phố kiểm tra …",
                 "giao_viec": [{"chu_tri": "Sở Xây dựng", "thoi_han": "trước ngày 15/02/2026"},
                               {"chu_tri": "Sở Giao thông vận tải", "phoi_hop": ["UBND các huyện, thành phố"]}]},
            ]},
        ],
        "nguoi_ky": {"quyen_han": [], "chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "Nguyễn Văn B"},
        "noi_nhan": ["TT. HĐND, UBND tỉnh", {"nhom": ["Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"],
                                             "ghi_chu": "(t/h)"}],
        "luu": "VT, TH",
    },
    "chi-thi": {
        "loai": "chi-thi",
        "co_quan": {"chu_quan": None, "ten": "ỦY BAN NHÂN DÂN | TỈNH …", "viet_tat": "UBND"},
        "so": None,
        "dia_danh": "Tên tỉnh",
        "ngay": "/1/2026",
        "trich_yeu": "Về việc …",
        "mo_dau": ["Tình hình, lý do ban hành chỉ thị …"],
        "danh_so": ["I", "1", "1.1", "a"],
        "noi_dung": [
            {"muc": "YÊU CẦU CHUNG", "noi_dung": [{"doan": "Các cấp, các ngành …"}]},
            {"muc": "NHIỆM VỤ, GIẢI PHÁP", "noi_dung": [
                {"muc": "Về y tế", "noi_dung": [
                    {"muc": "Sở Y tế: chủ trì theo dõi …", "chu_tri": "Sở Y tế", "thoi_han": "Quý I/2026"},
                ]},
                {"muc": "UBND các huyện, thành phố chỉ đạo …", "chu_tri": "UBND các huyện, thành phố", "dam_so": True},
            ]},
        ],
        "doi_tuong_thuc_hien": ["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thành phố"],
        "nguoi_ky": {"quyen_han": ["TM. ỦY BAN NHÂN DÂN"], "chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn A"},
        "noi_nhan": ["Văn phòng Chính phủ (b/c)", "TT. Tỉnh ủy, HĐND tỉnh (b/c)", "Các sở, ban, ngành tỉnh"],
        "luu": "VT, TH",
    },
}


def _scalar(value: object) -> str:
    if value is None:
        return ""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


def _lines(model: type[BaseModel] | None, data: dict, indent: int) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    for key, value in data.items():
        field = model.model_fields.get(key) if model else None
        if field is not None and field.description:
            out.append(f"{pad}# {field.description}")
        child = _inner_model(field.annotation) if field is not None else None
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out.extend(_lines(child, value, indent + 2))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{pad}{key}:")
            for item in value:
                sub = _lines(child, item, indent + 4)
                first = next(i for i, line in enumerate(sub) if not line.lstrip().startswith("#"))
                out.extend(f"{pad}  {line.lstrip()}" for line in sub[:first])
                out.append(f"{pad}  - {sub[first].lstrip()}")
                out.extend(sub[first + 1:])
        elif isinstance(value, list):
            out.append(f"{pad}{key}:" + (" []" if not value else ""))
            out.extend(f"{pad}  - {_scalar(v)}" for v in value)
        elif isinstance(value, str) and key == "nguoi_ky":
            out.append(f"{pad}{key}: {value}")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}".rstrip())
    return out


_MEETING = {
    "ten": "phiên họp UBND tỉnh thường kỳ tháng 02/2026",
    "ngay": "3/2/2026",
    "thu": "Thứ Ba",
    "gio": "8:00",
    "dia_diem": "Phòng họp số 1, Trụ sở UBND tỉnh",
    "chu_tri": {"ho_ten": "Nguyễn Văn A", "chuc_vu": "Chủ tịch UBND tỉnh"},
}
_EXAMPLES["giay-moi"] = {
    "van_ban": ["giay-moi"],
    "co_quan": _EXAMPLES["thong-bao"]["co_quan"],
    "dia_danh": "Tên tỉnh",
    "cuoc_hop": _MEETING,
    "giay_moi": {
        "so": None,
        "ngay": "/1/2026",
        "trich_yeu": "Dự phiên họp UBND tỉnh thường kỳ tháng 02/2026",
        "moi": ["Thành viên UBND tỉnh", {"nhom": "Chủ tịch UBND các huyện, thành phố:", "moi": ["Huyện A", "Thành phố B"]}],
        "chuan_bi": [{"don_vi": "Sở Tài chính", "giao": "de-nghi", "thoi_han": "30/1/2026",
                      "noi_dung": "báo cáo tình hình thu, chi ngân sách tháng 01/2026, gửi Văn phòng UBND tỉnh trước "
                                  "ngày 30/01/2026"}],
        "lien_he": "Phòng Tổng hợp, Văn phòng UBND tỉnh",
        "danh_so": {"mo_dau": "Thực hiện Chương trình công tác năm 2026, Ủy ban nhân dân tỉnh tổ chức họp như sau:",
                    "muc": ["chu-tri", "thanh-phan", "noi-dung", "thoi-gian", "dia-diem", "chuan-bi"],
                    "kieu_gio": "tu", "trich_yeu": True},
    },
    "nguoi_ky": {"quyen_han": ["TL. CHỦ TỊCH"], "chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "Nguyễn Văn B"},
    "luu": "VT, TH",
}
_EXAMPLES["cong-van"] = {
    "van_ban": ["cong-van"],
    "co_quan": _EXAMPLES["thong-bao"]["co_quan"],
    "dia_danh": "Tên tỉnh",
    "cong_van": {
        "so": None,
        "ngay": "/2/2026",
        "don_vi_soan": "TH",
        "v_v": "báo cáo kết quả thực hiện kết luận của Chủ tịch UBND tỉnh",
        "kinh_gui": ["Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"],
        # The request is a task of the agencies written to: the follow-up register sees it.
        "noi_dung": [{"doan": "Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh đề nghị các cơ quan, "
                              "đơn vị báo cáo kết quả thực hiện …, gửi về UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày "
                              "20/02/2026.",
                      "chu_tri": ["Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"],
                      "thoi_han": "trước ngày 20/02/2026"}],
    },
    "nguoi_ky": {"quyen_han": [], "chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "Nguyễn Văn B"},
    "luu": "VT, TH",
}
TYPES = ("thong-bao", "chi-thi", "giay-moi", "cong-van")
_FROM_PROFILE = ("co_quan", "dia_danh", "luu")


def _dated(text: str, today: dt.date) -> str:
    """The example dates moved next to today: a meeting today (a notice) or next week (an
    invitation, on a working day), deadlines a month on, so no date is left in the past."""
    meeting = today + dt.timedelta(days=7)
    while meeting.weekday() > 4:
        meeting += dt.timedelta(days=1)
    month = f"/{today.month}/{today.year}"
    short = lambda d: f"{d.day}/{d.month}/{d.year}"  # noqa: E731
    deadline = today + dt.timedelta(days=30)
    papers = meeting - dt.timedelta(days=2)
    report = today + dt.timedelta(days=45)
    quarter = (today.month - 1) // 3 + 1  # the next quarter: the current one may be nearly over
    quarter, quarter_year = (quarter + 1, today.year) if quarter < 4 else (1, today.year + 1)
    swaps = {
        "ngay: 5/1/2026": f"ngay: {short(today)}",
        "trước ngày 15/02/2026": f"trước ngày {deadline.day:02d}/{deadline.month:02d}/{deadline.year}",
        "trước ngày 20/02/2026": f"trước ngày {deadline.day:02d}/{deadline.month:02d}/{deadline.year}",
        "ngay: 3/2/2026": f"ngay: {short(meeting)}",
        "thoi_han: 30/1/2026": f"thoi_han: {short(papers)}",  # the papers, before the meeting
        "ngày 30/01/2026": f"ngày {papers.day:02d}/{papers.month:02d}/{papers.year}",
        "thu: Thứ Ba": f"thu: {weekday(meeting)}",
        "tháng 02/2026": f"tháng {meeting.month:02d}/{meeting.year}",
        "tháng 01/2026": f"tháng {today.month:02d}/{today.year}",
        "ngay: /1/2026": f"ngay: {month}",
        "ngay: /2/2026": f"ngay: {month}",
        "28/02/2026": f"{report.day:02d}/{report.month:02d}/{report.year}",
        "Quý I/2026": f"Quý {'I II III IV'.split()[quarter - 1]}/{quarter_year}",
        "năm 2026": f"năm {today.year}",
    }
    for old, new in swaps.items():
        text = text.replace(old, new)
    return text


def scaffold(doc_type: str, profile=None, today: dt.date | None = None) -> str:
    """A commented starting spec; with an office profile, what the profile gives is left out
    and the signer is named by the first id the profile has. Every "…" and example name is a
    placeholder that render refuses until it is replaced (spec/checks.py)."""
    head = [
        "# Mẫu khai báo văn bản cho docgen. Sửa các giá trị rồi chạy: docgen render <tệp này> --pdf",
        "# Chữ **đậm** và *nghiêng* viết bằng dấu sao; mọi ký tự khác được in đúng như gõ.",
        "# Mọi chỗ có dấu … và tên ví dụ (Nguyễn Văn A) là chỗ giữ chỗ: docgen render từ chối cho đến khi",
        "# thay xong (docgen validate liệt kê chúng; docgen render --nhap in bản nháp).",
        "# yaml-language-server: $schema=docgen-schema.json",
        "",
    ]
    example = dict(_EXAMPLES[doc_type])
    if profile is not None:
        given = [k for k in _FROM_PROFILE if getattr(profile, k)]
        for key in given:
            example.pop(key, None)
        if profile.nguoi_ky:
            example["nguoi_ky"] = next(iter(profile.nguoi_ky))
            head.insert(3, "# Người ký theo mã trong hồ sơ: " + ", ".join(
                f"{key} ({s.ho_ten}, {s.chuc_vu})" for key, s in profile.nguoi_ky.items()) + ".")
        if given:
            head.insert(3, f"# Lấy từ hồ sơ cơ quan docgen.yaml: {', '.join(given)}.")
    tail = _OPTIONAL if doc_type in ("thong-bao", "chi-thi", "giay-moi", "cong-van") else []
    return _dated("\n".join(head + _lines(Spec, example, 0) + tail) + "\n", today or dt.date.today())


# Shown commented out: most documents have neither, and a secretary who needs one finds its shape here.
_OPTIONAL = [
    "",
    "# Khi cần (bỏ dấu # ở đầu các dòng để dùng):",
    "# Phụ lục, in từ trang mới sau phần nơi nhận, chữ ký (Điều 8.3 Nghị định 30/2020):",
    "# phu_luc:",
    "#   - ten: Danh mục nhiệm vụ giao các cơ quan, đơn vị",
    "#     nhiem_vu: true            # bảng các nhiệm vụ văn bản giao: STT, nội dung, chủ trì, phối hợp, thời hạn",
    "#   - ten: Danh sách đơn vị báo cáo",
    "#     bang:",
    "#       cot: [STT, Đơn vị, Thời hạn báo cáo]",
    "#       dong:",
    "#         - [1, Sở Tài chính, 15/01/2026]",
    "# Một bảng ngay trong nội dung là một khối của noi_dung, đặt đúng chỗ giữa các đoạn:",
    "#   - bang:",
    "#       ten: Lịch kiểm tra",
    "#       cot: [STT, Đơn vị, Thời gian]",
    "#       dong:",
    "#         - [1, Sở Y tế, 10/01/2026]",
]


def json_schema() -> str:
    schema = Spec.model_json_schema()
    # What Spec.missing() asks of a main document, in the schema's words: with loai, these keys
    # are required (noi_nhan too, unless the office profile gives it: the schema sees the spec
    # file alone, so it leaves that to validate).
    schema["if"] = {"required": ["loai"]}
    schema["then"] = {"required": ["ngay", "trich_yeu", "noi_dung"]}
    _profile_may_supply(schema)
    # One chair may be written without the list, as validate accepts it.
    chairs = schema["$defs"]["CuocHop"]["properties"]["chu_tri"]
    item, minimum = chairs.pop("items"), chairs.pop("minItems", 1)
    chairs.pop("type", None)
    chairs["anyOf"] = [item, {"type": "array", "items": item, "minItems": minimum}]
    # A block written as a bare string is a paragraph (doan).
    defs = schema["$defs"]
    defs["MucNhom"] = block = defs.pop("Muc")
    defs["Muc"] = {"anyOf": [{"type": "string", "description": "Một đoạn văn (như doan: …)."}, {"$ref": "#/$defs/MucNhom"}],
                   "description": block.get("description", "")}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "docgen: khai báo văn bản (Nghị định 30/2020/NĐ-CP)"
    return json.dumps(schema, ensure_ascii=False, indent=2)


_FROM_OFFICE = " Có thể lấy từ hồ sơ cơ quan docgen.yaml (khi đó bỏ trống ở đây)."


def _profile_may_supply(schema: dict) -> None:
    """What docgen.yaml may give (spec/profile.py merge) is not required of the spec file, and a
    signer or issuer may be named by its id in the profile (the signer itself stays required)."""
    props, defs = schema["properties"], schema["$defs"]
    schema["required"] = [k for k in schema.get("required", []) if k not in ("co_quan", "dia_danh")]
    for key in ("co_quan", "dia_danh", "noi_nhan"):
        props[key]["description"] += _FROM_OFFICE
    # A spec's co_quan without ten takes the missing lines from the profile's; with ten it is whole.
    issuer = defs["CoQuan"]
    issuer["if"], issuer["then"] = {"required": ["ten"]}, {"required": issuer.pop("required", [])}
    props["co_quan"] = {"anyOf": [{"$ref": "#/$defs/CoQuan"}, {"type": "string", "description": "Mã một cơ quan trong co_quan_khac của docgen.yaml."}],
                        "description": props["co_quan"]["description"]}
    signer_id = {"type": "string", "description": "Mã người ký trong hồ sơ cơ quan docgen.yaml, ví dụ cvp."}
    for owner in (props["nguoi_ky"], defs["GiayMoi"]["properties"]["nguoi_ky"], defs["CongVan"]["properties"]["nguoi_ky"]):
        choices = owner.pop("anyOf", None) or [{"$ref": owner.pop("$ref")}]
        owner["anyOf"] = [c for c in choices if c.get("type") != "null"] + [signer_id] + \
            [c for c in choices if c.get("type") == "null"]
