import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import type { TextEncoding } from '../model/types';
import { corpusFiles } from '../test-support/corpus';
import { documentArbitrary } from '../test-support/documents';
import { applyEdits, editArbitrary } from '../test-support/edits';
import { decodeBytes, encodeText } from '../xml/encoding';
import { diffLines } from './line-diff';
import { formatPatch, hunksOf, patchFileName } from './patch';

/**
 * Runs the real GNU patch as an admin would (`patch -p0 < file.diff` beside the imported file) and returns
 * the file it leaves. Any fuzz, offset, reject or backup file would be a bug in the patch, so the only
 * output allowed is "patching file NAME".
 */
function applyWithPatch(original: Uint8Array, patch: Uint8Array, fileName: string): Uint8Array {
  const name = patchFileName(fileName);
  const dir = mkdtempSync(join(tmpdir(), 'ar-studio-patch-'));
  try {
    writeFileSync(join(dir, name), original);
    const run = spawnSync('patch', ['-p0'], { cwd: dir, input: patch, encoding: 'latin1' });
    if (run.error) throw run.error;
    expect(`${run.stdout}${run.stderr}`).toBe(`patching file ${name}\n`);
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
    return new Uint8Array(readFileSync(join(dir, name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The patch from `before` to `after`, written in the file's encoding and applied to `before`'s bytes. */
function roundTrip(before: string, after: string, encoding: TextEncoding, fileName = 'ossec.conf'): void {
  const patch = formatPatch(diffLines(before, after), fileName);
  const expected = encodeText(after, encoding);
  if (before === after) {
    expect(patch).toBe('');
    return;
  }
  const patched = applyWithPatch(encodeText(before, encoding), encodeText(patch, encoding), fileName);
  expect(Buffer.from(patched).equals(Buffer.from(expected))).toBe(true);
}

const sample = [
  '<ossec_config>',
  '  <command>',
  '    <name>host-deny</name>',
  '    <executable>host-deny</executable>',
  '    <timeout_allowed>yes</timeout_allowed>',
  '  </command>',
  '',
  '  <active-response>',
  '    <command>host-deny</command>',
  '    <location>local</location>',
  '    <level>7</level>',
  '    <timeout>600</timeout>',
  '  </active-response>',
  '</ossec_config>',
];

describe('formatPatch', () => {
  it('writes the hunks diff -u writes', () => {
    const before = `${sample.join('\n')}\n`;
    const after = before.replace('<timeout>600</timeout>', '<timeout>1800</timeout>');
    expect(formatPatch(diffLines(before, after), 'ossec.conf')).toBe(
      [
        '--- ossec.conf',
        '+++ ossec.conf',
        '@@ -9,6 +9,6 @@',
        '     <command>host-deny</command>',
        '     <location>local</location>',
        '     <level>7</level>',
        '-    <timeout>600</timeout>',
        '+    <timeout>1800</timeout>',
        '   </active-response>',
        ' </ossec_config>',
        '',
      ].join('\n'),
    );
  });

  it('marks a last line without a newline, on each side that lacks one', () => {
    expect(formatPatch(diffLines('a\nb', 'a\nc'), 'f')).toBe(
      '--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
    expect(formatPatch(diffLines('a\nb', 'a\nb\n'), 'f')).toBe(
      '--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
    );
  });

  it('names an empty range by the line before it, and leaves out a count of 1', () => {
    expect(formatPatch(diffLines('', 'a\n'), 'f')).toBe('--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n');
    expect(formatPatch(diffLines('a\nb\n', 'a\n'), 'f')).toBe('--- f\n+++ f\n@@ -1,2 +1 @@\n a\n-b\n');
  });

  it('keeps changes more than six lines apart in separate hunks', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}\n`);
    const edited = [...lines];
    edited[3] = 'three\n';
    edited[10] = 'ten\n';
    edited[25] = 'twenty-five\n';
    const hunks = hunksOf(diffLines(lines.join(''), edited.join('')));
    expect(hunks.map((h) => [h.aStart, h.aLength, h.bStart, h.bLength])).toEqual([
      [0, 14, 0, 14],
      [22, 7, 22, 7],
    ]);
  });

  it('writes nothing for equal texts', () => {
    expect(formatPatch(diffLines('a\n', 'a\n'), 'f')).toBe('');
  });

  it('gives a header name patch -p0 reads as it is', () => {
    expect(patchFileName('ossec.conf')).toBe('ossec.conf');
    expect(patchFileName('/var/ossec/etc/ossec.conf')).toBe('ossec.conf');
    expect(patchFileName('C:\\ossec agent\\my conf.xml')).toBe('my_conf.xml');
    expect(patchFileName('Pasted text')).toBe('Pasted_text');
    expect(patchFileName('..')).toBe('ossec.conf');
    expect(patchFileName('')).toBe('ossec.conf');
  });
});

describe('patch -p0 applies the exported patch to the imported file', () => {
  it('for CRLF, mixed endings, no final newline, a BOM and empty files', () => {
    const crlf = `${sample.join('\r\n')}\r\n`;
    roundTrip(crlf, crlf.replace('<level>7</level>', '<level>10</level>'), 'utf-8');
    roundTrip(
      crlf,
      crlf.replace('<level>7</level>\r\n', '<level>7</level>\n<timeout>5</timeout>\n'),
      'utf-8',
    );
    const mixed = sample.map((line, i) => line + (i % 3 === 0 ? '\n' : '\r\n')).join('');
    roundTrip(mixed, mixed.replace('local', 'all').replace('</ossec_config>\n', '</ossec_config>'), 'utf-8');
    const bare = sample.join('\n');
    roundTrip(bare, `${bare}\n`, 'utf-8');
    roundTrip(bare, bare.replace('</ossec_config>', '</ossec_config>\n<!-- end -->'), 'utf-8');
    roundTrip(bare, bare.replace('<level>7', '<level>9'), 'utf-8');
    const bom = `\uFEFF${sample.join('\n')}\n`;
    roundTrip(bom, bom.replace('\uFEFF<ossec_config>', '\uFEFF<ossec_config> <!-- edited -->'), 'utf-8');
    roundTrip(bom, bom.slice(1), 'utf-8');
    roundTrip('', `${sample.join('\n')}\n`, 'utf-8');
    roundTrip(`${sample.join('\n')}\n`, '<ossec_config/>\n', 'utf-8');
  });

  it('for a Latin-1 file, in its own bytes', () => {
    const bytes = encodeText(
      `${sample.join('\r\n').replace('<ossec_config>', "<ossec_config> <!-- géré par l'équipe -->")}\r\n`,
      'latin1',
    );
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('latin1');
    const after = decoded.text.replace('<level>7</level>', '<level>7</level> <!-- modifié -->');
    roundTrip(decoded.text, after, 'latin1');
    roundTrip(decoded.text, after.replace('géré', 'gere'), 'latin1');
  });

  it('for every corpus file after random edits through the document API and the XML view', () => {
    for (const file of corpusFiles()) {
      const { text, encoding } = decodeBytes(file.bytes);
      const doc = readDocument(text, encoding);
      fc.assert(
        fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (steps) => {
          roundTrip(text, applyEdits(doc, steps).text, encoding, file.name);
        }),
        { numRuns: 3, seed: file.bytes.length },
      );
    }
  }, 120_000);

  it('for generated files (spaces or tabs, LF or CRLF, with or without a final newline)', () => {
    fc.assert(
      fc.property(
        documentArbitrary,
        fc.array(editArbitrary, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<TextEncoding>('utf-8', 'latin1'),
        (text, steps, encoding) => {
          roundTrip(text, applyEdits(readDocument(text, encoding), steps).text, encoding);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
