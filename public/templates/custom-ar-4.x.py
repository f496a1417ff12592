#!/usr/bin/env python3
"""Custom active response for Wazuh 4.2 to 4.14: a scaffold from AR Studio.

Install as /var/ossec/active-response/bin/<name> (root:wazuh, mode 750) on each host that runs it, define
it in the manager's ossec.conf as <command><executable><name></executable>...</command> and run it from an
<active-response>. Python 3.6 or later, standard library only. For Wazuh 5.0 use the 5.0 scaffold.

The 4.x contract (wazuh-execd, src/os_execd/execd.c):
- execd writes ONE JSON line on standard input and keeps the pipe open: read exactly that line, never
  to the end of input (sys.stdin.read() or `for line in sys.stdin` would hang this script and every
  later run of the response);
- "command" is "add" (act) or "delete" (undo, sent after the response's <timeout>);
- the alert is under parameters.alert (parameters.alert.data.srcip, .dstuser, ...), the command's
  <extra_args> in parameters.extra_args;
- a response with a timeout is undone only if the script sends check_keys and gets "continue" back.
"""
import json
import os
import sys
import time

NAME = os.path.basename(sys.argv[0])
WAZUH_HOME = os.path.abspath(os.path.join(os.path.dirname(sys.argv[0]), "..", ".."))
LOG_FILE = os.path.join(WAZUH_HOME, "logs", "active-responses.log")


def log(message):
    with open(LOG_FILE, "a", encoding="utf-8") as out:
        out.write("{} {}: {}\n".format(time.strftime("%Y/%m/%d %H:%M:%S"), NAME, message))


def read_line():
    """One line from execd; the pipe stays open, so never read further."""
    line = sys.stdin.readline()
    if not line:
        return None
    try:
        return json.loads(line)
    except ValueError:
        log("not JSON: " + line.strip())
        return None


def get(data, path):
    """The value at a dotted path such as parameters.alert.data.srcip, or None."""
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def check_keys(keys):
    """Tell execd what this run is about and wait for its answer: True to act, False when it says abort."""
    message = {
        "version": 1,
        "origin": {"name": NAME, "module": "active-response"},
        "command": "check_keys",
        "parameters": {"keys": keys},
    }
    print(json.dumps(message), flush=True)
    answer = read_line()
    if answer is None:
        log("no answer to check_keys")
        sys.exit(1)
    if answer.get("command") != "continue":
        log("execd answered '{}': nothing to do".format(answer.get("command")))
        return False
    return True


def main():
    data = read_line()
    if data is None:
        log("no input")
        return 1
    log(json.dumps(data))
    command = data.get("command")
    srcip = get(data, "parameters.alert.data.srcip")
    if command == "add":
        # 4.x scripts cannot tell whether the response has a timeout, so they always ask, as the stock ones do.
        if not check_keys([srcip] if srcip else []):
            return 0
        extra = " ".join(get(data, "parameters.extra_args") or [])
        log("add srcip={} dstuser={} extra_args={}".format(srcip, get(data, "parameters.alert.data.dstuser"), extra))
        # Your action here, for example:
        # subprocess.run(["iptables", "-I", "INPUT", "-s", srcip, "-j", "DROP"], check=True)
        return 0
    if command == "delete":
        log("delete srcip={}".format(srcip))
        # Undo the action here.
        return 0
    log("unknown command '{}'".format(command))
    return 1


if __name__ == "__main__":
    sys.exit(main())
