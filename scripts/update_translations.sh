#!/usr/bin/env bash
# Refresh the English translation: extract tr() strings from the UI sources into the
# .ts (translations already made are kept), then compile the .qm shipped in the package.
#
# Run with the project's virtual environment on PATH (pyside6-lupdate, pyside6-lrelease),
# e.g.  PATH=/path/to/venv/bin:$PATH scripts/update_translations.sh
# Afterwards translate the new entries (type="unfinished") in the .ts, e.g. with
# pyside6-linguist, and run this script again to compile them.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TS=firstbatch_desk/ui/translations/firstbatch_en.ts
QM=firstbatch_desk/ui/translations/firstbatch_en.qm

for tool in pyside6-lupdate pyside6-lrelease; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "error: $tool not found on PATH; put the project's venv bin directory on PATH" >&2
        exit 1
    fi
done

mapfile -d '' sources < <(find firstbatch_desk/ui -name '*.py' -type f -print0 | LC_ALL=C sort -z)
if [[ ${#sources[@]} -eq 0 ]]; then
    echo "error: no Python sources under firstbatch_desk/ui" >&2
    exit 1
fi

# -no-obsolete: strings removed from the code are dropped rather than kept as "vanished"
# (tests/ui/test_language.py insists the .ts holds only live, finished messages).
pyside6-lupdate "${sources[@]}" \
    -source-language zh_CN -target-language en -no-obsolete \
    -ts "$TS"
pyside6-lrelease "$TS" -qm "$QM"
