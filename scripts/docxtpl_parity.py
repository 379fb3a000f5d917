"""Parity with docxtpl on docxtpl's own test suite: same template, same context, same document?

Usage: .venv/bin/python scripts/docxtpl_parity.py CHECKOUT [--json OUT] [--only NAME]

CHECKOUT is a checkout of github.com/elapouya/python-docx-template (a folder, or the bare git
directory that the `fetch` tool gives; it is then extracted to a temporary folder). Nothing of it
is copied into this repository: each of its `tests/*.py` scripts is run from the checkout (in a
child process, from its `tests/` folder) with DocxTemplate patched so that every render is
captured: the template, the context the script built, its Jinja filters, its picture and media
replacements, and the document docxtpl saved. The same template is then rendered by docgen's
compiled engine with the same context (docxtpl's InlineImage, RichText hyperlinks and Subdoc
turned into docgen's values by `docgen.render.adapt`) and both documents are compared part by
part after canonicalisation (see `docgen.render.integrity.canonical_package`).

Each template gets one verdict: "tương đương" (equivalent), "từ chối: …" (docgen refuses it
up front, with the message it gives), "khác: …" (differs: the first differing part) or
"lỗi: …" (docgen crashed: always a bug).
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import subprocess
import sys
import tarfile
import tempfile
import traceback
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SKIP = {"runtests.py", "__init__.py"}


def checkout_folder(source: Path, keep: list) -> Path:
    """A folder holding `tests/`: the checkout itself, or a bare git directory extracted."""
    if (source / "tests").is_dir():
        return source
    tmp = tempfile.TemporaryDirectory(prefix="docxtpl-parity-")
    keep.append(tmp)
    archive = subprocess.run(["git", "--git-dir", str(source), "archive", "HEAD"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(tmp.name, filter="data")
    return Path(tmp.name)


# ---------------------------------------------------------------- child: one script, captured


def run_one(script: Path) -> list[dict]:
    """Run one docxtpl test script with DocxTemplate patched; compare each render it makes."""
    import docxtpl
    from docxtpl.template import DocxTemplate

    captured: list[dict] = []
    original_render, original_save = DocxTemplate.render, DocxTemplate.save

    def render(self, context, jinja_env=None, autoescape=False):
        record = {"tpl": self, "data": None, "context": context, "env": jinja_env, "autoescape": autoescape,
                  "error": None, "replacements": None}
        captured.append(record)
        self._parity = record
        try:
            return original_render(self, context, jinja_env, autoescape)
        except Exception as exc:
            record["error"] = f"{type(exc).__name__}: {exc}"
            raise

    def save(self, filename, *args, **kwargs):
        record = getattr(self, "_parity", None)
        replacements = {"pics": dict(self.pics_to_replace), "media": dict(self.crc_to_new_media),
                        "embedded": dict(self.crc_to_new_embedded), "zipnames": dict(self.zipname_to_replace),
                        "originals": originals}
        original_save(self, filename, *args, **kwargs)
        if record is None:
            return
        if record["data"] is not None:  # saved again: a second document from the same render
            record = dict(record)
            captured.append(record)
        record["data"] = filename.getvalue() if hasattr(filename, "getvalue") else Path(filename).read_bytes()
        record["replacements"] = replacements

    originals: dict[int, bytes] = {}
    original_crc = DocxTemplate.get_file_crc

    def get_file_crc(file_obj):  # replace_media/replace_embedded keep only a CRC: keep the bytes too
        crc = original_crc(file_obj)
        if hasattr(file_obj, "getvalue"):
            originals[crc] = file_obj.getvalue()
        elif not hasattr(file_obj, "read"):
            originals[crc] = Path(file_obj).read_bytes()
        return crc

    DocxTemplate.get_file_crc = staticmethod(get_file_crc)
    DocxTemplate.render, DocxTemplate.save = render, save
    docxtpl.DocxTemplate = DocxTemplate
    os.chdir(script.parent)
    (script.parent / "output").mkdir(exist_ok=True)
    if script.name == "module_execute.py":
        # It shells out to `python -m docxtpl TEMPLATE JSON OUT`: do the same render here.
        tpl = DocxTemplate("templates/module_execute_tpl.docx")
        tpl.render(json.loads(Path("templates/module_execute.json").read_text(encoding="utf-8")))
        tpl.save(BytesIO())
    else:
        try:
            runpy.run_path(str(script), run_name="__main__")
        except SystemExit:
            pass
    for record in captured:  # rendered, never saved by the script: save it here
        if record["data"] is None:
            buffer = BytesIO()
            save(record["tpl"], buffer)
    return [compare(record) for record in captured]


def compare(record: dict) -> dict:
    from docgen.plumbing.errors import DocgenError
    from docgen.render import integrity

    tpl = record["tpl"]
    template = Path(tpl.template_file).resolve() if isinstance(tpl.template_file, (str, os.PathLike)) else None
    out = {"template": template.name if template else "?"}
    try:
        ours = docgen_render(template, record)
    except DocgenError as exc:
        out["verdict"] = "refused"
        out["detail"] = exc.show() + (f" [docxtpl cũng từ chối: {record['error']}]" if record["error"] else "")
        return out
    except Exception:
        out["verdict"] = "crash"
        out["detail"] = traceback.format_exc(limit=4)[-900:]
        return out
    if record["error"]:
        out["verdict"] = "differs"
        out["detail"] = f"docxtpl từ chối ({record['error']}) nhưng docgen vẫn kết xuất"
        return out
    diff = integrity.compare_packages(record["data"], ours)
    problems = integrity.check_package(ours)
    if diff:
        out["verdict"], out["detail"] = "differs", diff
    elif problems:
        out["verdict"], out["detail"] = "differs", "kiểm tra OOXML: " + "; ".join(problems[:3])
    else:
        out["verdict"], out["detail"] = "equivalent", ""
    return out


def docgen_render(template: Path, record: dict) -> bytes:
    from docgen.render.engine import CompiledTemplate

    try:
        from docgen.render import adapt
    except ImportError:  # the engine before docgen had values for pictures and links
        return CompiledTemplate(template).render(record["context"])
    filters = adapt.custom_filters(record["env"])
    compiled = CompiledTemplate(template, filters=filters)
    context = adapt.context(record["context"], record["tpl"])
    return compiled.render(context, replace=adapt.replacements(record["replacements"]))


# ---------------------------------------------------------------- parent: every script, one table


def verdicts(folder: Path, only: str | None) -> dict[str, dict]:
    results: dict[str, dict] = {}
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    for script in sorted((folder / "tests").glob("*.py")):
        if script.name in SKIP or (only and only not in script.stem):
            continue
        proc = subprocess.run([sys.executable, __file__, "--one", str(script)], capture_output=True, text=True,
                              env=env, timeout=600)
        lines = [line for line in proc.stdout.splitlines() if line.startswith("PARITY ")]
        if not lines:
            results[script.stem] = {"template": script.stem, "verdict": "crash",
                                    "detail": (proc.stderr or proc.stdout)[-900:]}
            continue
        for item in json.loads(lines[-1][7:]):
            merged = results.setdefault(item["template"], dict(item, renders=0))
            merged["renders"] += 1
            if merged["verdict"] == "equivalent" and item["verdict"] != "equivalent":
                merged.update(item, renders=merged["renders"])
    return results


def table(results: dict[str, dict]) -> str:
    lines = ["| mẫu | kết quả | chi tiết |", "|---|---|---|"]
    for name in sorted(results):
        r = results[name]
        detail = " ".join(str(r.get("detail", "")).split())[:220].replace("|", "\\|")
        lines.append(f"| {name} | {r['verdict']} | {detail} |")
    counts: dict[str, int] = {}
    for r in results.values():
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    lines.append("")
    lines.append(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + f" (trên {len(results)} mẫu)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("checkout", type=Path)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--only")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.one:
        print("PARITY " + json.dumps(run_one(args.checkout.resolve()), ensure_ascii=False))
        return 0
    keep: list = []
    folder = checkout_folder(args.checkout.resolve(), keep)
    results = verdicts(folder, args.only)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    bad = [n for n, r in results.items() if r["verdict"] in ("differs", "crash")]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
