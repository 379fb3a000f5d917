#!/usr/bin/env bash
# Re-render every example spec into samples/: .docx, .pdf and a PNG preview of every page.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p samples
for spec in specs/*.yaml; do
  name=$(basename "$spec" .yaml)
  case "$name" in danh-ba*|docgen) continue ;; esac
  .venv/bin/docgen render "$spec" -o samples --pdf --force
  rm -f samples/"$name"-*.png
  pdftoppm -png -r 70 samples/"$name".pdf samples/"$name"
done
ls samples
