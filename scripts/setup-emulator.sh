#!/usr/bin/env bash
# Creates .venv with the local AWS emulator (moto in server mode) and
# cfn-lint from requirements-dev.txt. Does nothing when already current.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [[ -x .venv/bin/moto_server && -f $stamp && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
echo "Installing the local AWS emulator (moto) into .venv ..." >&2
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
echo "$want" > "$stamp"
