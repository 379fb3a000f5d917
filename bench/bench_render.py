"""Render one spec N times: docgen's compiled template against plain docxtpl, same content.

The three cases run in interleaved rounds and each reports the median of its rounds, as wall
time and as this process's CPU time (the fairer figure on a shared machine).

Usage: .venv/bin/python bench/bench_render.py [SPEC] [-n N]
Plain docxtpl here means what a docxtpl user writes: DocxTemplate(path), render(context,
sandboxed autoescaping env), save, for every document, from the same template and context.
docgen end to end starts from the YAML file; so do two more plain-docxtpl lines, reading the same
file with yaml.safe_load (PyYAML's default, pure Python) or with libyaml's CSafeLoader before the
render. Those two are still given the finished context for free: the figures favour docxtpl.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from docgen.model.build import build  # noqa: E402
from docgen.render.context import build_context  # noqa: E402
from docgen.render.engine import sandbox  # noqa: E402
from docgen.render.pipeline import render_document  # noqa: E402
from docgen.render.templates import builtin_path  # noqa: E402
from docgen.spec import load_spec  # noqa: E402
from docgen.spec.load import resolve, validate_source  # noqa: E402
from docgen.spec.yamlsource import read_source  # noqa: E402

DEFAULT_SPEC = ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml"


def timed_rounds(cases: dict[str, object], n: int, rounds: int) -> dict[str, tuple[float, float]]:
    """Each case n times, split into interleaved rounds so that load from other processes falls
    on all of them alike; per case the median over rounds of wall and CPU ms per document."""
    per = max(1, n // rounds)
    wall: dict[str, list[float]] = {k: [] for k in cases}
    cpu: dict[str, list[float]] = {k: [] for k in cases}
    for fn in cases.values():
        fn()  # warm-up: imports, caches, font metrics
    for _ in range(rounds):
        for label, fn in cases.items():
            w0, c0 = time.perf_counter(), time.process_time()
            for _ in range(per):
                fn()
            wall[label].append(1000 * (time.perf_counter() - w0) / per)
            cpu[label].append(1000 * (time.process_time() - c0) / per)
    out = {k: (statistics.median(wall[k]), statistics.median(cpu[k])) for k in cases}
    for label, (w, c) in out.items():
        print(f"{label:<40} {per * rounds:>5} docs  wall {w:7.2f} ms/doc  cpu {c:7.2f} ms/doc  {1000 / w:8.1f} docs/s")
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    spec_path = args.spec if args.spec.exists() else ROOT / "tests" / "data" / "thong-bao-nho.yaml"
    print(f"spec: {spec_path.relative_to(ROOT)}")

    def docgen_full() -> None:  # validate + build + render, from the YAML file each time
        render_document(build(load_spec(spec_path)))

    doc = build(load_spec(spec_path))
    template = builtin_path(doc.doc_type)

    def docgen_render() -> None:  # same work as the docxtpl line below: context → .docx bytes
        render_document(doc)

    def plain_docxtpl() -> None:
        tpl = DocxTemplate(str(template))
        tpl.render(build_context(doc), jinja_env=sandbox(), autoescape=True)
        tpl.save(io.BytesIO())

    def plain_from_yaml(loader: type) -> None:
        yaml.load(spec_path.read_text(encoding="utf-8"), Loader=loader)
        plain_docxtpl()

    t = timed_rounds({"plain docxtpl (load, render, save)": plain_docxtpl,
                      "plain docxtpl + yaml.safe_load": lambda: plain_from_yaml(yaml.SafeLoader),
                      "plain docxtpl + yaml CSafeLoader": lambda: plain_from_yaml(yaml.CSafeLoader),
                      "docgen render (model → .docx)": docgen_render,
                      "docgen end to end (YAML → .docx)": docgen_full}, args.n, min(args.rounds, args.n))
    base, safe, csafe, ours, full = t.values()
    for i, clock in ((0, "wall"), (1, "cpu ")):
        print(f"speed-up, {clock}: render {base[i] / ours[i]:.1f}x over plain docxtpl's render; end to end "
              f"{base[i] / full[i]:.1f}x over its render alone, {csafe[i] / full[i]:.1f}x over it from YAML with "
              f"CSafeLoader, {safe[i] / full[i]:.1f}x with yaml.safe_load")
    stages(spec_path, doc, base[0], full[0], max(20, args.n))
    return 0


def _median_ms(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def stages(spec_path: Path, doc: object, docxtpl_ms: float, full_ms: float, n: int) -> None:
    """Where docgen's end-to-end time goes, stage by stage, beside the floor of the YAML
    library (libyaml's events alone, no data built): the figures issue #10's target is
    weighed against."""
    text = spec_path.read_text(encoding="utf-8")

    def events() -> None:
        loader = yaml.CSafeLoader(text)
        try:
            while loader.check_event():
                loader.get_event()
        finally:
            loader.dispose()

    source = resolve(spec_path)
    spec = validate_source(resolve(spec_path))
    rows = [
        ("libyaml events only (the parser's floor)", _median_ms(events, n)),
        ("read + parse the spec (data, lazy line marks)", _median_ms(lambda: read_source(spec_path), n)),
        ("  + office profile merged", _median_ms(lambda: resolve(spec_path), n)),
        ("validate (pydantic + cross-field checks)", _median_ms(lambda: validate_source(source), n)),
        ("build the document model", _median_ms(lambda: build(spec), n)),
        ("render the .docx bytes", _median_ms(lambda: render_document(doc), n)),
    ]
    print("stages (median wall ms, one after another):")
    for label, ms in rows:
        print(f"  {label:<48} {ms:6.2f} ms")
    print(f"target 10x plain docxtpl's render: end to end within {docxtpl_ms / 10:.2f} ms; "
          f"measured {full_ms:.2f} ms ({docxtpl_ms / full_ms:.1f}x)")


if __name__ == "__main__":
    sys.exit(main())
