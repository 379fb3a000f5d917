#!/usr/bin/env bash
# The sample of `docgen nhiem-vu` in samples/nhiem-vu/: the register of the tasks of the Lào Cai
# notice of the meeting of 31/8/2021 as of 05/10/2021, printed by LibreOffice Calc (PDF, PNG of
# every page), the monthly chart, one urging letter (.docx, PDF, PNG of every page) and calendars.
# The published notice has no number and its day is blank; for the illustration it is issued here
# as số 285, ngày 06/9/2021 (assumed, written into a temporary copy, the spec itself is untouched).
set -euo pipefail
cd "$(dirname "$0")/.."
out=samples/nhiem-vu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/specs" "$out"
cp specs/lao-cai/docgen.yaml specs/lao-cai/danh-ba.yaml "$work/specs/"
sed -e 's|^# so: để trống.*|so: 285|' -e 's|^ngay: /9/2021.*|ngay: 6/9/2021|' \
  specs/lao-cai/thong-bao-ket-luan-lao-cai.yaml > "$work/specs/thong-bao-ket-luan-lao-cai.yaml"
.venv/bin/python -m docgen.cli nhiem-vu "$work/specs" -o "$work/so-theo-doi-nhiem-vu.xlsx" --den-ngay 5/10/2021 --thang 9/2021 \
  --cong-van "$work/cong-van" --pdf --ban-hanh --ngay 6/10/2021 --lich "$work/lich"
rm -f "$out"/*
cp "$work/so-theo-doi-nhiem-vu.xlsx" "$work"/so-theo-doi-nhiem-vu.thang-09-2021.png "$out/"
letter="$work/cong-van/don-doc-Sở Kế hoạch và Đầu tư"
cp "$letter.docx" "$out/cong-van-don-doc.docx"
cp "$letter.pdf" "$out/cong-van-don-doc.pdf"
cp "$work/lich/van-phong.ics" "$work/lich/Sở Kế hoạch và Đầu tư.ics" "$out/"
soffice -env:UserInstallation="file://$work/lo" --headless --convert-to pdf --outdir "$out" \
  "$out/so-theo-doi-nhiem-vu.xlsx" >/dev/null 2>&1
pdftoppm -png -r 80 "$out/so-theo-doi-nhiem-vu.pdf" "$out/so-theo-doi-nhiem-vu"
pdftoppm -png -r 80 "$out/cong-van-don-doc.pdf" "$out/cong-van-don-doc"
.venv/bin/python -m docgen.cli check "$out/cong-van-don-doc.docx" --layout
ls "$out"
