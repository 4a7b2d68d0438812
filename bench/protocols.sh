#!/usr/bin/env bash
# Protocols sync benchmark (issue 18), one command: bench/protocols.sh > results.md
#  1. The Release web app with a fresh SQLite database seeds the demo city (without its history).
#  2. As inspector1, over one kept-alive HTTP connection (python3's http.client, so neither side pays
#     for a new connection or a process per request): 500 drafts posted one by one
#     (POST /api/v1/protocols, each with its own clientId), and the same 500 drafts, new clientIds, as
#     one batch (POST /api/v1/protocols/sync). Then the same for 500 signed protocols (a complete
#     personal search with two drawn signatures and the hash a tablet computes): drafted and signed one
#     by one (two requests each) against one sync batch of 500 "signed" items. Each pair runs
#     BENCH_ROUNDS times (3), alternating which goes first, so drift cancels out of the medians.
#  3. Every answer is checked (201 and 200 one by one; "created" or "signed" for every synced item), and
#     the database must hold exactly one protocol per clientId sent.
# Aim, stated in the output: one batch of 500 at least 2 × as fast as 500 requests one by one.
# Markdown goes to stdout, progress and build output to stderr. Knob: BENCH_ROUNDS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
rounds=${BENCH_ROUNDS:-3}
source bench/lib.sh

command -v sqlite3 >/dev/null 2>&1 || { log "sqlite3 is needed (Debian package sqlite3)"; exit 1; }
command -v python3 >/dev/null 2>&1 || { log "python3 is needed"; exit 1; }

work=$(mktemp -d)
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "## Protocols sync benchmark"
echo
machine_lines
log "building the web app (Release)"
dotnet build "$root/src/Uchastok.Web/Uchastok.Web.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep 5
mkdir -p "$work/sqlite"
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
log "app at $APP_URL"

python3 - "$APP_URL" "$rounds" "$work/timings.txt" "$work/client-ids.txt" <<'PY' >&2
import base64, hashlib, http.client, json, statistics, sys, time, urllib.parse, uuid

url, rounds, timings_path, ids_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
parsed = urllib.parse.urlparse(url)
connection = http.client.HTTPConnection(parsed.hostname, parsed.port)
sent_ids = []

def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=None if body is None else json.dumps(body, ensure_ascii=False).encode(), headers=headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, (json.loads(data) if data else None)

status, login = call("POST", "/api/v1/auth/login", {"email": "inspector1@demo.kz", "password": "Demo123!"})
assert status == 200, status
token = login["accessToken"]
status, rules = call("GET", "/api/v1/protocols/rules", token=token)
assert status == 200, status
drafter = rules["drafter"]

png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAYAAACzzX7wAAAAEUlEQVR4nGNgYGD4TwDTWgEACOwf4fAWWoUAAAAASUVORK5CYII=")
png_sha = hashlib.sha256(png).hexdigest()
# Every signer a search needs (the rule set's signers.required): the drafter, the person (here a refusal with its reason) and both witnesses.
signatures = [{"role": "drafter", "image": base64.b64encode(png).decode()}, {"role": "person", "refused": True, "reason": "Отказался"},
              {"role": "witness1", "image": base64.b64encode(png).decode()}, {"role": "witness2", "image": base64.b64encode(png).decode()}]

def document(n):
    return {
        "drawnUpAt": "2026-12-06T14:30:00+05:00", "place": f"Алматы, ул. Толе би, {n}",
        "drafter": {"position": drafter["position"], "positionCode": drafter["positionCode"], "surnameInitials": drafter["surnameInitials"]},
        "person": {"fullName": f"Ахметов Бауыржан {n}", "identityDocument": {"kind": "id-card", "number": f"{n:09d}"}},
        "owner": {"present": True},
        "witnesses": [{"surname": "Иванова", "name": "Мария", "contact": "+7 701 000 11 22", "iin": "900202400456"},
                      {"surname": "Жұмабаев", "name": "Нұрлан", "contact": "+7 702 000 33 44", "iin": "850303300789"}],
        "items": [{"kind": "other", "type": "Рюкзак", "quantity": 1, "features": "чёрный", "seized": False}],
        "copy": {"handed": True, "handedTo": "Ахметов Б.", "handedAt": "2026-12-06T15:10:00+05:00"},
    }

def canonical(value):
    # RFC 8785 for the shapes a protocol has (objects, arrays, strings, booleans, whole numbers).
    if isinstance(value, dict):
        return "{" + ",".join(canonical(k) + ":" + canonical(value[k]) for k in sorted(value, key=lambda k: k.encode("utf-16-be"))) + "}"
    if isinstance(value, list): return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, bool): return "true" if value else "false"
    if isinstance(value, int): return str(value)
    if value is None: return "null"
    out = '"'
    for c in value:
        if c == '"': out += '\\"'
        elif c == "\\": out += "\\\\"
        elif c in "\b\t\n\f\r": out += {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}[c]
        elif ord(c) < 0x20: out += "\\u%04x" % ord(c)
        else: out += c
    return out + '"'

def sha(doc):
    content = {"type": "personal-search", "document": doc, "signatures": [{"role": "drafter", "imageSha256": png_sha}, {"role": "person", "refused": True, "reason": "Отказался"},
                                                                     {"role": "witness1", "imageSha256": png_sha}, {"role": "witness2", "imageSha256": png_sha}]}
    return hashlib.sha256(canonical(content).encode()).hexdigest()

def one_by_one_drafts():
    for n in range(500):
        client_id = str(uuid.uuid4()); sent_ids.append(client_id)
        status, _ = call("POST", "/api/v1/protocols", {"clientId": client_id, "type": "personal-search", "document": document(n)}, token)
        assert status == 201, status

