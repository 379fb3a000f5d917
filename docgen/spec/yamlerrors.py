"""libyaml's syntax errors in Vietnamese, at the line where the mistake is.

libyaml reports where it gave up (often lines later); its `context_mark` is where the construct
it was reading began: the key that lacks its colon, the bracket or quote never closed. That is
the line a secretary must look at. No English from libyaml ever reaches the user.
"""

from __future__ import annotations

import re

import yaml

from ..plumbing.errors import Problem

_KEY = re.compile(r"^\s*-?\s*([A-Za-z_]\w*)\s*:")
_BARE_KEY = re.compile(r"^(\s*-?\s*)([A-Za-z_]\w*)\s+(\S.*)$")


def _line_text(lines: list[str], line: int | None) -> str:
    return lines[line - 1].strip() if line and 0 < line <= len(lines) else ""


def _explain(context: str, problem: str, lines: list[str], ctx_line: int | None, prob_line: int | None) -> tuple[int | None, str]:
    """(the line to show, the message) for one libyaml error."""
    at = ctx_line or prob_line
    raw = lines[prob_line - 1] if prob_line and 0 < prob_line <= len(lines) else ""
    if "tab" in problem or "\t" in raw[:len(raw) - len(raw.lstrip())]:
        return prob_line, ("có ký tự Tab ở đầu dòng; YAML chỉ thụt lề bằng dấu cách: hãy thay mỗi Tab bằng dấu cách "
                           "(thường là 2 dấu cách cho mỗi cấp)")
    bare = _BARE_KEY.match(re.sub(r"\s+#.*$", "", raw))
    if problem.startswith("mapping values are not allowed") and bare and bare[3][:1] in "{[":
        ctx_line = prob_line  # `nguoi_ky {chuc_vu: …}`: the key before a flow collection lacks its colon
    elif context.startswith("while scanning a simple key") or problem.startswith("could not find expected ':'"):
        raw = lines[ctx_line - 1] if ctx_line and ctx_line <= len(lines) else ""
    else:
        raw = ""
    if raw:
        m = _BARE_KEY.match(re.sub(r"\s+#.*$", "", raw))
        fix = f" Viết: “{m[1].strip()}{' ' if m[1].strip() else ''}{m[2]}: {m[3].strip()}”." if m else ""
        return ctx_line, f"thiếu dấu “:” sau tên khóa (mỗi dòng viết “khóa: giá trị”).{fix}".rstrip(".")
    if context.startswith("while parsing a flow sequence") or context.startswith("while parsing a flow mapping"):
        open_, close = ("[", "]") if "sequence" in context else ("{", "}")
        return ctx_line, (f"dấu “{open_}” mở ở dòng {ctx_line} chưa được đóng bằng “{close}” trên cùng dòng, hoặc trong đó có "
                          f"chữ chứa dấu “:”, “{open_}” cần đặt trong ngoặc kép. Cách chắc chắn: viết mỗi mục một dòng "
                          "bắt đầu bằng “- ”")
    if context.startswith("while scanning a quoted scalar"):
        return ctx_line, (f"dấu ngoặc kép mở ở dòng {ctx_line} chưa được đóng; hãy thêm dấu ngoặc kép ở cuối giá trị "
                          "(trong giá trị viết \\\" cho một dấu ngoặc kép)")
    if problem.startswith("mapping values are not allowed"):
        return prob_line, ("dấu “: ” không được đứng giữa giá trị: văn bản có dấu hai chấm thì đặt cả giá trị trong ngoặc kép "
                           "(ví dụ “doan: \"Nội dung: …\"”), hoặc kiểm tra thụt lề của khóa này")
    if problem.startswith("found character that cannot start any token"):
        return prob_line, "có ký tự không được đứng đầu giá trị (@, ` hoặc %): hãy đặt cả giá trị trong ngoặc kép"
    if problem.startswith("did not find expected '-' indicator"):
        return prob_line, "thụt lề của danh sách không đúng: các mục cùng cấp bắt đầu bằng “- ” ở cùng một cột"
    if problem.startswith("did not find expected key") or context.startswith("while parsing a block"):
        return prob_line, ("thụt lề không đúng: các khóa cùng cấp phải thẳng cột với nhau, khóa con thụt vào bằng dấu cách "
                           f"(khối này bắt đầu ở dòng {ctx_line})" if ctx_line else "thụt lề không đúng")
    if "nesting depth" in problem:
        return prob_line or at, "các ngoặc [ { lồng nhau quá sâu; một tệp khai báo văn bản chỉ cần vài cấp"
    if problem.startswith("found unexpected end of stream"):
        return at, "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép hay ngoặc đóng?)"
    if "undefined alias" in problem:
        return prob_line, "dùng bí danh (*) chưa được định nghĩa; tệp của docgen không dùng bí danh: hãy viết thẳng giá trị"
    if problem.startswith("could not determine a constructor") or "tag" in problem:
        return prob_line or at, "thẻ YAML (!…) không được dùng trong tệp của docgen; hãy bỏ thẻ, viết thẳng giá trị"
    if any("\u00c0" <= ch for ch in problem):  # our own Vietnamese (duplicate keys)
        return prob_line or at, problem
    return prob_line or at, ("lỗi cú pháp YAML ở đây: kiểm tra thụt lề (chỉ dấu cách), dấu “:” sau mỗi khóa, dấu “- ” "
                             "trước mỗi mục và ngoặc kép quanh giá trị có ký tự đặc biệt")


def yaml_problem(exc: yaml.YAMLError, text: str, file: str) -> Problem:
    """A Problem for any error of the YAML parser."""
    lines = text.splitlines()
    if isinstance(exc, yaml.MarkedYAMLError):
        ctx_line = exc.context_mark.line + 1 if exc.context_mark else None
        prob_line = exc.problem_mark.line + 1 if exc.problem_mark else None
        line, message = _explain(exc.context or "", exc.problem or "", lines, ctx_line, prob_line)
    elif isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        message = (f"có ký tự điều khiển không hợp lệ (mã U+{exc.character:04X}) mà tệp Word không chứa được; hãy xóa ký tự này"
                   if isinstance(exc.character, int) else "có ký tự không hợp lệ; hãy xóa ký tự này")
    else:
        line, message = None, "lỗi cú pháp YAML"
    shown = _line_text(lines, line)
    key = _KEY.match(shown) or _BARE_KEY.match(shown)
    field = (key[1] if key.re is _KEY else key[2]) if key else ""
    quote = f" Dòng {line}: “{shown[:80]}”." if shown else ""
    message = message.rstrip(".")
    # Past a syntax error the file cannot be read: only the lines before it are checked yet.
    return Problem(file, line, field, f"Lỗi cú pháp YAML: {message}.{quote} {AFTER_SYNTAX}")


AFTER_SYNTAX = ("Docgen dừng đọc tệp ở lỗi này nên chưa kiểm tra được phần sau nó: sửa lỗi này rồi chạy lại, "
                "các lỗi khác (nếu có) sẽ được báo tiếp.")
