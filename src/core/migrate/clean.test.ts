import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { cleanedFile, diffHunks, unifiedDiff } from './clean';

const LINES = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);

describe('cleanedFile and its diff', () => {
  it('writes hunks with three lines of context, merging close ones', () => {
    const text = `${LINES.join('\n')}\n`;
    const offset = (line: number) => LINES.slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
    const removed = [
      { start: offset(5), end: offset(6) },
      { start: offset(9), end: offset(11) },
      { start: offset(19), end: offset(20) },
    ];
    const diff = unifiedDiff(diffHunks(text, removed), 'a', 'b');
    expect(diff).toBe(
      [
        '--- a',
        '+++ b',
        '@@ -2,12 +2,9 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        ' line 6',
        ' line 7',
        ' line 8',
        '-line 9',
        '-line 10',
        ' line 11',
        ' line 12',
        ' line 13',
        '@@ -16,5 +13,4 @@',
        ' line 16',
        ' line 17',
        ' line 18',
        '-line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('shows a line that keeps some of its text as removed and added', () => {
    const text =
      '<ossec_config><command><name>a</name><executable>a</executable></command>\n</ossec_config>\n';
    const { hunks } = cleanedFile(readDocument(text), 'manager');
    expect(unifiedDiff(hunks, 'a', 'b')).toBe(
      [
        '--- a',
        '+++ b',
        '@@ -1,2 +1,2 @@',
        '-<ossec_config><command><name>a</name><executable>a</executable></command>',
        '+<ossec_config>',
        ' </ossec_config>',
        '',
      ].join('\n'),
    );
  });

  it('is a patch that turns the original into the cleaned file', () => {
    const original = readFileSync(
      join(process.cwd(), '../shared/corpus/ossec-3.7.0-server-ossec-server.conf'),
      'utf8',
    );
    const cleaned = cleanedFile(readDocument(original), 'manager');
    const dir = mkdtempSync(join(tmpdir(), 'ar-studio-diff-'));
    writeFileSync(join(dir, 'ossec.conf'), original);
    writeFileSync(join(dir, 'fix.diff'), unifiedDiff(cleaned.hunks, 'ossec.conf', 'ossec.conf'));
    execFileSync('git', ['apply', '-p0', 'fix.diff'], { cwd: dir });
    expect(readFileSync(join(dir, 'ossec.conf'), 'utf8')).toBe(cleaned.text);
    expect(cleaned.removed.length).toBeGreaterThan(0);
  });
});
