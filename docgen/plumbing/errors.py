"""The one exception family docgen raises for problems the user can fix.

Raised deep, shown once at the CLI edge: exit status 2, a Vietnamese message, no traceback.
"""

from __future__ import annotations


class DocgenError(Exception):
    """A problem with the user's input or machine, explained in Vietnamese."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def show(self) -> str:
        return self.message


class SpecError(DocgenError):
    """One or more problems in a spec file, each with file, line and field."""

    def __init__(self, problems: list["Problem"]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.show() for p in problems))


class Problem:
    """One problem at one place in a YAML file."""

    def __init__(self, file: str, line: int | None, field: str, message: str) -> None:
        self.file, self.line, self.field, self.message = file, line, field, message

    def show(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" [{self.field}]" if self.field else ""
        return f"{where}:{field} {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.show()!r})"


class OutputExists(DocgenError):
    pass


class ToolMissing(DocgenError):
    """A program docgen needs (LibreOffice) is not installed."""


class EnvironmentProblem(DocgenError):
    """The machine refused: a read-only or full disk, no permission, a missing folder, a link."""


def os_problem(exc: OSError, path: object = None) -> EnvironmentProblem:
    """An OSError as a plain Vietnamese sentence that names the path and says what to do."""
    import errno

    where = path if path is not None else (exc.filename if exc.filename is not None else "")
    target = f"«{where}»" if where != "" else "tệp hoặc thư mục cần dùng"
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        text = f"Không có quyền ghi hoặc đọc {target}; hãy chọn thư mục khác hoặc cấp quyền cho tài khoản đang chạy docgen."
    elif code == errno.EROFS:
        text = f"{target} nằm trên ổ đĩa chỉ đọc; hãy ghi kết quả vào một thư mục khác (tùy chọn -o)."
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        text = f"Ổ đĩa chứa {target} đã đầy; hãy giải phóng chỗ trống hoặc ghi vào ổ khác rồi chạy lại."
    elif code == errno.ENOTDIR:
        text = f"Một phần của đường dẫn {target} là tệp chứ không phải thư mục; hãy chọn thư mục ghi khác."
    elif code == errno.ENOENT:
        text = f"Không có {target} (thư mục chứa nó không tồn tại hoặc không tạo được); hãy kiểm tra lại đường dẫn."
    elif code == errno.ELOOP:
        text = (f"{target} là một liên kết tượng trưng (symlink) mà docgen không tạo; docgen không ghi theo liên kết. "
                "Hãy xóa liên kết này rồi chạy lại.")
    elif code == errno.EISDIR:
        text = f"{target} là một thư mục, không phải tệp; hãy chọn tên tệp khác."
    else:
        text = f"Không đọc hoặc ghi được {target}: {exc.strerror or exc}. Hãy kiểm tra ổ đĩa và quyền truy cập."
    return EnvironmentProblem(text)
