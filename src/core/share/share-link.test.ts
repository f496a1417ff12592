import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../test-support/corpus';
import { decodeBytes, encodeText } from '../xml/encoding';
import {
  CONTROL_CHARACTER,
  decodeShareFragment,
  encodeShareFragment,
  fromBase64Url,
  isShareFragment,
  MAX_SHARED_BYTES,
  SHARE_LINK_LIMIT,
  type SharedDraft,
  toBase64Url,
} from './share-link';

/** The fragment a payload makes, written the way the app writes one, for forged and future links. */
async function fragmentOf(payload: unknown): Promise<string> {
  return `share=${toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(payload))))}`;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function roundTrip(draft: SharedDraft): Promise<SharedDraft> {
  const read = await decodeShareFragment(`#${await encodeShareFragment(draft)}`);
  if (!read.ok) throw new Error(read.message);
  expect(read.notes).toEqual([]);
  return read.draft;
}

const draftOf = (
  text: string,
  encoding: SharedDraft['encoding'],
  name = 'ossec.conf',
  snippet = false,
): SharedDraft => ({
  name,
  text,
  encoding,
  snippet,
  target: 'wazuh@4.14',
  role: 'auto',
});

describe('share links', () => {
  it('carry every corpus file byte for byte, within the stated size', async () => {
    const files = corpusFiles();
    expect(files.some((f) => f.name.startsWith('fragments/'))).toBe(true);
    expect(files.some((f) => f.name.startsWith('templated/'))).toBe(true);
    for (const file of files) {
      const { text, encoding } = decodeBytes(file.bytes);
      const draft = draftOf(text, encoding, file.name.split('/').pop(), file.name.startsWith('fragments/'));
      const fragment = await encodeShareFragment(draft);
      expect(fragment).toMatch(/^share=[A-Za-z0-9_-]+$/);
      expect(`https://ar-studio.example/#${fragment}`.length).toBeLessThan(SHARE_LINK_LIMIT);
      const back = await roundTrip(draft);
      expect(back).toEqual(draft);
      expect(Buffer.from(encodeText(back.text, back.encoding)).equals(Buffer.from(file.bytes))).toBe(true);
    }
  }, 60_000);

  it('carry a Latin-1 CRLF file and a file with a BOM and no final newline byte for byte', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<ossec_config>\r\n  <!-- g'),
      0xe9,
      0x72,
      0xe9,
      0xff,
      ...new TextEncoder().encode(' -->\r\n</ossec_config>\r\n'),
    ]);
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('<command>\n  <name>é</name>\n</command>'),
    ]);
    for (const bytes of [latin1, bom]) {
      const { text, encoding } = decodeBytes(bytes);
      const back = await roundTrip(draftOf(text, encoding));
      expect(back.encoding).toBe(encoding);
      expect(Buffer.from(encodeText(back.text, back.encoding)).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(decodeBytes(latin1).encoding).toBe('latin1');
    expect(decodeBytes(bom).text.startsWith('\uFEFF')).toBe(true);
  });

  it('carry any text, name, target and role', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !CONTROL_CHARACTER.test(s)),
          text: fc.string({ unit: 'binary', maxLength: 400 }),
          encoding: fc.constant<'utf-8'>('utf-8'),
          snippet: fc.boolean(),
          target: fc.constantFrom('wazuh@4.14', 'ossec@2.8', 'wazuh@3.13'),
          role: fc.constantFrom<SharedDraft['role']>('auto', 'manager', 'agent'),
        }),
        async (draft) => {
          expect(await roundTrip(draft)).toEqual(draft);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('say whether the text is a snippet; a link written without the flag is a file', async () => {
    expect((await roundTrip(draftOf('<command/>', 'utf-8', 'ar.xml', true))).snippet).toBe(true);
    const read = await decodeShareFragment(
      await fragmentOf({
        v: 1,
        name: 'a.conf',
        target: 'wazuh@4.14',
        role: 'auto',
        encoding: 'utf-8',
        text: '',
      }),
    );
    expect(read.ok && read.draft.snippet).toBe(false);
  });

  it('recognise their own fragment only', () => {
    expect(isShareFragment('#share=abc')).toBe(true);
    expect(isShareFragment('share=abc')).toBe(true);
    expect(isShareFragment('#section-2')).toBe(false);
    expect(isShareFragment('')).toBe(false);
  });
});

