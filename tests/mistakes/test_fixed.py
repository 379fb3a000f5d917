"""What issue #13 made work: NFD text, unquoted numbers, drafts with a directory, --explain's
sources, the README's own examples, and the JSON Schema agreeing with the validator."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.model.build import build
from docgen.plumbing.errors import SpecError
from docgen.spec.load import load_spec_text, resolve, validate_source
from docgen.spec.profile import load_profile
from docgen.spec.scaffold import json_schema
from docgen.spec.yamlerrors import AFTER_SYNTAX
from docgen.spec.yamlsource import read_source
from tests.template_edits import edited, paragraph_with

from .schema_check import as_json, errors
from .test_mistakes import CASES, setup

ROOT = Path(__file__).resolve().parents[2]
BASE = (Path(__file__).parent / "deadline-before-meeting.yaml").read_text(encoding="utf-8").replace(
    "15/8/2021  # ← lỗi", "15/10/2021")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_nfd_text_is_read_as_nfc_and_renders_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", BASE.replace("  ngay: 31/8/2021\n", "  ngay: 31/8/2021\n  thu: Thứ Ba\n"))
    assert nfd != BASE and "Thứ Ba" not in nfd
    spec = tmp_path / "nfd.yaml"
    spec.write_text(nfd, encoding="utf-8")
    result = run("render", str(spec), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    xml = zipfile.ZipFile(tmp_path / "out" / "nfd.docx").read("word/document.xml").decode("utf-8")
    assert unicodedata.is_normalized("NFC", xml) and "Sở Kế hoạch và Đầu tư" in xml


def test_numbers_where_the_schema_shows_numbers_are_accepted_unquoted() -> None:
    spec = load_spec_text(BASE + "danh_so: 1\n")
    assert spec.danh_so == "1"
    assert next(p for p in build(spec).body if "Nhiệm vụ" in p.text).text.startswith("1. ")


def test_thoi_han_that_agrees_with_the_text_adds_nothing() -> None:
    text = BASE.replace("báo cáo UBND tỉnh\n", "báo cáo UBND tỉnh trước ngày 15/10/2021\n", 1)
    doc = build(load_spec_text(text))
    task = next(p for p in doc.body if "rà soát" in p.text)
    assert task.text.count("15/10/2021") == 1 and "Hoàn thành" not in task.text


def test_a_draft_with_a_directory_validates_and_renders_with_warnings(tmp_path: Path) -> None:
    spec = setup(Path(__file__).parent / "directory-issued-unknown", tmp_path)
    spec.write_text(spec.read_text(encoding="utf-8").replace("so: 12\nngay: 20/9/2021\n", "ngay: /9/2021\n"), encoding="utf-8")
    checked = run("validate", str(spec))
    assert checked.exit_code == 0, checked.output
    assert "Cảnh báo (bản nháp, chưa có số và ngày)" in checked.output and "Sở Nông nghiệp" in checked.output
    rendered = run("render", str(spec), "-o", str(tmp_path / "out"))
    assert rendered.exit_code == 0 and (tmp_path / "out" / "spec.docx").exists(), rendered.output


def test_explain_names_the_real_source_of_every_value() -> None:
    result = run("validate", "--explain", str(ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml"))
    assert result.exit_code == 0, result.output
    lines = {ln.split(" = ")[0]: ln for ln in result.output.splitlines() if " = " in ln}
    assert "thong-bao-ket-luan-lao-cai.yaml:" in lines["cuoc_hop.chu_tri[0].ho_ten"]
    assert "docgen.yaml:" in lines["co_quan.ten"]
    assert lines["danh_so"].endswith("← mặc định")
    in_spec = set(read_source(ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml").lines)
    labelled_default = [_path(key) for key, ln in lines.items() if ln.endswith("mặc định")]
    assert labelled_default, "some values are defaults"
    assert not [path for path in labelled_default if path in in_spec]


def _path(dotted: str) -> tuple:
    """`noi_dung[0].noi_dung[1].tiep_tuc` → ("noi_dung", 0, "noi_dung", 1, "tiep_tuc")."""
    out: list = []
    for part in dotted.split("."):
        name, *indexes = part.replace("]", "").split("[")
        out += [name, *(int(i) for i in indexes)]
    return tuple(out)


def _readme_block(after: str, start: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    at = text.index(after)
    block = re.search(r"```yaml\n(" + re.escape(start) + r".*?)```", text[at:], re.S)
    assert block, start
    return block.group(1)


def test_readme_spec_example_validates_and_prints_as_intended(tmp_path: Path) -> None:
    text = _readme_block("## Writing a spec", "loai: thong-bao")
    spec = tmp_path / "vi-du.yaml"
    spec.write_text(text, encoding="utf-8")
    checked = run("validate", str(spec))
    assert checked.exit_code == 0 and "Cảnh báo" not in checked.output, checked.output
    doc = build(load_spec_text(text))
    assert doc.recipients[:2] == ("- Bộ Nội vụ (b/c);", "- Các sở, ban, ngành tỉnh;")
    assert doc.recipients[-1] == "- Lưu: VT, TH. PL.(25)."
    task = next(p for p in doc.body if "rà soát" in p.text)
    assert task.text.startswith("- Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Cục Thống kê rà soát")
    assert task.text.endswith("Hoàn thành trước ngày 15/10/2021.")


def test_readme_profile_example_loads(tmp_path: Path) -> None:
    (tmp_path / "docgen.yaml").write_text(_readme_block("## The office profile", "co_quan:"), encoding="utf-8")
    profile, _ = load_profile(tmp_path / "docgen.yaml")
    assert set(profile.nguoi_ky) == {"cvp", "pct"}


def _examples() -> list[Path]:
    return sorted(p for p in (ROOT / "specs").rglob("*.yaml") if p.name not in ("docgen.yaml", "danh-ba.yaml"))


def _relying_on_a_profile() -> list[Path]:
    """Cases whose spec leaves co_quan, dia_danh, noi_nhan to docgen.yaml and names its signer by
    id (their mistake is in the danh bạ, not in the spec)."""
    return [p / "spec.yaml" for p in CASES if p.is_dir() and p.name.startswith("directory-")]


@pytest.mark.parametrize("spec", _examples() + _relying_on_a_profile(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_accepts_what_validate_accepts(spec: Path) -> None:
    source = resolve(spec)  # the spec over its office profile: what validate judges
    validate_source(source)
    schema = json.loads(json_schema())
    assert errors(schema, as_json(source.data)) == []
    # What an editor sees: the file alone, its signer an id, its issuer and Nơi nhận left to the profile.
    assert errors(schema, as_json(read_source(spec).data)) == []


def test_a_spec_relying_on_its_profile_validates_and_the_schema_agrees(tmp_path: Path) -> None:
    (tmp_path / "docgen.yaml").write_text(
        "co_quan: {chu_quan: UBND TỈNH LÀO CAI, ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}\n"
        "dia_danh: Lào Cai\nnguoi_ky: {cvp: {ho_ten: Phan Quốc Nghĩa, chuc_vu: Chánh Văn phòng}}\n"
        "noi_nhan: [Bộ Nội vụ (b/c)]\n", encoding="utf-8")
    text = re.sub(r"^(co_quan|dia_danh|noi_nhan|  - Bộ Nội vụ|  - Các sở).*\n", "", BASE, flags=re.M)
    spec = tmp_path / "spec.yaml"
    spec.write_text(text.replace("nguoi_ky: {chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Phan Quốc Nghĩa}", "nguoi_ky: cvp")
                    + "co_quan: {viet_tat: VP}\n", encoding="utf-8")
    validate_source(resolve(spec))
    schema = json.loads(json_schema())
    assert errors(schema, as_json(read_source(spec).data)) == []
    assert errors(schema, {**as_json(read_source(spec).data), "co_quan": {"ten": "VĂN PHÒNG"}}) == [".co_quan: anyOf"]
    for kind in ("thong-bao", "giay-moi", "cong-van"):  # what docgen new writes beside that profile
        made = tmp_path / f"new-{kind}.yaml"
        assert run("new", kind, "-o", str(made)).exit_code == 0 and "nguoi_ky: cvp" in made.read_text(encoding="utf-8")
        assert errors(schema, as_json(read_source(made).data)) == [], kind


# Mistakes the JSON Schema can express: the schema must refuse them too.
SCHEMA_REFUSES = {"danh-so-out-of-choices", "loai-cong-van", "date-with-dashes", "number-too-big", "typo-key",
                  "key-in-wrong-place", "noi-nhan-one-string", "impossible-date", "paragraph-ending-colon"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem if p.suffix else p.name)
def test_schema_agrees_with_validate_on_every_mistake(case: Path, tmp_path: Path) -> None:
    spec = setup(case, tmp_path)
    try:
        source = resolve(spec)
    except SpecError:
        return  # not YAML, or its profile is refused: there is nothing for a schema to see
    schema = json.loads(json_schema())
    found = errors(schema, as_json(source.data))
    name = case.stem if case.suffix else case.name
    try:
        validate_source(source)
        accepted = True
    except SpecError:
        accepted = False
    if accepted:
        assert found == [], f"validate accepts {name}, the schema refuses it: {found}"
        alone = errors(schema, as_json(read_source(spec).data))  # the file as an editor sees it
        assert alone == [], f"validate accepts {name} over its profile, the schema refuses the file: {alone}"
    if name in SCHEMA_REFUSES and name != "impossible-date":
        assert found, f"the schema should refuse {name} as validate does"


@pytest.mark.parametrize("name", ["missing-colon", "unclosed-bracket", "tab-indent", "syntax-error-stops-reading"])
def test_a_syntax_error_is_reported_with_the_problems_before_it(name: str, tmp_path: Path) -> None:
    spec = setup(Path(__file__).parent / f"{name}.yaml", tmp_path)
    result = run("validate", str(spec))
    assert result.exit_code == 2 and result.output.count("Lỗi cú pháp YAML") == 1, result.output
    assert AFTER_SYNTAX in result.output
    # The lines before the syntax error are checked (the last case has a typo and a number in words there).
    assert result.output.count(f"{spec}:") == (3 if name == "syntax-error-stops-reading" else 1), result.output


def test_every_mistake_of_a_file_in_one_run_ordered_by_line(tmp_path: Path) -> None:
    spec = setup(Path(__file__).parent / "four-mistakes-one-run.yaml", tmp_path)
    result = run("validate", str(spec))
    found = re.findall(rf"^{re.escape(str(spec))}:(\d+): \[(\S+)\] ", result.output, re.M)
    assert found == [("10", "trich_yu"), ("14", "cuoc_hop.dia_diem"), ("23", "noi_dung[0].noi_dung[0].thoi_han"),
                     ("29", "nguoi_soan.so_ban")], result.output


def test_an_office_template_typed_in_nfd_prints_nfc_and_passes_check(tmp_path: Path) -> None:
    said = "Văn phòng UBND tỉnh thông báo ý kiến kết luận như sau:"  # the office's own opening line

    def add_nfd_paragraph(d) -> None:
        paragraph_with(d, "{%p for p in body %}").insert_paragraph_before(
            unicodedata.normalize("NFD", said), style=d.styles["ND30 Noi dung"])

    template = edited(tmp_path, add_nfd_paragraph)
    assert unicodedata.normalize("NFD", said).encode("utf-8") in zipfile.ZipFile(template).read("word/document.xml")
    spec = tmp_path / "spec.yaml"
    spec.write_text(BASE, encoding="utf-8")
    result = run("render", str(spec), "-o", str(tmp_path / "out"), "--template", str(template))
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "spec.docx"
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert unicodedata.is_normalized("NFC", xml) and said in xml
    checked = run("check", str(out))
    assert checked.exit_code == 0 and "ND30-UNICODE" not in checked.output, checked.output
