#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter: python3.10 on PATH if it really is 3.10,
# else the newest pyenv-installed 3.10.x. Rasa 3.6 runs on Python 3.8 to 3.10 only.
set -euo pipefail

is_py310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

if command -v python3.10 >/dev/null 2>&1 && is_py310 python3.10; then
  command -v python3.10
  exit 0
fi
pyenv_root=$( (command -v pyenv >/dev/null 2>&1 && pyenv root) || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for candidate in $(ls -d "$pyenv_root"/versions/3.10.* 2>/dev/null | sort -V -r); do
  if is_py310 "$candidate/bin/python"; then
    echo "$candidate/bin/python"
    exit 0
  fi
done
echo "No Python 3.10 found. Rasa 3.6.21 needs Python 3.8-3.10: install one, e.g. 'pyenv install 3.10.13'." >&2
exit 1
