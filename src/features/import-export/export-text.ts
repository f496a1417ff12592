import { type ConfigDocument, withoutFinalLineBreaks } from '../../core';
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
  const body = withoutFinalLineBreaks(doc.text)
    .split(/\r?\n/)
    .map((line) => (line === '' ? line : indentUnit + line))
    .join(eol);
  return `<ossec_config>${eol}${body}${eol}</ossec_config>${eol}`;
}

export function downloadBytes(bytes: Uint8Array, name: string, type = 'application/xml'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob asynchronously after the click; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Characters a Latin-1 file cannot hold: the encoder writes each as `?`, so the admin is told before. */
export function unencodable(text: string, encoding: ConfigDocument['encoding']): number {
  if (encoding !== 'latin1') return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) count++;
  return count;
}
