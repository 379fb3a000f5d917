"""The YAML loader: the data SafeLoader would build, exact lines, refusals with file:line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from docgen.plumbing.errors import SpecError
from docgen.spec import yamlsource
from docgen.spec.yamlsource import Source, parse_text, read_source

ROOT = Path(__file__).resolve().parents[1]


def reference(text: str) -> tuple[object, dict]:
    """What the loader gave before it was made fast: SafeLoader's construction, every line."""
    loader = yamlsource._Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict = {}
    if node is not None:
        yamlsource._index(node, (), lines)
    return data, lines


def refused(text: str) -> str:
    with pytest.raises(SpecError) as info:
        parse_text(text, "t.yaml")
    (problem,) = info.value.problems
    return f"{problem.file}:{problem.line}: [{problem.field}] {problem.message}"


NESTED = """\
# comment
loai: thong-bao
co_quan:
  ten: VĂN PHÒNG

  viet_tat: VPUBND
cuoc_hop:
  chu_tri:
    - ho_ten: A
      chuc_vu: B
    -
      ho_ten: C
  thanh_phan: [một, "hai",
    ba]
  noi_dung: {x: 1, y: [2, 3]}
mo_dau:
  - >-
    gấp
    dòng
  - |
    giữ
    dòng
  - "nhiều
    dòng"
ket_thuc: cuối
"""


def test_lines_of_nested_keys_items_flow_and_multiline_scalars() -> None:
    lines = parse_text(NESTED, "t.yaml").lines
    assert lines[("loai",)] == 2
    assert lines[("co_quan",)] == 3
    assert lines[("co_quan", "ten")] == 4
    assert lines[("co_quan", "viet_tat")] == 6
    assert lines[("cuoc_hop", "chu_tri", 0)] == 9
    assert lines[("cuoc_hop", "chu_tri", 0, "chuc_vu")] == 10
    assert lines[("cuoc_hop", "chu_tri", 1)] == 12  # an item whose mapping starts on the next line
    assert lines[("cuoc_hop", "chu_tri", 1, "ho_ten")] == 12
    assert lines[("cuoc_hop", "thanh_phan", 1)] == 13
    assert lines[("cuoc_hop", "thanh_phan", 2)] == 14
    assert lines[("cuoc_hop", "noi_dung", "y", 1)] == 15
    assert [lines[("mo_dau", i)] for i in range(3)] == [17, 20, 23]
    assert lines[("ket_thuc",)] == 25


@pytest.mark.parametrize("text", [
    NESTED,
    "",
    "# only a comment\n",
    "- a\n- 1\n",
    "plain\n",
    "a: yes\nb: No\nc: on\nd: ~\ne: null\nf: 0x1F\ng: 1_000\nh: 8:00\ni: 1.5e3\nj: .inf\nk: 2021-09-15\n"
    "l: 2021-09-15 08:00:00\nm: '8:00'\nn: \"yes\"\no: 012\np: -0b101\nq: ''\nr:\ns: \"-\"\n",
    "1: one\n2.5: two\nfalse: three\nnull: four\n",
    "tagged: !!str 12\nset: !!set {a, b}\nbin: !!binary aGVsbG8=\n",
    "a: \"tab\\there\"\nb: 'it''s'\nc: \"\\u00e9\"\n",
    "v: [Sở KH&ĐT, \"Sở VH,TT&DL\"]\n",
])
def test_same_data_and_lines_as_safeloader(text: str) -> None:
    source = parse_text(text, "t.yaml")
    data, lines = reference(text)
    assert source.data == data
    assert type(source.data) is type(data)
    assert source.lines == lines


def test_scalar_types_are_yaml_1_1() -> None:
    data = parse_text("a: yes\nb: 8:00\nc: 2021-09-15\nd: '8:00'\ne: ~\nf: 07\n", "t.yaml").data
    assert data == {"a": True, "b": 480, "c": dt.date(2021, 9, 15), "d": "8:00", "e": None, "f": 7}


def test_anchors_and_aliases_are_refused_at_their_line() -> None:
    shown = refused("a: 1\nb: &x [1]\nc: *x\n")
    assert shown.startswith("t.yaml:2: [] Có neo YAML “&x”") and "không dùng neo" in shown
    assert refused("a: [1]\nb: [*x]\n").startswith("t.yaml:2: [] Có bí danh YAML “*x”")


def test_text_with_an_asterisk_or_ampersand_is_not_an_anchor() -> None:
    data = parse_text("a: chữ *nghiêng* và **đậm**\nb: [Sở KH &ĐT]\n", "t.yaml").data
    assert data == {"a": "chữ *nghiêng* và **đậm**", "b": ["Sở KH &ĐT"]}


