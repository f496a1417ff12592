import { type OsXmlResult, readOsXml, UNLIMITED_NESTING, WAZUH_DIALECT } from '../xml/os-xml';
import { daemonLineAt, positionAt } from '../xml/positions';
import { fieldsOfElements, SourceBlock } from './block';
import type { TextReader } from './piece-text';
import type {
  Block,
  BlockKind,
  ConfigDocument,
  Diagnostic,
  DocumentShape,
  Layout,
  NestedDefinition,
  TextEncoding,
  XmlElement,
} from './types';

/**
 * The roots whose sections the daemons read: `<ossec_config>` (OSSEC, Wazuh 4.x and 5.0 agents) and
 * `<wazuh_config>` (the Wazuh 5.0 manager's file, reference wazuh5 §1). Which one a daemon wants is the
 * target's business; the document keeps the blocks of both.
 */
export const CONFIG_ROOTS = ['ossec_config', 'wazuh_config'] as const;
export type ConfigRoot = (typeof CONFIG_ROOTS)[number];
const AGENT_CONFIG_ROOT = 'agent_config';

export function isConfigRoot(name: string): name is ConfigRoot {
  return (CONFIG_ROOTS as readonly string[]).includes(name);
}

export function isBlockName(name: string): name is BlockKind {
  return name === 'command' || name === 'active-response';
}

let lastRevision = 0;

/** A revision no document has had yet: every read and every edit takes one. */
export function nextRevision(): number {
  lastRevision++;
  return lastRevision;
}

/**
 * What the daemon's reader finds in `text`. `snippet` says the admin gave it as a snippet to paste into an
 * ossec.conf rather than as a whole file; the reading is the same, the judgement differs (DESIGN §2).
 */
export function readDocument(
  text: string,
  encoding: TextEncoding = 'utf-8',
  snippet = false,
): ConfigDocument {
  const scan = readOsXml(text);
  const topLevel = scan.roots;
  const shape = shapeOf(topLevel);
  const blocks: Block[] = [];
  topLevel.forEach((top, topLevelIndex) => {
    if (isBlockName(top.name)) {
      blocks.push(SourceBlock.fromElement(top, blocks.length, topLevelIndex, shape === 'fragment'));
      top.children = [];
      return;
    }
    for (const section of top.children) {
      if (isBlockName(section.name)) {
        blocks.push(SourceBlock.fromElement(section, blocks.length, topLevelIndex, isConfigRoot(top.name)));
        // The document keeps roots and sections; a block's fields live in the block.
        section.children = [];
      }
    }
  });
  return {
    revision: nextRevision(),
    text,
    encoding,
    snippet,
    shape,
    layout: detectLayout(text, blocks, topLevel, countLineBreaks(text)),
    topLevel,
    blocks,
    xmlError: scan.error,
    problems: readingProblems(text, scan),
    nested: nestedDefinitions(scan, blocks),
  };
}

function shapeOf(topLevel: XmlElement[]): DocumentShape {
  if (topLevel.length === 0) return 'empty';
  if (topLevel.some((e) => isConfigRoot(e.name))) return 'config';
  if (topLevel.every((e) => e.name === AGENT_CONFIG_ROOT)) return 'agent-config';
  if (topLevel.some((e) => e.name === AGENT_CONFIG_ROOT || e.name.startsWith('?'))) return 'config';
  return 'fragment';
}

/** The admin's snippet, read as the blocks it holds rather than as a file without a root. */
export function readsAsSnippet(doc: ConfigDocument): boolean {
  return doc.snippet && doc.shape === 'fragment';
}

/**
 * The `<command>` elements holding elements that stand where no block does: inside a block, or inside a
 * section or deeper. A `<command>` that is a root's child (or a fragment's top-level element) is a block.
 */
function nestedDefinitions(scan: OsXmlResult, blocks: Block[]): NestedDefinition[] {
  const nested: NestedDefinition[] = [];
  for (const { element, ancestors, parent } of scan.nestedCommands) {
    if (!parent || (ancestors.length === 1 && !isBlockName(ancestors[0]))) continue;
    const definition: NestedDefinition = {
      start: element.start,
      end: element.end,
      children: fieldsOfElements(element.children),
      container: parent,
      ancestors,
    };
    const container = blocks.find((b) => b.start === parent.start);
    if (container) definition.blockIndex = container.index;
    nested.push(definition);
  }
  return nested;
}

/** The whitespace before `offset` on its line, when nothing else precedes it there. */
export function indentBefore(text: TextReader, offset: number): string | null {
  let i = offset;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i > 0 && text.charCodeAt(i - 1) !== 10) return null;
  return text.slice(i, offset);
}

/** The line breaks of `text` (or of `text.slice(from, to)`): all of them, and those that are CRLF. */
export function countLineBreaks(text: string, from = 0, to = text.length): Layout['lineBreaks'] {
  let lf = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    lf++;
    if (i > from && text.charCodeAt(i - 1) === 13) crlf++;
  }
  return { lf, crlf };
}

