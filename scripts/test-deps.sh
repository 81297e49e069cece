#!/usr/bin/env bash
# The Debian packages the test suite drives, installed when missing (npm test
# runs this first, and so does .ci/run): Chromium for the browser tests, a Java
# runtime for the Nu Html Checker (vnu.jar), LibreOffice Calc for the workbook
# print test, and poppler's pdftotext for the printed-register test.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
[ -x /usr/bin/soffice ] || need+=(libreoffice-calc)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ "${#need[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need these Debian packages: ${need[*]}. Install them (sudo apt-get install ${need[*]}) and run the tests again." >&2
  exit 1
fi
echo "Installing the Debian packages the tests need: ${need[*]} (a few minutes, once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${need[@]}"
