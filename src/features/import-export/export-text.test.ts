import { describe, expect, it } from 'vitest';
import { readDocument } from '../../core';
import { FINISH_TEST_TIMEOUT_MS, finishes } from '../../core/test-support/finishes';
import { fragmentText, unencodable, wholeFileText } from './export-text';

const config = readDocument(
  '<ossec_config>\r\n  <global/>\r\n  <command>\r\n    <name>a</name>\r\n  </command>\r\n  <active-response>\r\n    <command>a</command>\r\n  </active-response>\r\n</ossec_config>\r\n',
);
const fragment = readDocument('<command>\n  <name>a</name>\n</command>\n');

describe('export text', () => {
  it('gives a whole file back unchanged', () => {
    expect(wholeFileText(config)).toBe(config.text);
  });

  it('takes the blocks out of a whole file at column 1, in the file’s line endings', () => {
    expect(fragmentText(config)).toBe(
      '<command>\r\n  <name>a</name>\r\n</command>\r\n<active-response>\r\n  <command>a</command>\r\n</active-response>\r\n',
    );
  });

  it('gives a fragment back unchanged, and wraps it in a root for a whole file', () => {
    expect(fragmentText(fragment)).toBe(fragment.text);
    const whole = wholeFileText(fragment);
    expect(whole).toBe('<ossec_config>\n  <command>\n    <name>a</name>\n  </command>\n</ossec_config>\n');
    expect(readDocument(whole).blocks).toHaveLength(1);
  });

  // Trimming the final line breaks once took quadratic time on a long run of blank lines.
  it('wraps a fragment with a long run of blank lines in one pass', {
    timeout: FINISH_TEST_TIMEOUT_MS,
  }, async () => {
    await finishes(`
      import { readDocument } from './src/core/model/read.ts';
      import { wholeFileText } from './src/features/import-export/export-text.ts';
      wholeFileText(readDocument('<command/>' + '\\n'.repeat(1_000_000) + '<command/>\\n'));
    `);
  });

  it('counts the characters a Latin-1 file cannot hold', () => {
    expect(unencodable('caf\u00e9 \u2010 \u20ac', 'latin1')).toBe(2);
    expect(unencodable('\u2010', 'utf-8')).toBe(0);
  });
});
