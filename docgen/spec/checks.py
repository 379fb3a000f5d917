"""Checks across fields and against the YAML as written: what pydantic's field-by-field
validation cannot see. Each returns Problems with file, line and field; validate reports them
all in one run, ordered by line."""

from __future__ import annotations

import re

from ..nd30.dates import IssueDate
from ..plumbing.errors import Problem
from .appendix import appendix_problems, table_problems
from .deadlines import deadline_dates, written_deadline
from .schema import Muc, Spec
from .yamlsource import Path_, Source, dotted

# Lists of agencies or groups of people: a comma in a flow list ([a, b]) cuts a name apart.
NAME_LISTS = (("noi_nhan",), ("kinh_gui",), ("cong_van", "noi_nhan"), ("cong_van", "kinh_gui"), ("giay_moi", "noi_nhan"),
              ("giay_moi", "moi"), ("giay_moi", "kinh_gui"), ("cuoc_hop", "thanh_phan"), ("doi_tuong_thuc_hien",),
              ("bien_ban", "co_mat"), ("bien_ban", "vang_mat"), ("bien_ban", "noi_nhan"))
# Lists of paragraphs: a comma in a flow list cuts a sentence into two paragraphs.
TEXT_LISTS = (("mo_dau",), ("ghi_sau",), ("chu_thich",), ("cuoc_hop", "noi_dung"), ("cong_van", "ghi_sau"))
RECIPIENT_LISTS = (("noi_nhan",), ("cong_van", "noi_nhan"), ("giay_moi", "noi_nhan"))
_TASK_KEYS = ("chu_tri", "phoi_hop")


def _get(data: object, path: Path_) -> object:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _task_lists(blocks: object, path: Path_):
    """(path, value) of every chu_tri/phoi_hop in the blocks under noi_dung."""
    if not isinstance(blocks, list):
        return
    for i, block in enumerate(blocks):
        if isinstance(block, dict):
            for key in _TASK_KEYS:
                if key in block:
                    yield path + (i, key), block[key]
            for j, item in enumerate(block.get("giao_viec") or ()):
                for key in _TASK_KEYS:
                    if isinstance(item, dict) and key in item:
                        yield path + (i, "giao_viec", j, key), item[key]
            if "noi_dung" in block:
                yield from _task_lists(block["noi_dung"], path + (i, "noi_dung"))


def _all_name_lists(data: object):
    for path in NAME_LISTS:
        value = _get(data, path)
        if value is not None:
            yield path, value
    yield from _task_lists(_get(data, ("noi_dung",)), ("noi_dung",))
    yield from _task_lists(_get(data, ("cong_van", "noi_dung")), ("cong_van", "noi_dung"))


# A lower-case item that names a group on its own ("các địa phương"), or people of an agency
# ("lãnh đạo các sở, ban, ngành", "đại diện Sở Y tế"), is not a fragment.
_COLLECTIVE = {"các", "những", "mọi", "toàn", "cả"}
_PEOPLE = ("lãnh đạo ", "đại diện ", "thành viên ", "thường trực ")


def _lower_piece(text: str) -> bool:
    """Starts in lower case and is not a group of its own ("các địa phương")."""
    first = next((ch for ch in text if ch.isalpha()), "")
    words = text.strip().casefold()
    return first.islower() and words.split()[0] not in _COLLECTIVE and not words.startswith(_PEOPLE)


def _fragment(text: str, line: str) -> bool:
    """A piece of a name that a flow list's comma cut off: starts in lower case, is not a
    group of its own, and was written unquoted."""
    if not _lower_piece(text) or text.strip() not in line:
        return False
    return re.search(r",\s*" + re.escape(text.strip()) + r"\s*(?:[,\]]|$)", line) is not None


def _is_flow(source: Source, path: Path_) -> tuple[str, str]:
    """The text of the list at path when it is written [a, b] (else ""); and its key's indent."""
    text = source.text_of(path)
    if text is None:
        return "", ""
    line = source.line_of(path)
    lines = text.splitlines()
    if not line or line > len(lines):
        return "", ""
    raw = lines[line - 1]
    key = str(path[-1])
    at = raw.find(key + ":")
    indent = raw[:len(raw) - len(raw.lstrip())]
    if raw.lstrip().startswith("- "):
        indent += "  "
    if at < 0 or not raw[at + len(key) + 1:].lstrip().startswith("["):
        return "", indent
    rest = "\n".join(lines[line - 1:line + 20])
    return rest[:rest.find("]") + 1 or None], indent


