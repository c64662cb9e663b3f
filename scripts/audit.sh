#!/usr/bin/env bash
# Lighthouse (mobile) on the built site served on 127.0.0.1: the home page, the comparison, the evidence
# map, a model page and an evidence page in Danish and English. Prints performance, accessibility, best practices and SEO
# per page, then every audit that cost the last three points; exits 1 when a goal is missed
# (performance >= 95, the others 100). Usage: bash scripts/audit.sh [SITE_DIR]. Not part of make test.
set -euo pipefail

site_dir=${1:-site}
root=$(cd "$(dirname "$0")/.." && pwd)
lighthouse_dir="$root/.cache/lighthouse"
lighthouse="$lighthouse_dir/node_modules/.bin/lighthouse"
python=${PYTHON:-python3}
[[ -x "$root/.venv/bin/python" ]] && python="$root/.venv/bin/python"

[[ -f "$site_dir/index.html" ]] || { echo "no built site in $site_dir: run make build first" >&2; exit 2; }
if [[ ! -x "$lighthouse" ]]; then
  echo "Installing Lighthouse 13 into $lighthouse_dir" >&2
  npm install --prefix "$lighthouse_dir" --no-audit --no-fund --silent "lighthouse@13" >&2
fi

first_record() {  # first_record SECTION: the URL path of the section's first generated record page
  local page
  page=$(find "$site_dir/$1" -mindepth 2 -maxdepth 2 -name index.html | sort | head -n 1)
  [[ -n "$page" ]] || { echo "no record pages under $site_dir/$1" >&2; exit 2; }
  basename "$(dirname "$page")" | sed "s#^#$1/#; s#\$#/#"
}
model=$(first_record models)
evidence=$(first_record evidence)
pages=("" "models/" "evidence-map/" "$model" "$evidence" "en/" "en/models/" "en/evidence-map/" "en/$model" "en/$evidence")

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Serve as GitHub Pages does (gzip, ten minutes' caching): Python's plain server sends neither,
# and Lighthouse would time a download the real host never makes.
"$python" - "$site_dir" "$port" >/dev/null 2>&1 <<'PYTHON' &
import functools, gzip, http.server, sys

COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        if not path.endswith(COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        try:
            with open(path, "rb") as file:
                body = gzip.compress(file.read())
        except OSError:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


site_dir, port = sys.argv[1], int(sys.argv[2])
handler = functools.partial(PagesLikeHandler, directory=site_dir)
http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
PYTHON
server=$!
reports=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$reports"' EXIT
for _ in $(seq 50); do
  "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
for i in "${!pages[@]}"; do
  echo "Lighthouse: /${pages[$i]}" >&2
  "$lighthouse" "http://127.0.0.1:$port/${pages[$i]}" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
    --output=json --output-path="$reports/$i.json" --quiet
done

"$python" - "$reports" "${pages[@]}" <<'PYTHON'
"""Print the scores as a table and the audits that missed; exit 1 when a goal is missed."""
import json
import sys
from pathlib import Path

reports, pages = Path(sys.argv[1]), sys.argv[2:]
categories = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
headers = ["page", "performance", "accessibility", "best practices", "SEO"]
rows, misses = [], []
for i, page in enumerate(pages):
    report = json.loads((reports / f"{i}.json").read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in categories}
    rows.append([f"/{page}"] + [str(scores[name]) for name in categories])
    for name, goal in categories.items():
        if scores[name] < goal:
            misses.append(f"/{page}: {name} {scores[name]} < {goal}")
        if name == "performance":
            continue
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                misses.append(f"/{page}: {name}: {audit['id']}: {audit['title']}")
widths = [max(len(row[k]) for row in rows + [headers]) for k in range(len(headers))]
print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |")
print("| " + " | ".join("-" * w for w in widths) + " |")
for row in rows:
    print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")
for miss in misses:
    print(miss)
sys.exit(1 if any(" < " in miss for miss in misses) else 0)
PYTHON
