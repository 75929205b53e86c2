#!/usr/bin/env bash
# The OCA quality gate: ruff (lint and format), pylint with pylint-odoo,
# oca-odoo-pre-commit-hooks (manifests, XML, .po files), prettier with its
# XML plugin, and each addon's README.md as its readme/ fragments give it. Any message fails. `--fix` applies the formatters and the
# automatic fixes first. The tools live in .cs/lint-venv and .cs/lint-node,
# installed from PyPI and npm at the versions setup/lint-requirements.txt and
# setup/lint-package.json pin; the configuration is in .ruff.toml, .pylintrc
# and .prettierrc.yml.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CS_ROOT"

fix=0
[ "${1:-}" = --fix ] && fix=1
LINT_VENV=$CS_STATE/lint-venv
LINT_NODE=$CS_STATE/lint-node

cs_lint_tools() {
    local stamp=$LINT_VENV/.requirements
    if ! cmp -s setup/lint-requirements.txt "$stamp" 2>/dev/null; then
        cs_log "installing the lint tools into .cs/lint-venv"
        rm -rf "$LINT_VENV"
        "${CS_PYTHON:-python3}" -m venv "$LINT_VENV"
        "$LINT_VENV/bin/python" -m pip install -q -r setup/lint-requirements.txt
        cp setup/lint-requirements.txt "$stamp"
    fi
    if ! cmp -s setup/lint-package.json "$LINT_NODE/package.json" 2>/dev/null; then
        command -v npm >/dev/null || cs_apt_install npm
        cs_log "installing prettier and its XML plugin into .cs/lint-node"
        rm -rf "$LINT_NODE"
        mkdir -p "$LINT_NODE"
        cp setup/lint-package.json "$LINT_NODE/package.json"
        (cd "$LINT_NODE" && npm install --silent --no-audit --no-fund >/dev/null)
    fi
}
cs_lint_tools

mapfile -t addons < <(printf '%s\n' "${CS_ADDONS[@]}")
mapfile -t pretty < <(git ls-files --cached --others --exclude-standard \
    | grep -E '\.(css|js|json|md|scss|xml|yaml|yml)$' | grep -v '^setup/lint-package.json$')
mapfile -t po < <(git ls-files --cached --others --exclude-standard | grep -E '\.pot?$')
prettier=("$LINT_NODE/node_modules/.bin/prettier" --config .prettierrc.yml
    --plugin "$LINT_NODE/node_modules/@prettier/plugin-xml/src/plugin.js")

if [ $fix = 1 ]; then
    "$LINT_VENV/bin/ruff" check --fix --exit-zero --quiet .
    "$LINT_VENV/bin/ruff" format --quiet .
    "$LINT_VENV/bin/oca-checks-odoo-module" --fix --no-exit --no-verbose "${addons[@]}" >/dev/null
    "$LINT_VENV/bin/oca-checks-po" --fix --no-exit --no-verbose "${po[@]}" >/dev/null
    "${prettier[@]}" --write --log-level warn "${pretty[@]}"
    "$LINT_VENV/bin/python" setup/readme.py
fi

status=0
step() {
    local name=$1
    shift
    if "$@"; then cs_log "lint: $name clean"; else cs_log "lint: $name failed"; status=1; fi
}
step "ruff check" "$LINT_VENV/bin/ruff" check --no-fix --quiet .
step "ruff format" "$LINT_VENV/bin/ruff" format --check --quiet .
step "pylint-odoo" "$LINT_VENV/bin/pylint" --rcfile=.pylintrc "${addons[@]}"
step "oca-checks-odoo-module" "$LINT_VENV/bin/oca-checks-odoo-module" --no-verbose "${addons[@]}"
step "oca-checks-po" "$LINT_VENV/bin/oca-checks-po" --no-verbose "${po[@]}"
step "prettier" "${prettier[@]}" --check --log-level warn "${pretty[@]}"
step "addon READMEs" "$LINT_VENV/bin/python" setup/readme.py --check
exit $status