def raw_problems(source: Source) -> list[Problem]:
    """Mistakes visible only in the YAML as written: a name cut apart by the commas of a flow
    list, a Nơi nhận written as one string, a Lưu line among the recipients. (Empty texts and a
    thoi_han that contradicts its sentence are refused by the schema itself.)"""
    data = source.data
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return problems

    def at(path: Path_, message: str) -> None:
        problems.append(Problem(source.file_of(path), source.line_of(path), dotted(path), message))

    for path in RECIPIENT_LISTS:
        value = _get(data, path)
        if isinstance(value, str):
            parts = [p.strip(" -;.") for p in re.split(r"[;\n]", value) if p.strip(" -;.")] or [value]
            key = path[-1]
            fix = f"\n    {key}:\n" + "\n".join(f"      - {p}" for p in parts)
            at(path, "Nơi nhận viết thành danh sách, mỗi nơi nhận một dòng bắt đầu bằng “- ” (docgen tự thêm "
                     f"“- ” và “;” khi in), không viết cả khối thành một chuỗi. Viết:{fix}")
    lists = [(path, value, True) for path, value in _all_name_lists(data)]
    lists += [(path, _get(data, path), False) for path in TEXT_LISTS]
    for path, value, names in lists:
        if not isinstance(value, list) or len(value) < 2 or not all(isinstance(v, str) for v in value):
            continue
        if source.raw is None or not any(_fragment(v, source.raw) for v in value[1:]):
            continue  # the common case, decided on the text: no line table is made for it
        flow, indent = _is_flow(source, path)
        cut = [i for i, v in enumerate(value) if i > 0 and flow and _fragment(v, flow)]
        if not flow or not cut:
            continue
        whole: list[str] = []
        for i, v in enumerate(value):
            if i in cut:
                whole[-1] += f", {v.strip()}"
            else:
                whole.append(v.strip())
        cut_names = [w for w in whole if "," in w and any(names_piece in w for names_piece in (value[i] for i in cut))]
        fix = f"\n{indent}{path[-1]}:\n" + "\n".join(f"{indent}  - {w}" for w in whole)
        pieces = ", ".join(f"“{value[i].strip()}”" for i in cut)
        cut_one = cut_names[0] if cut_names else whole[0]
        if names:
            at(path, f"Trong [ … ], mỗi dấu phẩy tách một mục: tên “{cut_one}” bị cắt thành nhiều mục ({pieces} không "
                     f"phải tên một cơ quan, đơn vị). Viết mỗi mục một dòng bắt đầu bằng “- ”:{fix}")
        else:
            at(path, f"Trong [ … ], mỗi dấu phẩy tách một đoạn: câu “{cut_one[:60]}” bị cắt thành nhiều đoạn ({pieces} "
                     f"là phần sau dấu phẩy). Viết mỗi đoạn một dòng bắt đầu bằng “- ”:{fix}")
    for path in RECIPIENT_LISTS:
        value = _get(data, path)
        for i, item in enumerate(value if isinstance(value, list) else []):
            if isinstance(item, str) and re.match(r"^\s*-?\s*lưu\b", item, re.IGNORECASE):
                rest = re.sub(r"^\s*-?\s*lưu\s*:?\s*", "", item, flags=re.IGNORECASE).rstrip(" .;")
                at(path + (i,), f"Dòng “- Lưu: …” do docgen in cuối Nơi nhận từ khóa luu; mục “{item.strip()}” sẽ thành "
                                f"dòng Lưu thứ hai. Hãy bỏ mục này và viết: luu: {rest or 'VT'}")
    return problems


def _blocks(blocks: list[Muc], path: Path_, above: str = ""):
    """(block, path, the texts of the headings it stands under) for every block, in order."""
    for i, block in enumerate(blocks):
        yield block, path + (i,), above
        yield from _blocks(block.noi_dung, path + (i, "noi_dung"), f"{above}\n{block.text}")


