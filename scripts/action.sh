#!/usr/bin/env bash
# The GitHub Action's work (action.yml): install hookctl, run one command against the job's receiver,
# report the exit code and where the JUnit file is. Inputs come as environment variables, so the
# suite runs this script exactly as the action does (test/ci/action.test.ts).
#   HOOKCTL_COMMAND   hookctl words to run (default: test)
#   HOOKCTL_TO        the receiver, passed as --to when set
#   HOOKCTL_PROVIDER  passed as --provider when set
#   HOOKCTL_ARGS      more words, split on whitespace (e.g. --only invalid-signature,stale-timestamp)
#   HOOKCTL_JUNIT     the JUnit report `hookctl test` writes (default: hookctl-junit.xml)
#   HOOKCTL_PACKAGE   an npm spec to install (hookctl@0.2.0, github:owner/hookctl#v1); default: this checkout
# Secrets are read by hookctl itself from the environment (HOOKCTL_SECRET_<PROVIDER>, HOOKCTL_SECRET).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ -n "${HOOKCTL_PACKAGE:-}" ]]; then
  prefix="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/hookctl-action"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$HOOKCTL_PACKAGE" >&2
  bin="$prefix/node_modules/hookctl/bin/hookctl.js"
else
  # A fresh checkout of the action has no dist/: npm ci installs the compiler and `prepare` builds.
  [[ -f "$here/dist/cli/main.js" ]] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
  bin="$here/bin/hookctl.js"
fi

read -r -a args <<< "${HOOKCTL_COMMAND:-test}"
[[ ${#args[@]} -gt 0 ]] || args=(test)
[[ -z "${HOOKCTL_TO:-}" ]] || args+=(--to "$HOOKCTL_TO")
[[ -z "${HOOKCTL_PROVIDER:-}" ]] || args+=(--provider "$HOOKCTL_PROVIDER")
junit=""
if [[ "${args[0]}" == test ]]; then
  junit="${HOOKCTL_JUNIT:-hookctl-junit.xml}"
  mkdir -p "$(dirname "$junit")"
  junit="$(cd "$(dirname "$junit")" && pwd)/$(basename "$junit")"
  args+=(--junit "$junit")
fi
read -r -a extra <<< "${HOOKCTL_ARGS:-}"
args+=("${extra[@]}")

code=0
node "$bin" "${args[@]}" || code=$?
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  { echo "exit-code=$code"; echo "junit=$junit"; } >> "$GITHUB_OUTPUT"
fi
exit "$code"
