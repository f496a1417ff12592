import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { markdownTable } from './table';

describe('markdownTable', () => {
  it('writes a table the formatter leaves as it is, so the README written from it passes the lint', () => {
    const table = markdownTable([
      ['step', 'AR Studio', '× floor'],
      ['read (readDocument)', '6.13 ms', '13.9×'],
      ['validate | incremental', '33.4 µs', ''],
    ]);
    const formatted = execFileSync('npx', ['biome', 'format', '--stdin-file-path=table.md'], {
      input: `${table}\n`,
      encoding: 'utf8',
    });
    expect(formatted).toBe(`${table}\n`);
    expect(table).toContain('validate \\| incremental');
  });
});