def _named_in(name: str, text: str) -> bool:
    """The agency as the paragraph names it: written out, or grouped under its head word
    (“các Tập đoàn: Bưu chính Viễn thông Việt Nam, …” names Tập đoàn Bưu chính Viễn thông Việt Nam)."""
    text, words = text.replace("**", "").casefold(), name.casefold().split()
    return any(" ".join(words[:k]) in text and " ".join(words[k:]) in text for k in range(min(3, len(words))))


def _short(d) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def _issue_short(d: IssueDate) -> str:
    return f"{d.day or ''}/{d.month or ''}/{d.year}"


def spec_problems(spec: Spec, source: Source) -> list[Problem]:
    """Cross-field checks of a validated spec: missing parts, dates out of order, deadlines
    that contradict the text, the closing mark."""
    problems = [Problem(source.file_of(p), source.line_of(p), dotted(p), m[0].upper() + m[1:] + ".")
                for p, m in [*spec.missing(), *appendix_problems(spec), *table_problems(spec)]]

    def at(path: Path_, message: str) -> None:
        problems.append(Problem(source.file_of(path), source.line_of(path), dotted(path), message))

    def line(path: Path_) -> str:
        n = source.line_of(path)
        return f", dòng {n}" if n else ""

    meeting = spec.cuoc_hop.ngay if spec.cuoc_hop is not None else None
    m_path = ("cuoc_hop", "ngay")
    last_day = spec.cuoc_hop.den_ngay if spec.cuoc_hop is not None else None
    if meeting is not None and last_day is not None and last_day <= meeting:
        at(("cuoc_hop", "den_ngay"), f"Ngày cuối cuộc họp {_short(last_day)} không sau ngày họp {_short(meeting)} "
                                     f"(cuoc_hop.ngay{line(m_path)}): den_ngay là ngày cuối của cuộc họp nhiều ngày. "
                                     "Hãy kiểm tra lại, hoặc bỏ den_ngay nếu chỉ họp một ngày.")
    if meeting is not None and spec.loai == "thong-bao" and spec.ngay is not None:
        if _before(spec.ngay, last_day if last_day is not None and last_day > meeting else meeting):
            at(("ngay",), f"Thông báo kết luận đề ngày {_issue_short(spec.ngay)}, trước ngày họp {_short(meeting)} "
                          f"(cuoc_hop.ngay{line(m_path)}): văn bản thông báo kết luận phải ban hành sau cuộc họp. "
                          "Hãy kiểm tra một trong hai ngày.")
    # An invitation goes out before the meeting; on the day itself only when it is marked urgent (hỏa tốc).
    urgent = spec.dau is not None and spec.dau.khan is not None
    if meeting is not None and spec.giay_moi is not None and _on_or_after(spec.giay_moi.ngay, meeting) and not (
            urgent and spec.giay_moi.ngay.complete and spec.giay_moi.ngay.as_date() == meeting):
        at(("giay_moi", "ngay"), f"Giấy mời đề ngày {_issue_short(spec.giay_moi.ngay)}, không trước ngày họp {_short(meeting)} "
                                 f"(cuoc_hop.ngay{line(m_path)}): giấy mời phải gửi trước cuộc họp (cùng ngày họp chỉ khi "
                                 "giấy mời có dấu khẩn, ví dụ dau: {khan: HỎA TỐC}). Hãy kiểm tra một trong hai ngày.")
    groups = [(spec.noi_dung, ("noi_dung",), spec.ngay, ("ngay",))]
    if spec.cong_van is not None:
        groups.append((spec.cong_van.noi_dung, ("cong_van", "noi_dung"), spec.cong_van.ngay, ("cong_van", "ngay")))
    for blocks, base, issued, i_path in groups:
        for block, path, above in _blocks(blocks, base):
            for j, item in enumerate(block.giao_viec):
                for key in _TASK_KEYS:
                    for k, name in enumerate(getattr(item, key)):
                        # "1. Bộ Tư pháp:" names the owner of the paragraphs under it
                        if not _named_in(name, f"{above}\n{block.text}"):
                            at(path + ("giao_viec", j, key, k),
                               f"“{name}” ({key}) không có trong câu văn của đoạn hay tiêu đề mục chứa đoạn: câu văn giữ nguyên, nên sổ nhiệm vụ "
                               "sẽ ghi một cơ quan mà văn bản không nêu. Hãy ghi tên đúng như trong câu (với cách viết "
                               "gộp “các Sở: Tài chính, Xây dựng” thì ghi Sở Tài chính)")
                for deadline in item.thoi_han or ():
                    if written_deadline(block.text.replace("**", ""), deadline) is None:
                        at(path + ("giao_viec", j, "thoi_han"),
                           f"Thời hạn “{deadline}” không có trong câu văn của đoạn: khi một đoạn giao nhiều việc, docgen "
                           "không thêm câu thời hạn. Hãy viết thời hạn vào câu, đúng như thoi_han.")
            owned = [(path + ("thoi_han",), block.thoi_han)] + [
                (path + ("giao_viec", j, "thoi_han"), item.thoi_han) for j, item in enumerate(block.giao_viec)]
            for t_path, d in ((t, d) for t, given in owned for item in given or () for d in deadline_dates(item)):
                if meeting is not None and d < meeting:
                    at(t_path, f"Thời hạn {_short(d)} trước ngày họp {_short(meeting)} (cuoc_hop.ngay{line(m_path)}): "
                               "thời hạn phải sau cuộc họp giao việc. Hãy kiểm tra ngày, tháng, năm.")
                elif issued is not None and issued.complete and d < issued.as_date():
                    at(t_path, f"Thời hạn {_short(d)} trước ngày ban hành văn bản {_issue_short(issued)} "
                               f"({dotted(i_path)}{line(i_path)}): thời hạn phải sau ngày văn bản. Hãy kiểm tra ngày, tháng, năm.")
    # The top-level Nơi nhận is the main document's: with none made, it would be dropped unseen.
    others = [f"{k.replace('-', '_')}.noi_nhan" for k in spec.documents if k in ("giay-moi", "cong-van", "bien-ban")]
    if spec.noi_nhan and others and len(others) == len(spec.documents) and source.file_of(("noi_nhan",)) == source.file:
        at(("noi_nhan",), f"Khóa noi_nhan ở cấp ngoài cùng là Nơi nhận của thông báo hoặc chỉ thị, nhưng tệp này không làm "
                          f"văn bản đó (van_ban: {', '.join(spec.documents)}), nên nó sẽ không được in. Hãy chuyển danh "
                          f"sách này vào {' hoặc '.join(others)} (thụt lề dưới khóa đó).")
    if spec.ket_thuc and re.search(r"\s\.?/\.\s*$", spec.ket_thuc):
        at(("ket_thuc",), "Câu kết thúc có dấu cách trước “./.”: docgen tự thêm “./.” liền sau chữ cuối; "
                          "hãy bỏ “./.” ở cuối ket_thuc.")
    return problems


