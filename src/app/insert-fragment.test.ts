import { describe, expect, it } from 'vitest';
import { readDocument } from '../core';
import { insertFragment } from './insert-fragment';

const pair =
  '<command>\n  <name>firewall-drop</command>\n</command>\n<active-response>\n  <command>x</command>\n</active-response>\n';

describe('insertFragment', () => {
  it('makes an empty document the fragment itself, defects included', () => {
    expect(insertFragment(readDocument(''), pair)).toEqual({ text: pair, offset: 0 });
  });

  it('goes after the last block, in the file’s indentation and line endings', () => {
    const doc = readDocument(
      '<ossec_config>\r\n  <command>\r\n    <name>a</name>\r\n  </command>\r\n  <global/>\r\n</ossec_config>\r\n',
    );
    const { text, offset } = insertFragment(doc, '<command>\n  <name>b</name>\n</command>\n');
    expect(text).toBe(
      '<ossec_config>\r\n  <command>\r\n    <name>a</name>\r\n  </command>\r\n  <command>\r\n    <name>b</name>\r\n  </command>\r\n  <global/>\r\n</ossec_config>\r\n',
    );
    expect(text.slice(offset).startsWith('  <command>\r\n    <name>b')).toBe(true);
    expect(readDocument(text).blocks).toHaveLength(2);
  });

  it('leaves blanks after the last block on its own line', () => {
    const doc = readDocument(
      '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>  \n</ossec_config>\n',
    );
    const { text } = insertFragment(doc, '<command>\n  <name>b</name>\n</command>\n');
    expect(text).toBe(
      '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>  \n  <command>\n    <name>b</name>\n  </command>\n</ossec_config>\n',
    );
  });

  it('goes into the first root when there are no blocks yet', () => {
    const doc = readDocument(
      '<ossec_config>\n  <global/>\n</ossec_config>\n<ossec_config>\n</ossec_config>\n',
    );
    const { text } = insertFragment(doc, '<command>\n  <name>b</name>\n</command>\n');
    expect(text).toBe(
      '<ossec_config>\n  <global/>\n  <command>\n    <name>b</name>\n  </command>\n</ossec_config>\n<ossec_config>\n</ossec_config>\n',
    );
  });

  it('appends to a fragment', () => {
    const doc = readDocument('<command>\n  <name>a</name>\n</command>');
    const { text } = insertFragment(doc, '<command>\n  <name>b</name>\n</command>\n');
    expect(text).toBe('<command>\n  <name>a</name>\n</command>\n<command>\n  <name>b</name>\n</command>');
    expect(readDocument(text).blocks).toHaveLength(2);
  });
});
