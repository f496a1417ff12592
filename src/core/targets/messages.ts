/**
 * The daemons' own message texts, formatted as each product prints them. Wazuh strings carry no daemon
 * prefix (the logger adds `wazuh-analysisd: ERROR:`); OSSEC strings start with `%s(code): ERROR: `
 * (reference §0), so the same message reads differently per target.
 */

import type { TargetProfile } from './target';

export type Daemon = 'analysisd' | 'execd' | 'agentd' | 'agent-upgrade';
export type LogLevel = 'ERROR' | 'WARN' | 'INFO';

/** A message with an OSSEC/Wazuh code number, e.g. `(1303): Invalid command 'x' in the active response.` */
export function daemonMessage(
  target: TargetProfile,
  daemon: Daemon,
  code: number,
  text: string,
  level: LogLevel = 'ERROR',
): string {
  if (target.product === 'wazuh') return `(${code}): ${text}`;
  return `ossec-${daemon}(${code}): ${level}: ${text}`;
}

/** Exactly what `XML_VALUEERR` prints for `<element>value</element>`. */
export function valueError(target: TargetProfile, daemon: Daemon, element: string, value: string): string {
  return daemonMessage(target, daemon, 1235, `Invalid value for element '${element}': ${value}.`);
}

/** Exactly what `XML_INVELEM` prints for an element the parser does not know. */
export function invalidElement(target: TargetProfile, daemon: Daemon, element: string): string {
  return daemonMessage(target, daemon, 1230, `Invalid element in the configuration: '${element}'.`);
}

/** `XML_ERROR`: the reader's `XMLERR: …` text wrapped as the daemon logs it. */
export function xmlReadError(target: TargetProfile, daemon: Daemon, xmlError: string, line: number): string {
  return daemonMessage(
    target,
    daemon,
    1226,
    `Error reading XML file '${target.configPath}': ${xmlError} (line ${line}).`,
  );
}
