#!/usr/bin/env bash
# Re-render every example spec into samples/: .docx, .pdf and a PNG preview of every page.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p samples
for spec in $(find specs -name "*.yaml" ! -name "danh-ba*" ! -name "docgen.yaml" | sort); do
  name=$(basename "$spec" .yaml)
  .venv/bin/docgen render "$spec" -o samples --pdf --force
  for pdf in samples/"$name".pdf samples/"$name".*.pdf; do
    [ -f "$pdf" ] || continue
    base="${pdf%.pdf}"
    rm -f "$base"-*.png
    pdftoppm -png -r 70 "$pdf" "$base"
  done
done
ls samples