def test_duplicate_key_is_refused_at_its_line() -> None:
    shown = refused("loai: thong-bao\nco_quan:\n  ten: A\n  ten: B\n")
    assert shown.startswith("t.yaml:4: [ten] Lỗi cú pháp YAML: khóa “ten” xuất hiện hai lần (lần đầu ở dòng 3)")


def test_first_duplicate_is_the_one_safeloader_meets_first() -> None:
    # SafeLoader builds list items last: the outer duplicate (line 5) is reported, not the one in the list
    shown = refused("a:\n  - x: 1\n    x: 2\nb: 1\nb: 2\n")
    assert shown.startswith("t.yaml:5: [b] ")


def test_true_and_1_are_one_key_as_before() -> None:
    assert "khóa “True” xuất hiện hai lần (lần đầu ở dòng 1)" in refused("1: one\ntrue: two\n")


def test_merge_keys_are_refused_as_before() -> None:
    shown = refused("base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n")
    assert shown.startswith("t.yaml:1: [] Có neo YAML “&b”")


def test_duplicate_in_flow_mapping() -> None:
    assert refused("a: {x: 1, y: 2,\n  x: 3}\n").startswith("t.yaml:2: ")


def test_syntax_error_line() -> None:
    # the line of the bracket left open, not the line where libyaml gave up
    assert refused("a: 1\nb: [1, 2\nc: 3\n").startswith("t.yaml:2: [b] Lỗi cú pháp YAML: dấu “[” mở ở dòng 2")


def test_control_character_written_as_escape() -> None:
    shown = refused('a:\n  b: "x\\x01y"\n')
    assert shown.startswith("t.yaml:2: [a.b] Có ký tự điều khiển") or shown.startswith("t.yaml:2: [a.b] có ký tự điều khiển")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes("a: 1\nb: Lào\n".encode("cp1258", errors="replace").replace(b"L", b"L\xff"))
    with pytest.raises(SpecError) as info:
        read_source(path)
    assert info.value.problems[0].line == 2


def test_unhashable_key_behaves_as_before() -> None:
    with pytest.raises(Exception) as fast:
        parse_text("? [a]\n: 1\n", "t.yaml")
    with pytest.raises(Exception) as slow:
        reference("? [a]\n: 1\n")
    assert type(fast.value) is type(slow.value)


def test_merged_source_lines_are_made_when_asked() -> None:
    spec = parse_text("a: 1\nb:\n  c: 2\n", "spec.yaml")
    prof = parse_text("\nx: 1\nb:\n  d: 3\n", "prof.yaml")
    merged = spec.merged({"a": 1, "b": {"c": 2, "d": 3}, "x": 1})
    merged.graft(("x",), prof, ("x",))
    merged.graft(("b", "d"), prof, ("b", "d"))
    merged.mark(("a", "z"), 7, "other.yaml")
    assert merged.line_of(("b", "c")) == 3 and merged.file_of(("b", "c")) == "spec.yaml"
    assert merged.line_of(("b", "d")) == 4 and merged.file_of(("b", "d")) == "prof.yaml"
    assert merged.line_of(("x",)) == 2 and merged.file_of(("x",)) == "prof.yaml"
    assert merged.line_of(("a", "z")) == 7 and merged.file_of(("a", "z")) == "other.yaml"
    assert ("x",) not in spec.lines  # the spec's own table is untouched
    merged.graft(("y",), prof, ("x",))  # after the table exists, grafts apply at once
    assert merged.lines[("y",)] == 2


def test_plain_source_still_takes_tables() -> None:
    source = Source("f.yaml", {"a": 1}, {("a",): 3})
    assert source.line_of(("a", "b")) == 3 and source.file_of(("a",)) == "f.yaml"


@pytest.mark.parametrize("spec", sorted((ROOT / "specs").rglob("*.yaml")) + sorted((ROOT / "tests" / "data").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_every_shipped_spec_parses_as_before(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8-sig")
    source = read_source(spec)
    data, lines = reference(text)
    assert source.data == data
    assert source.lines == lines


def test_loader_follows_safeloader_resolvers() -> None:
    assert yamlsource._FastLoader.yaml_implicit_resolvers == yaml.SafeLoader.yaml_implicit_resolvers


@pytest.mark.parametrize("ch", ["\x01", "\x0b", "\ufffe"])
def test_control_character_typed_in_the_text_is_refused_by_the_parser(ch: str) -> None:
    # why parse_text looks for bad characters only when the text has a backslash
    with pytest.raises(SpecError) as info:
        parse_text(f"a:\n  b: x{ch}y\n", "t.yaml")
    assert "Lỗi cú pháp YAML" in info.value.problems[0].message


def test_escaped_control_character_in_a_list_item() -> None:
    assert refused('a:\n  - ok\n  - "x\\ty\\u0007"\n').startswith("t.yaml:3: [a[1]] ")
