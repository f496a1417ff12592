import { describeCharacter, hasHiddenCharacters, revealHidden } from '../text/invisible-characters';
import { PRINTER_RESERVED } from '../xml/print';
import type { ActiveResponse, Block, BlockChild, BlockKind, Command, TextEncoding } from './types';

export interface FieldInfo<Key extends string> {
  /** The element name as the daemon spells it. */
  element: string;
  /** The model's name for it. */
  key: Key;
  label: string;
  help: string;
}

export const COMMAND_FIELDS: readonly FieldInfo<keyof Command>[] = [
  {
    element: 'name',
    key: 'name',
    label: 'Name',
    help: 'Required. The name responses refer to. Case-sensitive and never trimmed; the first definition of a name wins.',
  },
  {
    element: 'executable',
    key: 'executable',
    label: 'Executable',
    help: "Required. A file in the agent's active-response/bin directory. The manager does not check that it exists.",
  },
  {
    element: 'expect',
    key: 'expect',
    label: 'Expect',
    help: 'Alert fields the script needs: srcip, user, filename (comma-separated, may be empty). Required by OSSEC and Wazuh before 3.5; ignored since Wazuh 4.2.',
  },
  {
    element: 'timeout_allowed',
    key: 'timeoutAllowed',
    label: 'Timeout allowed',
    help: 'yes or no (default no). Only a command with yes can be undone after a response timeout.',
  },
  {
    element: 'extra_args',
    key: 'extraArgs',
    label: 'Extra arguments',
    help: 'Arguments passed to the script (Wazuh 3.5 and later; OSSEC refuses the element).',
  },
];

export const ACTIVE_RESPONSE_FIELDS: readonly FieldInfo<keyof ActiveResponse>[] = [
  {
    element: 'disabled',
    key: 'disabled',
    label: 'Disabled',
    help: 'yes or no (default no). yes drops the whole block; its position in the file matters.',
  },
  {
    element: 'command',
    key: 'command',
    label: 'Command',
    help: 'Required. The name of a <command> defined above this block.',
  },
  {
    element: 'location',
    key: 'location',
    label: 'Location',
    help: 'Required. local (the agent that raised the alert), server (the manager), defined-agent (agent_id) or all (every active agent).',
  },
  {
    element: 'agent_id',
    key: 'agentId',
    label: 'Agent ID',
    help: 'The agent to run on with location defined-agent. One ID only, for example 001.',
  },
  {
    element: 'level',
    key: 'level',
    label: 'Level',
    help: 'Fire on rules of this level or higher (digits only, 0–20; rule levels stop at 16).',
  },
  {
    element: 'rules_id',
    key: 'rulesId',
    label: 'Rule IDs',
    help: 'Fire on these rule IDs, separated by commas.',
  },
  {
    element: 'rules_group',
    key: 'rulesGroup',
    label: 'Rule groups',
    help: 'Fire on rules in these groups. Alternatives are separated by | — a comma is a literal comma, not "or".',
  },
  {
    element: 'timeout',
    key: 'timeout',
    label: 'Timeout',
    help: 'Seconds before the response is undone (needs timeout_allowed yes on the command). 0 or absent: stateless.',
  },
  {
    element: 'repeated_offenders',
    key: 'repeatedOffenders',
    label: 'Repeated offenders',
    help: "Minutes for the 2nd, 3rd, … offence (up to 5, comma-separated). Read by the execd of the host that runs the script, from that host's own ossec.conf.",
  },
  {
    element: 'ca_store',
    key: 'caStore',
    label: 'CA store',
    help: 'Agents only: a PEM file used to verify upgrade packages (legacy location since Wazuh 4.1).',
  },
  {
    element: 'ca_verification',
    key: 'caVerification',
    label: 'CA verification',
    help: 'Agents only: yes or no. A manager refuses this element here.',
  },
];

export function fieldsOf(kind: BlockKind): readonly FieldInfo<string>[] {
  return kind === 'command' ? COMMAND_FIELDS : ACTIVE_RESPONSE_FIELDS;
}

/** Anything with fields: a block, or a definition nested where no daemon reads it. */
export type Fielded = Pick<Block, 'children'>;

export function fieldsNamed(block: Fielded, element: string): BlockChild[] {
  // A plain loop: every rule asks this of every block, and a filter's callback costs more than the test.
  const found: BlockChild[] = [];
  for (const child of block.children) if (child.name === element) found.push(child);
  return found;
}

