#!/bin/bash
# Custom active response for Wazuh 5.0 (beta) agents: a scaffold from AR Studio.
#
# Install as /var/ossec/active-response/bin/<name> (root:wazuh, mode 750) on each 5.0 agent that runs
# it, and name <name> as the executable of an active response in the dashboard (Explore → Active
# Responses). Needs jq.
#
# The 5.0 contract (wazuh-execd, src/os_execd/src/execd.c):
# - execd writes ONE JSON line on standard input and keeps the pipe open: read exactly that line,
#   never to the end of input ($(cat), mapfile or a while-read loop would hang this script and every
#   later run of the response);
# - "command" is "enable" (act) or "disable" (undo, sent after the stateful timeout);
# - the finding's fields are flat paths (source.ip, user.name, file.path), the response's settings sit
#   under wazuh.active_response (extra_arguments among them), the agent under wazuh.agent;
# - a stateful response is undone only if the script sends check_keys and gets "continue" back.

NAME=$(basename "$0")
WAZUH_HOME=$(cd "$(dirname "$0")/../.." && pwd)
LOG_FILE="$WAZUH_HOME/logs/active-responses.log"

log() {
  printf '%s %s: %s\n' "$(date '+%Y/%m/%d %H:%M:%S')" "$NAME" "$*" >>"$LOG_FILE"
}

if ! command -v jq >/dev/null 2>&1; then
  log "jq is not installed: cannot read the input"
  exit 1
fi

# Exactly one line, whatever else may follow on the open pipe.
if ! IFS= read -r INPUT_JSON; then
  log "no input"
  exit 1
fi
log "$INPUT_JSON"

field() { jq -r "$1 // empty" <<<"$INPUT_JSON" 2>/dev/null; }

COMMAND=$(field '.command')
TYPE=$(field '.wazuh.active_response.type')
SRCIP=$(field '.source.ip')
USER_NAME=$(field '.user.name')
EXTRA_ARGS=$(field '.wazuh.active_response.extra_arguments')

# Tell execd what this run is about (here, the source IP) and wait for its one-line answer:
# "continue" to act, "abort" when the same key is already active.
check_keys() {
  local keys
  keys=$(jq -cn --arg ip "$SRCIP" 'if $ip == "" then [] else [$ip] end')
  printf '{"version":1,"origin":{"name":"%s","module":"active-response"},"command":"check_keys","parameters":{"keys":%s}}\n' \
    "$NAME" "$keys"
  local answer_json answer
  if ! IFS= read -r answer_json; then
    log "no answer to check_keys"
    exit 1
  fi
  answer=$(jq -r '.command // empty' <<<"$answer_json" 2>/dev/null)
  if [ "$answer" != "continue" ]; then
    log "execd answered '$answer': nothing to do"
    exit 0
  fi
}

case "$COMMAND" in
  enable)
    if [ "$TYPE" = "stateful" ]; then
      check_keys
    fi
    log "enable source.ip=$SRCIP user.name=$USER_NAME extra_arguments=$EXTRA_ARGS"
    # Your action here, for example: iptables -I INPUT -s "$SRCIP" -j DROP
    ;;
  disable)
    log "disable source.ip=$SRCIP"
    # Undo the action here, for example: iptables -D INPUT -s "$SRCIP" -j DROP
    ;;
  *)
    log "unknown command '$COMMAND'"
    exit 1
    ;;
esac
exit 0