def _before(date: IssueDate, other) -> bool:
    if date.complete:
        return date.as_date() < other
    return (date.year, date.month or 12) < (other.year, other.month)


def _on_or_after(date: IssueDate, other) -> bool:
    if date.complete:
        return date.as_date() >= other
    return (date.year, date.month or 1) > (other.year, other.month)


# What `docgen new` writes for the secretary to replace (spec/scaffold.py): a "…" standing
# alone ("UBND TỈNH …", "thực hiện …,"), and the example names. An ellipsis joined to the word
# or comma before it ("thủy lợi…,", "bệnh viện,…,") is the published text's own.
PLACEHOLDER_NAMES = {"Nguyễn Văn A", "Nguyễn Văn B", "Tên tỉnh"}
_PLACEHOLDER_DOTS = re.compile(r"(?:^|\s)…")


def placeholder_problems(source: Source) -> list[Problem]:
    """Every value still holding a placeholder of `docgen new`: render refuses them (except
    with --nhap), validate lists them."""
    found: list[Problem] = []

    def walk(data: object, path: Path_) -> None:
        if isinstance(data, str):
            if _PLACEHOLDER_DOTS.search(data) or data.strip() in PLACEHOLDER_NAMES:
                shown = data if len(data) < 60 else data[:57] + "…"
                found.append(Problem(source.file_of(path), source.line_of(path), dotted(path),
                                     f"Còn chỗ giữ chỗ của mẫu “{shown}”: hãy thay bằng nội dung thật "
                                     "(dấu … và tên ví dụ của docgen new không được in vào văn bản)."))
        elif isinstance(data, dict):
            for k, v in data.items():
                walk(v, path + (k,))
        elif isinstance(data, list):
            for i, v in enumerate(data):
                walk(v, path + (i,))

    walk(source.data, ())
    return found