def one_by_one_signed():
    for n in range(500):
        client_id = str(uuid.uuid4()); sent_ids.append(client_id)
        doc = document(n)
        status, draft = call("POST", "/api/v1/protocols", {"clientId": client_id, "type": "personal-search", "document": doc}, token)
        assert status == 201, status
        status, body = call("POST", f"/api/v1/protocols/{draft['id']}/sign", {"signatures": signatures, "sha256": sha(doc)}, token)
        assert status == 200, (status, body)

def batch(kind):
    items = []
    for n in range(500):
        client_id = str(uuid.uuid4()); sent_ids.append(client_id)
        doc = document(n)
        item = {"kind": kind, "clientId": client_id, "type": "personal-search", "document": doc}
        if kind == "signed": item.update(signatures=signatures, sha256=sha(doc))
        items.append(item)
    status, body = call("POST", "/api/v1/protocols/sync", {"items": items}, token)
    assert status == 200, status
    expected = "created" if kind == "draft" else "signed"
    outcomes = [i["outcome"] for i in body["items"]]
    assert outcomes == [expected] * 500, {o: outcomes.count(o) for o in set(outcomes)}

def timed(action):
    start = time.perf_counter(); action(); return time.perf_counter() - start

# Warm-up: a few of each, so that neither side pays for the first JIT compilation in the measurement.
for n in range(20): call("POST", "/api/v1/protocols", {"clientId": str(uuid.uuid4()), "type": "personal-search", "document": document(n)}, token)
call("POST", "/api/v1/protocols/sync", {"items": [{"kind": "signed", "clientId": str(uuid.uuid4()), "type": "personal-search", "document": document(1), "signatures": signatures, "sha256": sha(document(1))}]}, token)

results = {"drafts-one": [], "drafts-batch": [], "signed-one": [], "signed-batch": []}
for r in range(rounds):
    for name, action in ([("drafts-one", one_by_one_drafts), ("drafts-batch", lambda: batch("draft"))] if r % 2 == 0
                         else [("drafts-batch", lambda: batch("draft")), ("drafts-one", one_by_one_drafts)]):
        results[name].append(timed(action)); print(f"[bench] {name} round {r + 1}: {results[name][-1]:.2f} s", file=sys.stderr)
    for name, action in ([("signed-one", one_by_one_signed), ("signed-batch", lambda: batch("signed"))] if r % 2 == 0
                         else [("signed-batch", lambda: batch("signed")), ("signed-one", one_by_one_signed)]):
        results[name].append(timed(action)); print(f"[bench] {name} round {r + 1}: {results[name][-1]:.2f} s", file=sys.stderr)
with open(timings_path, "w") as f:
    for name, values in results.items(): f.write(name + " " + " ".join(f"{v:.3f}" for v in values) + f" {statistics.median(values):.3f}\n")
with open(ids_path, "w") as f: f.write("\n".join(sent_ids) + "\n")
PY
stop_app

database="$work/sqlite/uchastok.db"
sent=$(wc -l < "$work/client-ids.txt")
stored=$(sqlite3 -batch -noheader "$database" "SELECT count(*), count(DISTINCT ClientId), sum(State = 'Signed') FROM protocols_protocols;" | tr '|' ' ')
read -r total distinct signed_rows <<<"$stored"
# 20 warm-up drafts and one warm-up signed item besides the measured ones.
[ "$total" -eq $((sent + 21)) ] && [ "$distinct" -eq "$total" ] || { log "the database holds $total protocols ($distinct clientIds) for $sent + 21 sent"; exit 1; }

row() { # name label
  local values median
  values=$(grep "^$1 " "$work/timings.txt" | cut -d' ' -f2- )
  median=${values##* }
  echo "$median"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
line() { grep "^$1 " "$work/timings.txt" | cut -d' ' -f2- | awk -v n="$rounds" '{ s = ""; for (i = 1; i <= n; i++) s = s (i > 1 ? ", " : "") $i; print s }'; }
drafts_one=$(row drafts-one); drafts_batch=$(row drafts-batch); signed_one=$(row signed-one); signed_batch=$(row signed-batch)
drafts_ratio=$(ratio "$drafts_one" "$drafts_batch"); signed_ratio=$(ratio "$signed_one" "$signed_batch")
aim() { awk -v r="$1" 'BEGIN { print (r >= 2 ? "met" : "missed") }'; }
echo "- Load average when measuring ended: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Database: SQLite (write-ahead log), the demo city without history; the database holds $total protocols, one per clientId sent ($signed_rows signed)"
echo "- Aim: one batch of 500 at least 2 × as fast as 500 one by one"
echo
echo "| 500 items as inspector1 (one kept-alive connection) | Seconds, rounds | Median s | Items/s |"
echo "|---|---|---:|---:|"
echo "| Drafts posted one by one (POST /api/v1/protocols) | $(line drafts-one) | $drafts_one | $(ratio 500 "$drafts_one") |"
echo "| Drafts in one sync batch (POST /api/v1/protocols/sync) | $(line drafts-batch) | $drafts_batch | $(ratio 500 "$drafts_batch") |"
echo "| Signed protocols one by one (draft, then sign: 1,000 requests) | $(line signed-one) | $signed_one | $(ratio 500 "$signed_one") |"
echo "| Signed protocols in one sync batch | $(line signed-batch) | $signed_batch | $(ratio 500 "$signed_batch") |"
echo
echo "Batch ÷ one by one: drafts **$drafts_ratio ×** ($(aim "$drafts_ratio")), signed protocols **$signed_ratio ×** ($(aim "$signed_ratio"))."
