#!/usr/bin/env bash
# Everything docgen needs on a fresh Debian/Ubuntu machine: LibreOffice (PDF), the fonts
# metric-compatible with Times New Roman, poppler (PNG previews), then docgen itself in .venv.
# (LibreOffice Calc only prints the task register for samples/nhiem-vu; docgen never needs it.)
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 poppler-utils python3-venv python3-uno)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Cài đặt gói hệ thống: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# python3-uno: batch PDFs keep one LibreOffice open and drive it through UNO from the system
# Python (the only one Debian's python3-uno serves); docgen talks to it over a pipe.
/usr/bin/python3 -c "import uno" 2>/dev/null \
  || echo "Cảnh báo: /usr/bin/python3 không nạp được mô-đun uno; docgen sẽ chuyển PDF từng tệp một (chậm hơn)."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "docgen đã sẵn sàng: .venv/bin/docgen --help"
