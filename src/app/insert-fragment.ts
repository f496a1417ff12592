import type { ConfigDocument } from '../core';
import { indentBefore } from '../core/model/read';

export interface FragmentInsertion {
  text: string;
  /** Where the inserted blocks start in the new text, to select the first of them. */
  offset: number;
}

/**
 * Puts a fragment's text (a template, another file's blocks) into the document as it is written, so a
 * documented example arrives with its defects intact. It goes after the last block the daemon reads, or
 * into the first `<ossec_config>` root, re-indented to the file's block indentation and line endings; an
 * empty document simply becomes the fragment.
 */
export function insertFragment(doc: ConfigDocument, fragment: string): FragmentInsertion {
  const { text, layout } = doc;
  const { eol } = layout;
  if (text.trim() === '') return { text: fragment, offset: 0 };

  const lines = (indent: string) =>
    fragment
      .replace(/(\r?\n)+$/, '')
      .split(/\r?\n/)
      .map((line) => (line === '' ? line : indent + line))
      .join(eol);

  const last = doc.blocks.filter((b) => b.inConfigRoot).at(-1);
  if (last) {
    const indent = indentBefore(text, last.start) ?? layout.blockIndent;
    // After the rest of the block's line when only blanks follow it, so they stay on the line they were on.
    let at = last.end;
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (at < text.length && text[at] !== '\r' && text[at] !== '\n') at = last.end;
    const insert = eol + lines(indent);
    return { text: text.slice(0, at) + insert + text.slice(at), offset: at + eol.length };
  }

  const root = doc.topLevel.find((top) => top.name === 'ossec_config' && !top.selfClosing);
  if (root) {
    const closingIndent = indentBefore(text, root.closeStart);
    if (closingIndent !== null) {
      const lineStart = root.closeStart - closingIndent.length;
      const insert = lines(layout.blockIndent) + eol;
      return { text: text.slice(0, lineStart) + insert + text.slice(lineStart), offset: lineStart };
    }
    const insert = eol + lines(layout.blockIndent) + eol;
    return {
      text: text.slice(0, root.closeStart) + insert + text.slice(root.closeStart),
      offset: root.closeStart + eol.length,
    };
  }

  const separator = text.endsWith('\n') ? '' : eol;
  return { text: text + separator + lines('') + eol, offset: text.length + separator.length };
}
