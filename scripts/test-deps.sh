#!/usr/bin/env bash
# The Debian packages the test suite drives, installed when missing (npm test
# runs this first, and so does .ci/run): Chromium's headless shell for the
# browser tests, a Java runtime for the Nu Html Checker (vnu.jar), LibreOffice
# Calc for the workbook print test, and poppler's pdftotext for the
# printed-register test.
# `test-deps.sh bench` (npm run bench) installs pandoc instead, the tool the
# throughput figure is compared with.
set -euo pipefail
need=()
if [ "${1:-}" = bench ]; then
  who="The benchmark needs"
  command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
else
  who="The tests need"
  [ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
  [ -x /usr/bin/soffice ] || need+=(libreoffice-calc)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fi
[ "${#need[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "$who these Debian packages: ${need[*]}. Install them (sudo apt-get install ${need[*]}) and run again." >&2
  exit 1
fi
echo "Installing the Debian packages: ${need[*]} (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${need[@]}"
