import type { ConfigDocument } from '../../core';
import { indentBefore } from '../../core/model/read';

/**
 * The blocks alone, each as the file writes it, with the indentation of its root taken off so the
 * fragment starts at column 1. A fragment document already is one, so it goes out byte for byte.
 */
export function fragmentText(doc: ConfigDocument): string {
  if (doc.shape === 'fragment') return doc.text;
  const { eol } = doc.layout;
  const blocks = doc.blocks.filter((b) => b.inConfigRoot);
  if (blocks.length === 0) return '';
  return blocks
    .map((block) => {
      const indent = indentBefore(doc.text, block.start) ?? '';
      const lines = doc.text.slice(block.start, block.end).split(/\r?\n/);
      return lines
        .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
        .join(eol);
    })
    .map((text) => text + eol)
    .join('');
}

/**
 * The document as a whole ossec.conf. A whole file goes out byte for byte; a fragment is put inside one
 * `<ossec_config>` root, each line indented one level, so its blocks' own text is kept as written.
 */
export function wholeFileText(doc: ConfigDocument): string {
  if (doc.shape !== 'fragment') return doc.text;
  const { eol, indentUnit } = doc.layout;
  const body = doc.text
    .replace(/(\r?\n)+$/, '')
    .split(/\r?\n/)
    .map((line) => (line === '' ? line : indentUnit + line))
    .join(eol);
  return `<ossec_config>${eol}${body}${eol}</ossec_config>${eol}`;
}

/** Characters a Latin-1 file cannot hold: the encoder writes each as `?`, so the admin is told before. */
export function unencodable(text: string, encoding: ConfigDocument['encoding']): number {
  if (encoding !== 'latin1') return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) count++;
  return count;
}
