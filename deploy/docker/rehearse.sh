#!/usr/bin/env bash
# Rehearses deploy/docker/Dockerfile where no Docker engine runs (docs/deployment.md#checking-the-image-without-docker):
#  1. the build context is what Dockerfile.dockerignore lets through, and the build stage's `dotnet publish` works from it;
#  2. the runtime stage's layout, ENV and ENTRYPOINT (read from the Dockerfile, paths moved under a scratch root) start
#     `chatops serve` as the image's non-root uid with /app, /etc/chatops and $HOME read-only and only /data writable;
#  3. /healthz and /readyz answer 200, /metrics counts, the command API answers a request with the image's model and
#     catalog, every log line is JSON, and SIGTERM stops it cleanly within the shutdown timeout.
# Prints what it checks; exits non-zero on the first check that fails.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dockerfile=$repo/deploy/docker/Dockerfile
scratch=$(mktemp -d /tmp/chatops-image.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT
fail() { echo "rehearse: FAILED: $*" >&2; [ -f "$scratch/bot.log" ] && tail -20 "$scratch/bot.log" >&2; exit 1; }
ok() { echo "rehearse: ok: $*"; }

# 1. the context, filtered as BuildKit filters it, then the build stage
python3 "$repo/deploy/docker/dockerignore.py" "$repo" "$repo/deploy/docker/Dockerfile.dockerignore" "$scratch/src"
ok "context: $(find "$scratch/src" -type f | wc -l) files through Dockerfile.dockerignore"
(cd "$scratch/src" && DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish src/ChatOps.Cli -c Release -o "$scratch/root/app" -v quiet -nologo) \
  > "$scratch/publish.log" 2>&1 || { tail -30 "$scratch/publish.log" >&2; fail "dotnet publish in the filtered context"; }
ok "build stage: dotnet publish src/ChatOps.Cli from the filtered context"

# 2. the runtime stage: its COPY lines, its ENV, its user
root=$scratch/root
mkdir -p "$root/app/models" "$root/etc/chatops" "$root/data" "$root/home"
cp "$scratch/src/models/intent-model.zip" "$scratch/src/models/model-card.json" "$root/app/models/"
cp -r "$scratch/src/training-data/." "$root/etc/chatops/"
move() { sed -e "s#^/app#$root/app#" -e "s#^/etc/chatops#$root/etc/chatops#" -e "s#^/data#$root/data#"; }
declare -a env_args=()
while IFS= read -r pair; do
  key=${pair%%=*}; value=$(printf '%s' "${pair#*=}" | move)
  env_args+=("$key=$value")
done < <(awk '/^FROM .* AS runtime/{r=1} r && /^ENV /{c=1} c{line=$0; sub(/^ENV /,"",line); sub(/ *\\$/,"",line); gsub(/^ +/,"",line); print line; if ($0 !~ /\\$/) c=0}' "$dockerfile")
[ ${#env_args[@]} -ge 5 ] || fail "could not read the runtime stage's ENV from the Dockerfile"
entry=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]/\1/p' "$dockerfile" | tr -d '"' | tr ',' ' ')
[ "$entry" = "dotnet  chatops.dll  serve" ] || [ "$entry" = "dotnet chatops.dll serve" ] || fail "ENTRYPOINT is '$entry', expected dotnet chatops.dll serve"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token=rehearsal-token-0123456789abcdef
env_args+=("CHATOPS__Http__Urls=http://127.0.0.1:$port" "CHATOPS__Api__Tokens__0__Name=rehearsal" "CHATOPS__Api__Tokens__0__User=api:rehearsal" "CHATOPS__Api__Tokens__0__Token=$token")

uid=1654
user_cmd=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  chown "$uid" "$root/data"
  chmod -R a-w "$root/app" "$root/etc" "$root/home"
  chmod 755 "$scratch" "$root"
  user_cmd=(setpriv --reuid="$uid" --regid="$uid" --clear-groups)
  ok "runtime stage: uid $uid, /app /etc/chatops \$HOME read-only, /data writable"
else
  echo "rehearse: note: not root, so the process runs as $(id -un) and the read-only checks are skipped"
fi

(cd "$root/app" && exec env -i PATH="$PATH" HOME="$root/home" DOTNET_ROOT="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}" \
  "${env_args[@]}" "${user_cmd[@]}" dotnet chatops.dll serve) > "$scratch/bot.log" 2>&1 &
pid=$!

# 3. what a kubelet and a client see
base=http://127.0.0.1:$port
for _ in $(seq 1 120); do curl -sf "$base/healthz" >/dev/null 2>&1 && break; kill -0 "$pid" 2>/dev/null || fail "the process exited at start"; sleep 0.5; done
curl -sf "$base/healthz" >/dev/null || fail "/healthz did not answer 200 within 60 s"
ok "/healthz 200"
ready=$(curl -s -o "$scratch/ready.json" -w '%{http_code}' "$base/readyz")
[ "$ready" = 200 ] || fail "/readyz answered $ready: $(cat "$scratch/ready.json")"
ok "/readyz 200: $(tr -d '\n' < "$scratch/ready.json" | cut -c1-160)"
answer=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"text": "help"}' "$base/api/commands")
grep -q '"replies":\[{"text":' <<< "$answer" || fail "the command API did not answer help: $answer"
ok "command API: help answered ($(printf '%s' "$answer" | cut -c1-80)…)"
unknown=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong-token-0123456789abcdef' -H 'Content-Type: application/json' -d '{"text": "help"}' "$base/api/commands")
[ "$unknown" = 401 ] || fail "a wrong API token was answered $unknown, not 401"
ok "command API: a wrong token is 401"
metrics=$(curl -s "$base/metrics")
grep -q '^chatops_messages_total' <<< "$metrics" || fail "/metrics has no chatops_messages_total"
ok "/metrics counts messages"
[ -s "$root/data/chatops.db" ] || fail "nothing was written to /data/chatops.db"
ok "SQLite store in /data"

kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && fail "still running 30 s after SIGTERM"
wait "$pid" && code=0 || code=$?
pid=
[ "$code" = 0 ] || fail "exit code $code after SIGTERM"
ok "SIGTERM: stopped, exit code 0"
bad=$(grep -cv '^{.*}$' "$scratch/bot.log" || true)
[ "$bad" = 0 ] || fail "$bad log lines are not JSON"
errors=$(grep -c '"LogLevel":"\(Error\|Critical\)"' "$scratch/bot.log" || true)
[ "$errors" = 0 ] || fail "$errors error lines in the log"
ok "log: $(wc -l < "$scratch/bot.log") lines, all JSON, no errors"
grep '"LogLevel":"Warning"' "$scratch/bot.log" | sed -n 's/.*"Message":"\([^"]*\)".*/rehearse: warning logged: \1/p' | cut -c1-200 || true
echo "rehearse: the image's build and runtime stages hold"