/** The value the daemon uses: a repeated element overwrites the earlier ones, so the last one wins. */
export function fieldValue(block: Fielded, element: string): string | undefined {
  for (let i = block.children.length - 1; i >= 0; i--) {
    if (block.children[i].name === element) return block.children[i].value;
  }
  return undefined;
}

/** Which of the block's elements named like `child` it is: 0 for the first. */
export function occurrenceOf(block: Fielded, child: BlockChild): number {
  return fieldsNamed(block, child.name).findIndex((c) => c.start === child.start);
}

export function lastField(block: Fielded, element: string): BlockChild | undefined {
  for (let i = block.children.length - 1; i >= 0; i--) {
    if (block.children[i].name === element) return block.children[i];
  }
  return undefined;
}

function collect<Key extends string>(
  block: Block,
  fields: readonly FieldInfo<Key>[],
): Partial<Record<Key, string>> {
  const result: Partial<Record<Key, string>> = {};
  for (const field of fields) {
    const value = fieldValue(block, field.element);
    if (value !== undefined) result[field.key] = value;
  }
  return result;
}

export function commandOf(block: Block): Command {
  return collect(block, COMMAND_FIELDS);
}

export function activeResponseOf(block: Block): ActiveResponse {
  return collect(block, ACTIVE_RESPONSE_FIELDS);
}

/** The block's display name: the command's name, or the command a response runs. */
/** A command's name, or the command a response runs; none when that element holds definitions instead. */
export function blockTitle(block: Block): string | undefined {
  const child = lastField(block, block.kind === 'command' ? 'name' : 'command');
  return child?.hasNestedElements ? undefined : child?.value;
}

/**
 * Why a value cannot be written as the daemon would read it, or null when it can. The daemon never decodes
 * entities, so there is no escaping: a `<` would start an element, and a trailing backslash would turn the
 * closing tag's `<` into text. The document's encoding must hold every character too: a Latin-1 file has
 * nothing above U+00FF, and no file holds half of a UTF-16 surrogate pair.
 */
export function valueProblem(value: string, encoding: TextEncoding = 'utf-8'): string | null {
  if (value.includes('<')) {
    return 'The daemon cannot read a "<" in a value: it has no escaping (it never decodes &lt;).';
  }
  if (PRINTER_RESERVED.test(value)) return 'A value cannot hold the private-use characters U+E000 or U+E001.';
  if (value.endsWith('\\')) {
    // Wazuh reads an even run of backslashes as text again; OSSEC never does, so refuse any run.
    return 'A value cannot end with a backslash: the daemon would read the closing tag as text.';
  }
  if (value.includes('\0')) return 'A value cannot hold U+0000 NULL: the daemon reads a value only up to it.';
  return encodingProblem(value, encoding);
}

/** Why `text` cannot be saved in `encoding`, or null when it can. */
export function encodingProblem(text: string, encoding: TextEncoding): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const pair =
        code <= 0xdbff &&
        i + 1 < text.length &&
        text.charCodeAt(i + 1) >= 0xdc00 &&
        text.charCodeAt(i + 1) <= 0xdfff;
      if (!pair) {
        return `The text holds ${describeCharacter(code)}, half of a UTF-16 surrogate pair, which no file can hold.`;
      }
      if (encoding === 'latin1') return latin1Refusal(text.codePointAt(i) as number);
      i++;
    } else if (encoding === 'latin1' && code > 0xff) {
      return latin1Refusal(code);
    }
  }
  return null;
}

function latin1Refusal(codePoint: number): string {
  const shown = hasHiddenCharacters(String.fromCodePoint(codePoint))
    ? ''
    : ` '${String.fromCodePoint(codePoint)}'`;
  return `This file is Latin-1, which has no${shown} ${describeCharacter(codePoint)}: it would be saved as '?'.`;
}

/**
 * Why AR Studio will not write an element of this name, or null. Names are the daemon's element names,
 * written in ASCII: a blank, `<`, `>`, `/`, `=`, a quote or a leading `!` or `?` would turn the tag into
 * something else.
 */
export function elementNameProblem(name: string): string | null {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)
    ? null
    : `'${revealHidden(name)}' is not an element name AR Studio writes: use ASCII letters, digits, '_', '-' and '.', starting with a letter or '_'.`;
}
