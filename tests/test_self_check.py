"""docgen passes its own check (issue #11): every document it renders from the specs of the
repository and the tests - every type, the bản trích sao, the invitation per invitee, a long
trích yếu broken by docgen and one broken by its author, an office's spacing, and a sample of
the pagination stress documents - passes
`docgen check --layout`, with no rule left unchecked."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from stress import COPY, cases

from docgen.check import check_document
from docgen.distribute import trich_sao
from docgen.model.build import build_documents, build_invitation
from docgen.render.pipeline import render_document
from docgen.spec import load_spec

pytestmark = [pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
              pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]
SPECS = sorted([*ROOT.glob("specs/**/*.yaml"), *ROOT.glob("tests/**/data/*.yaml")])
SPECS = [p for p in SPECS if p.name != "docgen.yaml" and not p.name.startswith("danh-ba")]
STRESS_SAMPLE = 17  # every 17th stress document: about 20, through every type


def documents() -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for path in SPECS:
        spec = load_spec(path)
        for kind, doc in build_documents(spec).items():
            out.append((f"{path.stem}.{kind}", render_document(doc)))
            if kind in ("thong-bao", "chi-thi"):
                out.append((f"{path.stem}.trich-sao", trich_sao.render(doc, doc.body, COPY)))
        if spec.giay_moi is not None and len(spec.giay_moi.moi) > 1:
            out.append((f"{path.stem}.giay-moi-1", render_document(build_invitation(spec, spec.giay_moi.moi[0]))))
    notice = build_documents(load_spec(ROOT / "tests" / "data" / "thong-bao-nho.yaml"))["thong-bao"]
    out.append(("variant.long-trich-yeu", render_document(dataclasses.replace(notice, trich_yeu=LONG))))
    out.append(("variant.broken-trich-yeu", render_document(dataclasses.replace(notice, trich_yeu=BROKEN))))
    out.append(("variant.spacing-15", render_document(dataclasses.replace(notice, line_spacing=1.5,
                                                                            paragraph_spacing=12))))
    out += [(c.name, c.data) for c in cases()[::STRESS_SAMPLE]]
    return out


LONG = ("Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp thường kỳ tháng 9 năm 2021 về tình hình "
        "thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh và công tác phòng, chống dịch Covid-19")
BROKEN = "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh\ntại phiên họp thường kỳ tháng 9 năm 2021"


DOCS = documents()


@pytest.mark.parametrize("name,data", DOCS, ids=[n for n, _ in DOCS])
def test_every_rendered_document_passes_check_layout(tmp_path, name, data):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    report = check_document(path, layout=True)
    assert not report.failed, [f.line() for f in report.failures]
    assert report.not_checked == [], [(r.rule.id, r.reason) for r in report.not_checked]


def test_the_set_covers_every_type():
    kinds = {name.rsplit(".", 1)[-1].split("-pad")[0] for name, _ in DOCS}
    assert {"thong-bao", "chi-thi", "giay-moi", "cong-van", "trich-sao", "long-trich-yeu", "broken-trich-yeu",
            "spacing-15"} <= kinds
