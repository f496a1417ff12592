import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { HEAVY_TEST_TIMEOUT } from '../test-support/timeouts';
import { cleanedFile, cleanedPatch } from './clean';

/** Applies the cleaned file's patch to the original with GNU patch and returns the result. */
function patched(original: string, fileName = 'ossec.conf'): { patchedText: string; cleanedText: string } {
  const cleaned = cleanedFile(readDocument(original), 'manager');
  const dir = mkdtempSync(join(tmpdir(), 'ar-studio-clean-'));
  writeFileSync(join(dir, fileName), original, 'latin1');
  writeFileSync(join(dir, 'fix.diff'), cleanedPatch(cleaned, fileName), 'latin1');
  execFileSync('patch', ['-p0', '--batch', '--silent', '-i', 'fix.diff'], { cwd: dir });
  return { patchedText: readFileSync(join(dir, fileName), 'latin1'), cleanedText: cleaned.text };
}

describe('cleanedFile and its patch', () => {
  it('shows a line that keeps some of its text as removed and added', () => {
    const text =
      '<ossec_config><command><name>a</name><executable>a</executable></command>\n</ossec_config>\n';
    const cleaned = cleanedFile(readDocument(text), 'manager');
    expect(cleaned.text).toBe('<ossec_config>\n</ossec_config>\n');
    expect(cleanedPatch(cleaned, 'ossec.conf')).toBe(
      [
        '--- ossec.conf',
        '+++ ossec.conf',
        '@@ -1,2 +1,2 @@',
        '-<ossec_config><command><name>a</name><executable>a</executable></command>',
        '+<ossec_config>',
        ' </ossec_config>',
        '',
      ].join('\n'),
    );
  });

  it(
    'is a patch GNU patch applies to the original: a stock file, CRLF, no final newline',
    () => {
      const stock = readFileSync(
        join(process.cwd(), '../shared/corpus/ossec-3.7.0-server-ossec-server.conf'),
        'utf8',
      );
      const crlf = stock.replaceAll('\n', '\r\n');
      const noFinalNewline = '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>\n</ossec_config>';
      for (const original of [stock, crlf, noFinalNewline]) {
        const { patchedText, cleanedText } = patched(original);
        expect(patchedText).toBe(cleanedText);
        expect(cleanedText).not.toBe(original);
      }
    },
    HEAVY_TEST_TIMEOUT,
  );
});
