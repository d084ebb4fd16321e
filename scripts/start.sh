#!/usr/bin/env bash
# The main job (`npm start`): install what is missing, build, then serve the web simulator on
# 127.0.0.1 (default port 5173; `npm start -- --port 8080` to choose). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "clipshock: building..." >&2
npm run --silent build
exec node bin/clipshock.mjs serve "$@"