describe('a malformed or hostile link', () => {
  const refused = async (fragment: string) => {
    const read = await decodeShareFragment(fragment);
    expect(read.ok).toBe(false);
    return read.ok ? '' : read.message;
  };

  it('is refused with a message when it is not base64url or holds no deflate stream', async () => {
    expect(await refused('#other=1')).toMatch(/not an AR Studio share link/);
    expect(await refused('#share=')).toMatch(/incomplete or damaged/);
    expect(await refused('#share=abc$def')).toMatch(/incomplete or damaged/);
    expect(await refused('#share=A')).toMatch(/incomplete or damaged/);
    expect(
      await refused(`#share=${toBase64Url(new TextEncoder().encode('plain text, not deflate'))}`),
    ).toMatch(/incomplete or damaged/);
  });

  it('is refused when cut off by the program that carried it', async () => {
    const whole = await encodeShareFragment(draftOf('<ossec_config>\n</ossec_config>\n'.repeat(50), 'utf-8'));
    for (const cut of [0.3, 0.6, 0.9]) {
      expect(await refused(whole.slice(0, Math.floor(whole.length * cut)))).toMatch(/incomplete or damaged/);
    }
  });

  it('is refused when it is not JSON, or JSON of another shape', async () => {
    const notJson = `share=${toBase64Url(await deflate(new TextEncoder().encode('<ossec_config/>')))}`;
    expect(await refused(notJson)).toMatch(/incomplete or damaged/);
    expect(await refused(await fragmentOf([1, 2, 3]))).toMatch(/does not hold an AR Studio draft/);
    const good = {
      v: 1,
      name: 'ossec.conf',
      target: 'wazuh@4.14',
      role: 'auto',
      encoding: 'utf-8',
      text: '',
    };
    expect(await refused(await fragmentOf({ ...good, role: 'root' }))).toMatch(/does not hold/);
    expect(await refused(await fragmentOf({ ...good, encoding: 'utf-16' }))).toMatch(/does not hold/);
    expect(await refused(await fragmentOf({ ...good, text: 42 }))).toMatch(/does not hold/);
    expect(await refused(await fragmentOf({ ...good, name: 'evil\u001b[31m' }))).toMatch(/does not hold/);
    expect(await refused(await fragmentOf({ ...good, name: 'x'.repeat(300) }))).toMatch(/does not hold/);
    expect(await refused(await fragmentOf({ ...good, encoding: 'latin1', text: '\u20ac' }))).toMatch(
      /Latin-1 text holds characters/,
    );
  });

  it('from a newer version says so', async () => {
    const future = { v: 2, name: 'ossec.conf', text: '', somethingNew: true };
    expect(await refused(await fragmentOf(future))).toMatch(/newer version of AR Studio \(format 2\)/);
  });

  it('that unpacks to more than the import limit is stopped while unpacking', async () => {
    const bomb = `share=${toBase64Url(await deflate(new Uint8Array(MAX_SHARED_BYTES + 1024)))}`;
    expect(bomb.length).toBeLessThan(40_000);
    expect(await refused(bomb)).toMatch(/unpacks to more than 16 MB/);
  }, 30_000);

  it('keeps the current target when it names one this version does not know', async () => {
    const read = await decodeShareFragment(
      await fragmentOf({
        v: 1,
        name: 'a.conf',
        target: 'wazuh@9.9',
        role: 'agent',
        encoding: 'utf-8',
        text: 'x',
      }),
    );
    expect(read).toEqual({
      ok: true,
      draft: { name: 'a.conf', target: '', role: 'agent', encoding: 'utf-8', snippet: false, text: 'x' },
      notes: [expect.stringMatching(/does not know \('wazuh@9\.9'\)/)],
    });
  });
});

describe('base64url', () => {
  it('round-trips any bytes and matches RFC 4648', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });
});
