#!/usr/bin/env bash
# `npm start`: installs the npm packages when needed, builds (dist/ and the web app in dist-web/), and
# serves the web simulator on 127.0.0.1 (port 5173, or the next free one; `npm start -- --port N`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "clipshock: building..." >&2
npm run --silent build >&2
exec node bin/clipshock.mjs serve "$@"
