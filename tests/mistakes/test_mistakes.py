"""The mistake catalogue: one spec per mistake a hurried secretary makes (issue #13).

Each case is `<name>.yaml`, or a folder `<name>/` with `spec.yaml` and the office profile or
directory it needs. The case's header says what docgen must answer:

    # what the mistake is
    #! field: the field named in brackets
    #! message: a fragment of the Vietnamese message (with the fix)
    #! file: the file the mistake is in (default: the spec)
    #! validate: exit status of validate when not 2 (placeholders are listed, exit 0)
    #! also: [another field] reported in the same run
    #! absent: words that must not appear

and the line of the mistake ends with `# ← lỗi`. Both `docgen validate` and `docgen render`
run on a copy: exit 2 (validate as declared), `file:line: [field]` of the real mistake, the
message, every problem ordered by line, no traceback, no English, nothing written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main

HERE = Path(__file__).resolve().parent
CASES = sorted([p for p in HERE.glob("*.yaml")] + [p for p in HERE.iterdir() if p.is_dir() and (p / "spec.yaml").exists()])
ENGLISH = re.compile(r"\b(or|found|expected|while|Error|Traceback|could not|not allowed|mapping|scalar|token|Input should|"
                     r"Value error|Field required|Extra inputs)\b")
MARK = "# ← lỗi"


def header(spec: Path) -> dict[str, str]:
    out = {}
    for line in spec.read_text(encoding="utf-8").splitlines():
        if line.startswith("#! "):
            key, _, value = line[3:].partition(":")
            out[key.strip()] = value.strip()
    return out


def setup(case: Path, tmp_path: Path) -> Path:
    """The case copied to a folder of its own (a folder case brings its profile, directory)."""
    work = tmp_path / "case"
    if case.is_dir():
        shutil.copytree(case, work)
        return work / "spec.yaml"
    work.mkdir()
    shutil.copy(case, work / "spec.yaml")
    return work / "spec.yaml"


def mistake_line(path: Path) -> int:
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if MARK in line]
    assert len(lines) == 1, f"{path}: mark exactly one line with {MARK!r}"
    return lines[0]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem if p.suffix else p.name)
def test_mistake_is_caught_located_and_explained(case: Path, tmp_path: Path) -> None:
    spec = setup(case, tmp_path)
    want = header(spec)
    where = spec.parent / want.get("file", "spec.yaml")
    line = mistake_line(where)
    out = tmp_path / "out"
    runner = CliRunner()
    for verb, args in (("validate", [str(spec)]), ("render", [str(spec), "-o", str(out)])):
        result = runner.invoke(main, [verb, *args])
        text = result.output
        expected_exit = int(want.get("validate", 2)) if verb == "validate" else 2
        assert result.exit_code == expected_exit, f"{verb}: {text}"
        assert f"{where}:{line}:" in text, f"{verb}: the mistake is on line {line} of {where.name}:\n{text}"
        field = want["field"]
        assert (f"[{field}]" if field else f"{where}:{line}: ") in text, f"{verb}:\n{text}"
        assert want["message"] in text, f"{verb}:\n{text}"
        for other in re.findall(r"\[([^\]]+)\]", want.get("also", "")):
            assert f"[{other}]" in text, f"{verb}: one run reports every error:\n{text}"
        at = [int(n) for n in re.findall(rf"^{re.escape(str(where))}:(\d+):", text, re.M)]
        assert at == sorted(at), f"{verb}: problems are ordered by line:\n{text}"
        if "absent" in want:
            assert want["absent"] not in text, f"{verb}:\n{text}"
        assert result.exception is None or isinstance(result.exception, SystemExit), f"{verb}: {result.exception!r}"
        messages = " ".join(ln.split("]", 1)[-1] for ln in text.splitlines())
        assert not ENGLISH.search(messages), f"{verb}: English reached the user:\n{text}"
        assert not out.exists() or not any(out.iterdir()), f"{verb} wrote {list(out.iterdir())}"
        assert not list(spec.parent.glob("*.docx"))


def test_catalogue_covers_the_issue() -> None:
    names = {p.stem if p.suffix else p.name for p in CASES}
    assert len(names) >= 30
    for wanted in ("nfd-weekday-wrong", "deadline-before-meeting", "notice-before-meeting", "invitation-on-meeting-day",
                   "flow-list-cuts-agency", "readme-noi-nhan-flow", "noi-nhan-one-string", "placeholder-left",
                   "thoi-han-contradicts-text", "missing-colon", "unclosed-bracket", "tab-indent", "danh-so-out-of-choices",
                   "loai-cong-van", "profile-quyen-han", "directory-colon-item", "ket-thuc-spaced-mark", "second-luu-line",
                   "empty-trich-yeu", "every-error-in-one-run", "date-with-dashes", "directory-issued-unknown",
                   "four-mistakes-one-run", "field-and-date-errors-together", "syntax-error-stops-reading",
                   "profile-signer-among-other-errors", "misspelt-required-key"):
        assert wanted in names
