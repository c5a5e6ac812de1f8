#!/usr/bin/env bash
# THE run command: ./scripts/run.sh
# Starts Azurite and smtp4dev (both pinned in the repository), then the standalone host on http://localhost:7071.
# Data stays under .local/ (Azurite files, technician API key). Ctrl+C stops everything this script started.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"

app_url="http://localhost:7071"
smtp4dev_url="http://127.0.0.1:5080"
smtp_port=2525
imap_port=1143
pop3_port=1110
inbound_smtp_port=2526
azurite_ports=(10000 10001 10002)
# The Durable task hub (SLA engine) has its own Azurite, as it has its own storage account on Azure: its queue polls
# and history writes never wait in line with a requester's form post (docs/performance.md).
durable_azurite_ports=(10010 10011 10012)
durable_connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10010/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10011/devstoreaccount1;TableEndpoint=http://127.0.0.1:10012/devstoreaccount1;"
local_dir="$root/.local"
log_dir="$local_dir/logs"

log() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for_port PORT NAME PID LOGFILE [TIMEOUT_SECONDS]
wait_for_port() {
  local port=$1 name=$2 pid=$3 logfile=$4 timeout=${5:-60} waited=0
  until port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$logfile" >&2 || true
      die "$name exited before listening on port $port (log: $logfile)."
    fi
    if (( waited >= timeout * 10 )); then
      tail -n 30 "$logfile" >&2 || true
      die "$name did not listen on port $port within ${timeout}s (log: $logfile)."
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

pids=()
cleanup() {
  local status=$?
  trap - INT TERM EXIT
  if (( ${#pids[@]} > 0 )); then
    printf '\n'
    log "Stopping Azurite, smtp4dev and the app"
    # Each child runs in its own process group (set -m): signal the whole group, so dotnet run's child goes too.
    for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
    for _ in $(seq 50); do
      local alive=0
      for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
      (( alive )) || break
      sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for port in "${azurite_ports[@]}" "${durable_azurite_ports[@]}" "$smtp_port" "$imap_port" "$pop3_port" "$inbound_smtp_port" 5080 7071; do
  port_open "$port" && die "Port $port is already in use (another ./scripts/run.sh, Azurite or smtp4dev running?)."
done

if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  log "npm ci (Azurite)"
  npm ci --no-audit --no-fund
  touch node_modules
fi
log "dotnet tool restore (smtp4dev)"
dotnet tool restore >/dev/null

mkdir -p "$local_dir/azurite" "$local_dir/azurite-durable" "$log_dir"

# Background jobs get their own process group, so that cleanup can stop each one with all its children.
set -m

log "Starting Azurite (data in .local/azurite, log .local/logs/azurite.log)"
node_modules/.bin/azurite --location "$local_dir/azurite" --skipApiVersionCheck --loose --silent \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  >"$log_dir/azurite.log" 2>&1 &
azurite_pid=$!
pids+=("$azurite_pid")

log "Starting the task hub's Azurite (data in .local/azurite-durable, log .local/logs/azurite-durable.log)"
node_modules/.bin/azurite --location "$local_dir/azurite-durable" --skipApiVersionCheck --loose --silent \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "${durable_azurite_ports[0]}" --queuePort "${durable_azurite_ports[1]}" --tablePort "${durable_azurite_ports[2]}" \
  >"$log_dir/azurite-durable.log" 2>&1 &
durable_azurite_pid=$!
pids+=("$durable_azurite_pid")

log "Starting smtp4dev (mail kept in memory, log .local/logs/smtp4dev.log)"
dotnet tool run smtp4dev -- --urls="$smtp4dev_url" --smtpport=$smtp_port --imapport=$imap_port --pop3port=$pop3_port \
  --db= --nousersettings \
  >"$log_dir/smtp4dev.log" 2>&1 &
smtp4dev_pid=$!
pids+=("$smtp4dev_pid")

for port in "${azurite_ports[@]}"; do wait_for_port "$port" Azurite "$azurite_pid" "$log_dir/azurite.log"; done
for port in "${durable_azurite_ports[@]}"; do wait_for_port "$port" "Azurite (task hub)" "$durable_azurite_pid" "$log_dir/azurite-durable.log"; done
wait_for_port $smtp_port smtp4dev "$smtp4dev_pid" "$log_dir/smtp4dev.log"
wait_for_port 5080 "smtp4dev web" "$smtp4dev_pid" "$log_dir/smtp4dev.log"

if [[ ! -s "$local_dir/api-key" ]]; then
  (umask 077 && openssl rand -hex 24 >"$local_dir/api-key")
  log "Generated a technician API key in .local/api-key"
fi
api_key="$(<"$local_dir/api-key")"
if [[ ! -s "$local_dir/signing-key" ]]; then
  # Signs reply addresses, Message-IDs and status links; kept so that links in old mails keep working.
  (umask 077 && openssl rand -base64 32 >"$local_dir/signing-key")
fi
signing_key="$(<"$local_dir/signing-key")"
if [[ ! -s "$local_dir/inbound-key" ]]; then
  # What relays and webhook providers present on /api/inbound/email/* (never the technicians' key).
  (umask 077 && openssl rand -hex 24 >"$local_dir/inbound-key")
  log "Generated an inbound mail key in .local/inbound-key"
fi
inbound_key="$(<"$local_dir/inbound-key")"

log "Building the standalone host (Release)"
# Built first, errors only, so that restore warnings do not bury the banner.
dotnet build functions/Helpdesk.Standalone -c Release -nologo -v quiet -clp:ErrorsOnly

log "Starting the standalone host on $app_url"
Helpdesk__ApiKey="$api_key" \
Helpdesk__Signing__Key="$signing_key" \
Helpdesk__Inbound__Key="$inbound_key" \
Helpdesk__Inbound__Smtp__Port=$inbound_smtp_port \
Helpdesk__Storage__ConnectionString="UseDevelopmentStorage=true" \
DurableStorage="$durable_connection" \
Helpdesk__Smtp__Host=127.0.0.1 \
Helpdesk__Smtp__Port=$smtp_port \
Helpdesk__Smtp__Security=None \
Helpdesk__PublicBaseUrl="$app_url" \
Helpdesk__Technicians__FirstAdminEmail="admin@localhost.test" \
Helpdesk__Technicians__FirstAdminKeyFile="$local_dir/console-key" \
  dotnet run --project functions/Helpdesk.Standalone -c Release --no-build --urls "$app_url" &
app_pid=$!
pids+=("$app_pid")

wait_for_port 7071 "The standalone host" "$app_pid" /dev/null 120

# Written once, when the roster was empty (the first admin's key is shown only at creation).
if [[ -s "$local_dir/console-key" ]]; then
  console_key="$(<"$local_dir/console-key")"
else
  console_key="(not written: the roster already had people; an admin gives keys on the Team page)"
fi

cat <<BANNER

  Helpdesk running locally
  ------------------------
  Request form    $app_url/api/form
  API base        $app_url/api
  smtp4dev inbox  $smtp4dev_url   (SMTP 127.0.0.1:$smtp_port)
  Azurite         blob 10000, queue 10001, table 10002 (UseDevelopmentStorage=true): tickets
                  blob 10010, queue 10011, table 10012 (DurableStorage): the SLA engine's task hub
  API key         $api_key   (in .local/api-key)
  Inbound mail    SMTP 127.0.0.1:$inbound_smtp_port, or POST $app_url/api/inbound/email/raw?code=$inbound_key
  Inbound key     $inbound_key   (in .local/inbound-key)
  Console         $app_url/api/console
                  sign in as the first admin with the key in .local/console-key:
                  $console_key

  Examples:
    curl -X POST $app_url/api/tickets -H 'Content-Type: application/json' \
      -d '{"name":"Marie Dubois","email":"marie@example.be","subject":"Écran noir","description":"Plus d image","category":"hardware","impact":"individual","canWork":"no"}'
    curl -H "x-functions-key: $api_key" $app_url/api/queues/L1
    curl -H "x-functions-key: $api_key" $app_url/api/tickets/1001
    curl smtp://127.0.0.1:$inbound_smtp_port --mail-from marie@example.be --mail-rcpt support@helpdesk.localhost --upload-file message.eml
    curl -X POST "$app_url/api/inbound/email/raw?code=$inbound_key" -H 'Content-Type: message/rfc822' --data-binary @message.eml

  Logs in .local/logs/. Press Ctrl+C to stop everything.

BANNER

# Return when the app exits by itself (its exit status becomes ours) or on Ctrl+C (the INT trap exits, then cleanup).
wait "$app_pid"
