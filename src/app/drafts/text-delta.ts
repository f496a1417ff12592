/**
 * One undo step as the change from its neighbour: the length of the text both share at the start and at
 * the end, and what stands between. An edit in a 2 MB file is then stored as a few bytes.
 */
export interface TextDelta {
  prefix: number;
  suffix: number;
  insert: string;
}

/** Characters compared at once while the texts agree: a slice comparison runs natively, not a character at a time. */
const STRIDE = 4096;

export function textDelta(base: string, text: string): TextDelta {
  const shorter = Math.min(base.length, text.length);
  let prefix = 0;
  while (
    prefix + STRIDE <= shorter &&
    base.slice(prefix, prefix + STRIDE) === text.slice(prefix, prefix + STRIDE)
  ) {
    prefix += STRIDE;
  }
  while (prefix < shorter && base.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = shorter - prefix;
  while (
    suffix + STRIDE <= room &&
    base.slice(base.length - suffix - STRIDE, base.length - suffix) ===
      text.slice(text.length - suffix - STRIDE, text.length - suffix)
  ) {
    suffix += STRIDE;
  }
  while (
    suffix < room &&
    base.charCodeAt(base.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { prefix, suffix, insert: text.slice(prefix, text.length - suffix) };
}

/** The text the delta describes, or null when it does not fit the base (a damaged or foreign record). */
export function applyDelta(base: string, { prefix, suffix, insert }: TextDelta): string | null {
  if (prefix + suffix > base.length) return null;
  return base.slice(0, prefix) + insert + base.slice(base.length - suffix);
}
