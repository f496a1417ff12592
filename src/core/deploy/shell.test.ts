import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell';

/** The shells an admin pastes into; each one that is installed here reads the words back. */
const SHELLS = ['/bin/sh', '/bin/bash', '/bin/dash', '/usr/bin/zsh'].filter((shell) => existsSync(shell));

/** What a shell makes of the words: each argument printf receives, separated by NUL bytes. */
function readBack(shell: string, words: string[]): string[] {
  const output = execFileSync(shell, ['-c', `printf '%s\\0' ${words.join(' ')}`], { encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

const NASTY = [
  "firewall-drop600'; rm -rf / #",
  '$(reboot)',
  '`id`',
  'a b',
  '',
  "'",
  "''",
  '\\',
  'line\nbreak',
  '*',
  '~root',
  '=ls',
  '!!',
  '-f',
  '"quoted"',
  'semi;colon|pipe&amp',
  'tab\there',
  'caf\u00e9',
  '{a,b}',
  '#comment',
];

describe('shellQuote', () => {
  it('leaves plain words alone and quotes everything else', () => {
    expect(shellQuote('firewall-drop600')).toBe('firewall-drop600');
    expect(shellQuote('/var/ossec/etc/ossec.conf')).toBe('/var/ossec/etc/ossec.conf');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('=ls')).toBe("'=ls'");
  });

  it('gives every shell exactly the value back, one word each, for hostile values', () => {
    expect(SHELLS.length).toBeGreaterThan(0);
    for (const shell of SHELLS) {
      expect(readBack(shell, NASTY.map(shellQuote))).toEqual(NASTY);
    }
  });

  it('reads back any text without NUL (the one byte an argument cannot hold)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 30 }), (values) => {
        expect(readBack('/bin/sh', values.map(shellQuote))).toEqual(values);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
