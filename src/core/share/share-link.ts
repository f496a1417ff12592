/**
 * A draft carried in a link's fragment (`#share=…`), which browsers never send to a server: the document's
 * text, its encoding, its file name, whether it is a snippet, and the target and role to check it against, as versioned JSON,
 * compressed with CompressionStream (deflate-raw) and written in base64url. Reading a link never trusts
 * it: every field is checked, the inflated size is capped while inflating, and a link from a newer
 * version, a cut-off link or a forged one is refused with a message.
 */

import { z } from 'zod';
import type { TextEncoding } from '../model/types';
import { ROLES, type RoleOption } from '../targets/role';
import { TARGETS } from '../targets/target';

export const SHARE_PREFIX = 'share=';

/**
 * The longest link AR Studio offers to copy, in characters. Browsers are not the limit (Chromium takes
 * 2 MB, Firefox about 1 MB); what carries the link is: Mattermost keeps posts to 16,383 characters by
 * default, Microsoft Teams messages to about 28 KB, Slack truncates at 40,000. 16,000 passes all three,
 * and holds every file of the corpus (the largest, 37 kB of text, makes a link of about 7,700).
 */
export const SHARE_LINK_LIMIT = 16_000;

/** The most a link may inflate to: the import's own limit. */
export const MAX_SHARED_BYTES = 16 * 1024 * 1024;

/** Longer than any link a browser keeps (Chromium's limit is 2 MB). */
const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;

export interface SharedDraft {
  name: string;
  text: string;
  encoding: TextEncoding;
  /** The text is a snippet to paste into an ossec.conf, not a whole file (DESIGN §2). */
  snippet: boolean;
  target: string;
  role: RoleOption;
}

export type SharedRead = { ok: true; draft: SharedDraft; notes: string[] } | { ok: false; message: string };

const CURRENT_VERSION = 1;

// biome-ignore lint/suspicious/noControlCharactersInRegex: a file name with control characters is a forged one
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

const payloadV1 = z.object({
  v: z.literal(1),
  name: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !CONTROL_CHARACTER.test(name)),
  target: z.string().max(40),
  role: z.enum(ROLES as [RoleOption, ...RoleOption[]]),
  encoding: z.enum(['utf-8', 'latin1']),
  // Links written before the editor knew snippets from files carry none: they were files.
  snippet: z.boolean().optional(),
  text: z.string(),
});

type PayloadV1 = z.infer<typeof payloadV1>;

/**
 * Brings a payload of any version this app ever wrote up to the current one. Each future version adds
 * its schema and one step from the version before, so an old link keeps opening after an upgrade.
 */
function migrate(raw: unknown): PayloadV1 | string {
  const version = typeof raw === 'object' && raw !== null && 'v' in raw ? raw.v : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_VERSION) {
    return `This link was made by a newer version of AR Studio (format ${version}); this one reads format ${CURRENT_VERSION}.`;
  }
  const parsed = payloadV1.safeParse(raw);
  if (!parsed.success) return 'This link does not hold an AR Studio draft.';
  if (parsed.data.encoding === 'latin1' && /[\u0100-\uffff]/.test(parsed.data.text)) {
    return 'This link is damaged: its Latin-1 text holds characters Latin-1 cannot.';
  }
  return parsed.data;
}

export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

/** The fragment (without `#`) that carries the draft. */
export async function encodeShareFragment(draft: SharedDraft): Promise<string> {
  const payload: PayloadV1 = { v: CURRENT_VERSION, ...draft };
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return SHARE_PREFIX + toBase64Url(await transform(bytes, new CompressionStream('deflate-raw')));
}

const DAMAGED =
  'This link is incomplete or damaged: it may have been cut off by the program that carried it. Ask for the link again, or for the file.';

export async function decodeShareFragment(hash: string): Promise<SharedRead> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(SHARE_PREFIX))
    return { ok: false, message: 'This is not an AR Studio share link.' };
  const data = fragment.slice(SHARE_PREFIX.length);
  if (data.length > MAX_FRAGMENT_CHARS)
    return { ok: false, message: 'This link is too long to be one of ours.' };
  const compressed = fromBase64Url(data);
  if (!compressed || compressed.length === 0) return { ok: false, message: DAMAGED };
  let inflated: Uint8Array;
  try {
    inflated = await transform(compressed, new DecompressionStream('deflate-raw'), MAX_SHARED_BYTES);
  } catch (error) {
    if (error instanceof TooLarge) {
      return {
        ok: false,
        message: `This link unpacks to more than ${MAX_SHARED_BYTES / 1024 / 1024} MB, far beyond any ossec.conf; it was not opened.`,
      };
    }
    return { ok: false, message: DAMAGED };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, message: DAMAGED };
  }
  const payload = migrate(raw);
  if (typeof payload === 'string') return { ok: false, message: payload };
  const notes: string[] = [];
  let { target } = payload;
  if (!TARGETS.some((t) => t.id === target)) {
    notes.push(
      `The link names a target this version does not know ('${target}'); your current target is kept.`,
    );
    target = '';
  }
  const { v: _version, snippet, ...draft } = payload;
  return { ok: true, draft: { ...draft, snippet: snippet ?? false, target }, notes };
}

class TooLarge extends Error {}

/** Pipes bytes through a (de)compression stream, stopping as soon as the output passes `limit`. */
async function transform(
  input: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Not awaited: the output must be read while the input is written, or a large input stalls.
  const written = writer
    .write(input as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** RFC 4648 §5 base64url, without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63], ALPHABET[n & 63]);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63]);
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63]);
  }
  return out.join('');
}

/** The bytes of unpadded base64url text, or null when it is not that (a character outside the alphabet, a bad length). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    bits = ((bits << 6) | value) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
  }
  return out;
}
