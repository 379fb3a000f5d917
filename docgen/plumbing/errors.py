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
