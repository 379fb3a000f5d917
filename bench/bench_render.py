"""Render one spec N times: docgen's compiled template against plain docxtpl, same content.

Usage: .venv/bin/python bench/bench_render.py [SPEC] [-n N]
Plain docxtpl here means what a docxtpl user writes: DocxTemplate(path), render(context,
sandboxed autoescaping env), save, for every document, from the same template and context.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from docgen.model.build import build  # noqa: E402
from docgen.render.context import build_context  # noqa: E402
from docgen.render.engine import sandbox  # noqa: E402
from docgen.render.pipeline import render_document  # noqa: E402
from docgen.render.templates import builtin_path  # noqa: E402
from docgen.spec import load_spec  # noqa: E402

DEFAULT_SPEC = ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml"


def timed(label: str, n: int, fn) -> float:
    fn()  # warm-up: imports, caches, font metrics
    start = time.perf_counter()
    for _ in range(n):
        fn()
    elapsed = time.perf_counter() - start
    rate = n / elapsed
    print(f"{label:<44} {n:>5} docs  {elapsed:7.3f} s  {rate:8.1f} docs/s  {1000 * elapsed / n:7.2f} ms/doc")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("-n", type=int, default=100)
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

    base = timed("plain docxtpl (load, render, save)", args.n, plain_docxtpl)
    ours = timed("docgen render (model → .docx)", args.n, docgen_render)
    full = timed("docgen end to end (YAML → .docx)", args.n, docgen_full)
    print(f"speed-up over plain docxtpl: render {ours / base:.1f}x, end to end {full / base:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
