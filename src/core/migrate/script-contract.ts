/**
 * How a custom script must change for a 5.0 agent (reference wazuh5 §4; `execd.c@5.0`, which sends one JSON
 * line with `command` `enable`/`disable` and keeps standard input open for the `check_keys` round trip;
 * the migration guide's "JSON stdin contract").
 */

import type { TargetProfile } from '../targets/target';

export interface ScriptFacts {
  executable: string;
  /** The response is stateful: execd undoes it only after a `check_keys` round trip. */
  stateful: boolean;
  extraArgs?: string;
  /** The `<expect>` fields the script was given on OSSEC and Wazuh before 4.2. */
  expect?: string;
}

const FIELDS_4X: Record<TargetProfile['scriptInput'], string> = {
  json: 'parameters.alert.data.srcip → source.ip, parameters.alert.data.dstuser → user.name, parameters.alert.syscheck.path → file.path',
  'argv-extra-args':
    'the source IP ($3) → source.ip, the user ($2) → user.name, the file name ($7) → file.path',
  argv: 'the source IP ($3) → source.ip, the user ($2) → user.name, the file name ($7) → file.path',
};

/** The steps that turn the script into one a 5.0 agent runs correctly, in the order a rewrite takes them. */
export function scriptChecklist(facts: ScriptFacts, from: TargetProfile): string[] {
  const wasJson = from.scriptInput === 'json';
  const steps = [
    wasJson
      ? 'Keep reading exactly one JSON line from standard input (read -r INPUT_JSON in bash, sys.stdin.readline() in Python) and never read to end of input: execd keeps the pipe open, so $(cat), mapfile or for line in sys.stdin hang the script and stall every later run of this response.'
      : `Stop reading arguments: 5.0 sends the finding as one JSON line on standard input. Read exactly that line (read -r INPUT_JSON in bash, sys.stdin.readline() in Python) and never read to end of input: execd keeps the pipe open.`,
    wasJson
      ? 'Act on command "enable" and undo on "disable" (4.x sent "add" and "delete").'
      : 'Take the action from the JSON field command: "enable" to act, "disable" to undo (it was $1, add or delete).',
    `Read the finding's fields from flat paths: ${FIELDS_4X[from.scriptInput]}; the response's own settings are under wazuh.active_response (name, executable, type, stateful_timeout, location, agent_id), the agent under wazuh.agent.`,
  ];
  if (facts.expect !== undefined && facts.expect.trim() !== '') {
    steps.push(
      `<expect>${facts.expect}</expect> no longer selects what the script gets: the whole finding arrives; read the same values from it.`,
    );
  }
  if (facts.extraArgs !== undefined && facts.extraArgs.trim() !== '') {
    steps.push(
      `Read the extra arguments (${facts.extraArgs}) from wazuh.active_response.extra_arguments, one string in the JSON, not from the command line${wasJson ? ' or parameters.extra_args' : ''}.`,
    );
  }
  steps.push(
    facts.stateful
      ? 'Before acting on "enable", print {"version":1,"origin":{"name":"<script>","module":"active-response"},"command":"check_keys","parameters":{"keys":["<source.ip>"]}} on one line and read one line back: act only on "continue", exit on "abort". Without this round trip execd never sends "disable" and the response is never undone.'
      : 'A stateless response needs no check_keys round trip; if the script sends one, read the one-line answer before going on.',
    "Write what it does to logs/active-responses.log under the agent's install directory (/var/ossec/logs/active-responses.log on Linux).",
    `Install it on every 5.0 agent that runs it as active-response/bin/${facts.executable} (root:wazuh, mode 750); agents older than 5.0 are skipped by the 5.x dispatcher.`,
    'Start from the 5.0 (beta) scaffold in Templates (bash or Python), which does all of the above.',
  );
  return steps;
}
