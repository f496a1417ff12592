#!/bin/bash
# Custom active response for Wazuh 4.2 to 4.14: a scaffold from AR Studio.
#
# Install as /var/ossec/active-response/bin/<name> (root:wazuh, mode 750) on each host that runs it,
# define it in the manager's ossec.conf as <command><executable><name></executable>…</command> and
# run it from an <active-response>. Needs jq. For Wazuh 5.0 use the 5.0 scaffold: the input changed.
#
# The 4.x contract (wazuh-execd, src/os_execd/execd.c):
# - execd writes ONE JSON line on standard input and keeps the pipe open: read exactly that line,
#   never to the end of input ($(cat), mapfile or a while-read loop would hang this script and every
#   later run of the response);
# - "command" is "add" (act) or "delete" (undo, sent after the response's <timeout>);
# - the alert is under parameters.alert (parameters.alert.data.srcip, .dstuser, …), the command's
#   <extra_args> in parameters.extra_args;
# - a response with a timeout is undone only if the script sends check_keys and gets "continue" back.

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
SRCIP=$(field '.parameters.alert.data.srcip')
USER_NAME=$(field '.parameters.alert.data.dstuser')
EXTRA_ARGS=$(jq -r '(.parameters.extra_args // []) | join(" ")' <<<"$INPUT_JSON" 2>/dev/null)

# Tell execd what this run is about (here, the source IP) and wait for its one-line answer:
# "continue" to act, "abort" when the same key is already active. 4.x scripts cannot tell whether the
# response has a timeout, so they always ask, as the stock scripts do.
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
  add)
    check_keys
    log "add srcip=$SRCIP dstuser=$USER_NAME extra_args=$EXTRA_ARGS"
    # Your action here, for example: iptables -I INPUT -s "$SRCIP" -j DROP
    ;;
  delete)
    log "delete srcip=$SRCIP"
    # Undo the action here, for example: iptables -D INPUT -s "$SRCIP" -j DROP
    ;;
  *)
    log "unknown command '$COMMAND'"
    exit 1
    ;;
esac
exit 0
