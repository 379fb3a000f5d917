"""What a check found, and the two ways of showing it: lines for people, JSON for tools."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import SEVERITY_LABEL, Rule

PASS, FAIL, NOT_CHECKED, NOT_APPLICABLE = "pass", "fail", "not_checked", "not_applicable"
STATUS_LABEL = {PASS: "ĐẠT", FAIL: "KHÔNG ĐẠT", NOT_CHECKED: "CHƯA KIỂM TRA", NOT_APPLICABLE: "KHÔNG ÁP DỤNG"}
STORY_LABEL = {"header": "đầu trang", "footer": "chân trang"}
VARIANT_LABEL = {"default": "", "first": " của trang đầu", "even": " trang chẵn"}
MAX_LISTED = 5  # paragraphs named one by one in the text output; the rest are counted


@dataclass
class Location:
    """Where a finding is: a paragraph (number, first words), a page set-up, a page, or the whole file."""

    paragraph: int | None = None
    excerpt: str = ""
    story: str = "body"  # body, header[:default|first|even], footer[:…], section, page, document
    section: int | None = None
    page: int | None = None
    others: list[int] = field(default_factory=list)  # more paragraphs with the same finding

    def describe(self) -> str:
        if self.story == "document":
            return "toàn văn bản"
        if self.story == "section":
            return f"thiết lập trang (phần {self.section + 1})" if self.section is not None else "thiết lập trang"
        if self.story == "page":
            return f"trang {self.page}" + (f" «{self.excerpt}»" if self.excerpt else "")
        where = f"đoạn {self.paragraph}" if self.paragraph else ""
        kind, _, variant = self.story.partition(":")
        if kind in STORY_LABEL:
            part = f"{STORY_LABEL[kind]}{VARIANT_LABEL.get(variant, '')} (phần {(self.section or 0) + 1})"
            where = f"{part}, {where}".rstrip(", ")
        if self.excerpt:
            where += f" «{self.excerpt}»"
        if self.others:
            listed = ", ".join(str(n) for n in self.others[:MAX_LISTED])
            more = len(self.others) - MAX_LISTED
            where += f" và đoạn {listed}" + (f" cùng {more} đoạn khác" if more > 0 else "")
        return where

    def as_dict(self) -> dict:
        return {"story": self.story, "paragraph": self.paragraph, "excerpt": self.excerpt,
                "section": None if self.section is None else self.section + 1, "page": self.page,
                "other_paragraphs": self.others}


@dataclass
class Finding:
    rule: Rule
    where: Location
    expected: str
    found: str
    targets: list = field(default_factory=list, repr=False, compare=False)  # what --fix would change

    def line(self) -> str:
        return (f"[{SEVERITY_LABEL[self.rule.severity]}] {self.rule.id} ({self.rule.ref}) — {self.where.describe()}: "
                f"{self.rule.title}. Cần: {self.expected}; thấy: {self.found}.")

    def as_dict(self) -> dict:
        return {"where": self.where.as_dict(), "expected": self.expected, "found": self.found}


@dataclass
class Result:
    rule: Rule
    status: str
    findings: list[Finding] = field(default_factory=list)
    reason: str = ""

    def as_dict(self) -> dict:
        out = {"rule": self.rule.id, "ref": self.rule.ref, "severity": self.rule.severity,
               "fixable": self.rule.fixable, "layout": self.rule.layout, "title": self.rule.title,
               "status": self.status, "findings": [f.as_dict() for f in self.findings]}
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass
class Report:
    path: Path
    doc_type: str | None
    results: list[Result]
    layout: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """Any rule failed: the exit status is 1."""
        return any(r.status == FAIL for r in self.results)

    @property
    def failures(self) -> list[Finding]:
        return [f for r in self.results if r.status == FAIL for f in r.findings]

    @property
    def failed_rules(self) -> set[str]:
        return {r.rule.id for r in self.results if r.status == FAIL}

    @property
    def not_checked(self) -> list[Result]:
        return [r for r in self.results if r.status == NOT_CHECKED]

    def result(self, rule_id: str) -> Result:
        return next(r for r in self.results if r.rule.id == rule_id)

    def counts(self) -> dict[str, int]:
        out = {PASS: 0, FAIL: 0, NOT_CHECKED: 0, NOT_APPLICABLE: 0}
        for r in self.results:
            out[r.status] += 1
        return out

    def as_dict(self) -> dict:
        return {"file": str(self.path), "doc_type": self.doc_type, "layout": self.layout,
                "failed": self.failed, "seconds": round(self.seconds, 3), "summary": self.counts(),
                "results": [r.as_dict() for r in self.results]}


def _type_label(report: Report) -> str:
    return report.doc_type or "không nhận ra loại văn bản"


def format_text(reports: list[Report]) -> str:
    """One line per finding, the rules that could not be judged, and a summary line per file."""
    lines: list[str] = []
    for report in reports:
        name = report.path.name
        for finding in report.failures:
            lines.append(f"{name}: {finding.line()}")
        by_reason: dict[str, list[Result]] = {}
        for r in report.not_checked:
            by_reason.setdefault(r.reason, []).append(r)
        for reason, group in by_reason.items():
            if len(group) == 1:
                r = group[0]
                lines.append(f"{name}: [{STATUS_LABEL[NOT_CHECKED]}] {r.rule.id} ({r.rule.ref}) — {r.rule.title}: {reason}")
            else:
                ids = ", ".join(r.rule.id for r in group)
                lines.append(f"{name}: [{STATUS_LABEL[NOT_CHECKED]}] {len(group)} quy tắc — {reason}: {ids}.")
        n = report.counts()
        lines.append(f"{name} ({_type_label(report)}): {n[PASS]} quy tắc đạt, {n[FAIL]} không đạt "
                     f"({len(report.failures)} chỗ sai), {n[NOT_CHECKED]} chưa kiểm tra, "
                     f"{n[NOT_APPLICABLE]} không áp dụng. " + ("KHÔNG ĐẠT." if report.failed else "ĐẠT."))
    if len(reports) > 1:
        bad = sum(r.failed for r in reports)
        lines.append(f"Tổng cộng: {len(reports)} tệp, {bad} tệp không đạt.")
    return "\n".join(lines)


def format_json(reports: list[Report]) -> str:
    return json.dumps({"files": [r.as_dict() for r in reports],
                       "failed": any(r.failed for r in reports)}, ensure_ascii=False, indent=2)


@dataclass
class Change:
    """One correction --fix made."""

    rule: str
    where: Location
    before: str
    after: str

    def line(self) -> str:
        return f"{self.rule} — {self.where.describe()}: {self.before} → {self.after}"

    def as_dict(self) -> dict:
        return {"rule": self.rule, "where": self.where.as_dict(), "before": self.before, "after": self.after}


def format_changes(changes: list[Change]) -> str:
    if not changes:
        return "Không có gì cần sửa tự động."
    return "\n".join([f"Đã sửa: {c.line()}" for c in changes] + [f"Tổng cộng {len(changes)} chỗ đã sửa."])