/** The layout of a text whose line breaks are already counted (an edit counts only what it changed). */
export function detectLayout(
  text: TextReader,
  blocks: Block[],
  topLevel: XmlElement[],
  lineBreaks: Layout['lineBreaks'],
): Layout {
  const { lf, crlf } = lineBreaks;
  const eol = crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';

  let blockIndent: string | null = null;
  let childIndent: string | null = null;
  // By position, not by iterator: an edited document's blocks are built as they are read (shifted-list.ts).
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    blockIndent ??= indentBefore(text, block.start);
    if (block.children.length > 0) childIndent ??= indentBefore(text, block.children[0].start);
    if (blockIndent !== null && childIndent !== null) break;
  }
  if (blockIndent === null) {
    const firstSection = topLevel.find((e) => isConfigRoot(e.name) && e.children.length > 0)?.children[0];
    blockIndent = firstSection ? (indentBefore(text, firstSection.start) ?? '  ') : '  ';
  }
  let indentUnit = '  ';
  if (childIndent?.startsWith(blockIndent) && childIndent.length > blockIndent.length) {
    indentUnit = childIndent.slice(blockIndent.length);
  } else if (blockIndent.length > 0) {
    indentUnit = blockIndent;
  }
  if (childIndent === null || !childIndent.startsWith(blockIndent) || childIndent === blockIndent) {
    childIndent = blockIndent + indentUnit;
  }
  const fragmentOnly = topLevel.length > 0 && topLevel.every((e) => isBlockName(e.name));
  if (fragmentOnly && blocks.length === 0) blockIndent = '';
  return { eol, indentUnit, blockIndent, childIndent, finalNewline: text.endsWith('\n'), lineBreaks };
}

const XML_READ_ERROR_CODE = 'X1';

function readingProblems(text: string, scan: OsXmlResult): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (offset: number) => positionAt(text, offset);
  if (scan.error) {
    const { line, column } = at(scan.error.offset);
    problems.push({
      code: XML_READ_ERROR_CODE,
      severity: 'error',
      message: explainXmlError(text, scan.error.message, scan.error.offset),
      daemonMessage: `(1226): Error reading XML file 'etc/ossec.conf': ${scan.error.message} (line ${daemonLineAt(text, scan.error.offset)}).`,
      line,
      column,
      offset: scan.error.offset,
      endOffset: scan.error.endOffset,
    });
  }
  for (const comment of scan.comments) {
    const head = text.slice(comment.start, comment.start + 9);
    const kind = head.startsWith('<![CDATA[') ? 'CDATA' : head.startsWith('<!--') ? null : 'declaration';
    if (!kind) continue;
    const { line, column } = at(comment.start);
    problems.push({
      code: 'X2',
      severity: 'warning',
      message:
        kind === 'CDATA'
          ? 'The daemon does not know CDATA: it reads `<![CDATA[` as the start of a comment and skips everything up to the next `-->` or `!>`.'
          : `The daemon does not know \`${head.split(/\s/)[0]}\`: it skips it like a comment, up to the next \`-->\` or \`!>\`.`,
      line,
      column,
      offset: comment.start,
      endOffset: comment.end,
    });
  }
  return problems;
}

/** How the reader of a target is named in an explanation, and the longest value it holds. */
export interface ReaderWords {
  label: string;
  maxText: number;
}

/** One sentence for the admin about an `XMLERR: …` text: what is wrong, and that the daemon refuses the file. */
export function explainXmlError(
  text: string,
  message: string,
  offset: number,
  reader: ReaderWords = { label: 'The daemon', maxText: WAZUH_DIALECT.maxText },
): string {
  if (
    text.startsWith('<?xml', offset) ||
    (message.includes('Bad attribute closing') && text.slice(0, offset).includes('<?xml'))
  ) {
    return `The XML declaration \`<?xml … ?>\` is not understood by the daemon's XML reader, which refuses the file (${message}). Remove it.`;
  }
  const notClosed = /^XMLERR: Element '(.*)' not closed\.$/.exec(message);
  if (notClosed) {
    const closing = /^<\/([^>]*)>/.exec(text.slice(offset))?.[1];
    return closing !== undefined
      ? `<${notClosed[1]}> is closed by </${closing}>: the daemon refuses the file.`
      : `<${notClosed[1]}> is never closed: the daemon refuses the file.`;
  }
  const overflowingAttribute = /^XMLERR: Overflow attempt at attribute '(.*)'\.$/.exec(message);
  if (overflowingAttribute) {
    return `The attribute '${overflowingAttribute[1]}' (its name or its value) is longer than ${reader.label} reads (${reader.maxText} bytes): the daemon refuses the file. The daemons ignore attributes here; remove it.`;
  }
  if (message === UNLIMITED_NESTING) {
    return `Elements are nested more than 1024 deep: ${reader.label}'s XML reader has no depth limit and runs out of stack, so the daemon crashes.`;
  }
  const plain: Record<string, string> = {
    'XMLERR: Comment not closed.':
      'A comment (or `<!…` such as CDATA or DOCTYPE) is never closed with `-->`: the daemon refuses the file.',
    'XMLERR: End of file and some elements were not closed.':
      'This element is still open at the end of the file: the daemon refuses the file.',
    'XMLERR: Element not opened.': 'A closing tag with no element open: the daemon refuses the file.',
    'XMLERR: String overflow.': `A value is longer than ${reader.label} reads in one element (${reader.maxText} bytes): the daemon refuses the file.`,
    'XMLERR: Too many attributes.': `This element has more attributes than ${reader.label}'s XML reader follows (${WAZUH_DIALECT.maxAttributeDepth} followed by a space): the daemon refuses the file. The daemons ignore attributes here; remove them.`,
    'XMLERR: Max recursion level reached':
      'Elements are nested more than 1024 deep: the daemon refuses the file.',
    'XMLERR: Max recursion level reached.':
      'Elements are nested more than 1024 deep: the daemon refuses the file.',
  };
  return plain[message] ?? `The daemon's XML reader refuses the file: ${message}`;
}
