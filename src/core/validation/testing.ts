/** Small builders for the rule tests: documents written the way admins write them. */

import { readDocument } from '../model/read';
import type { ConfigDocument, Diagnostic } from '../model/types';
import type { RoleOption } from '../targets/role';
import { validate } from './validate';

export function conf(...blocks: string[]): string {
  return `<ossec_config>\n${blocks.map((b) => `  ${b}`).join('\n')}\n</ossec_config>\n`;
}

/** `<command>` from element/value pairs, in the order given. */
export function command(fields: Record<string, string>): string {
  return block('command', fields);
}

export function response(fields: Record<string, string>): string {
  return block('active-response', fields);
}

function block(kind: string, fields: Record<string, string>): string {
  const inner = Object.entries(fields)
    .map(([name, value]) => `<${name.replace(/#\d+$/, '')}>${value}</${name.replace(/#\d+$/, '')}>`)
    .join('');
  return `<${kind}>${inner}</${kind}>`;
}

export const HOST_DENY = command({
  name: 'host-deny',
  executable: 'host-deny',
  timeout_allowed: 'yes',
});

/** The OSSEC stock definition, with the `<expect>` OSSEC and Wazuh before 3.5 require. */
export const OSSEC_HOST_DENY = command({
  name: 'host-deny',
  executable: 'host-deny.sh',
  expect: 'srcip',
  timeout_allowed: 'yes',
});

export function check(text: string, target = 'wazuh@4.14', role: RoleOption = 'manager'): Diagnostic[] {
  return validate(readDocument(text), { target, role });
}

/** What the target makes of a text the admin gives as a snippet to paste into an ossec.conf. */
export function checkSnippet(
  text: string,
  target = 'wazuh@4.14',
  role: RoleOption = 'manager',
): Diagnostic[] {
  return validate(readDocument(text, 'utf-8', true), { target, role });
}

/** The findings of one rule. */
export function findings(
  code: string,
  text: string,
  target = 'wazuh@4.14',
  role: RoleOption = 'manager',
): Diagnostic[] {
  return check(text, target, role).filter((d) => d.code === code);
}

export function severities(code: string, text: string, target = 'wazuh@4.14', role: RoleOption = 'manager') {
  return findings(code, text, target, role).map((d) => d.severity);
}

export function doc(text: string): ConfigDocument {
  return readDocument(text);
}
