/**
 * Characters a reader cannot see or that change how the text around them is shown: controls (ESC, NUL,
 * tab, line breaks), bidirectional overrides and isolates (`deny\u202Egnp.exe` shows as "denyexe.png"),
 * zero-width and other format characters, spaces other than the plain one, variation selectors and tags,
 * and lone surrogates. Names and values holding them are shown with each one spelt out, so a file cannot
 * make a value look like another, reorder a message or reach a terminal.
 */

const HIDDEN = /(?!\u0020)[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');

/** Names for the characters a file is most likely to hide. */
const NAMES: Record<number, string> = {
  0: 'NULL',
  9: 'TAB',
  10: 'LINE FEED',
  13: 'CARRIAGE RETURN',
  27: 'ESCAPE',
  127: 'DELETE',
  160: 'NO-BREAK SPACE',
  173: 'SOFT HYPHEN',
  1564: 'ARABIC LETTER MARK',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8232: 'LINE SEPARATOR',
  8233: 'PARAGRAPH SEPARATOR',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8288: 'WORD JOINER',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
};

export type TextPiece =
  | { kind: 'text'; text: string }
  /** `label` is the visible form, `⟨U+202E⟩`; `name` says what it is when known. */
  | { kind: 'hidden'; codePoint: number; label: string; name?: string };

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, '0');

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+E0041` when the character has no name here. */
export function describeCharacter(codePoint: number): string {
  const name = NAMES[codePoint];
  return name ? `U+${hex(codePoint)} ${name}` : `U+${hex(codePoint)}`;
}

/** The text cut into plain runs and the hidden characters between them. */
export function textPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(HIDDEN_ALL)) {
    if (match.index > from) pieces.push({ kind: 'text', text: text.slice(from, match.index) });
    const codePoint = match[0].codePointAt(0) as number;
    pieces.push({ kind: 'hidden', codePoint, label: `⟨U+${hex(codePoint)}⟩`, name: NAMES[codePoint] });
    from = match.index + match[0].length;
  }
  if (from < text.length || pieces.length === 0) pieces.push({ kind: 'text', text: text.slice(from) });
  return pieces;
}

/** The text with each hidden character spelt `⟨U+202E⟩`, for places that can hold only a string. */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN_ALL, (ch) => `⟨U+${hex(ch.codePointAt(0) as number)}⟩`);
}

/**
 * The text for a terminal: each hidden character as an escape (`\x1b`, `\t`, `\u202e`), so no value can
 * move the cursor, erase a line, change colours or reorder what is printed.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(HIDDEN_ALL, (ch) => {
    const codePoint = ch.codePointAt(0) as number;
    if (codePoint === 0x09) return '\\t';
    if (codePoint === 0x0a) return '\\n';
    if (codePoint === 0x0d) return '\\r';
    if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
    if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
    return `\\u{${codePoint.toString(16)}}`;
  });
}

/**
 * JSON whose strings carry every hidden character as a `\uXXXX` escape: the same data for a parser, and
 * nothing a terminal acts on when the output is read directly. (`JSON.stringify` escapes controls but
 * leaves bidirectional overrides, U+2028 and the like raw.)
 */
export function terminalSafeJson(value: unknown, indent = 2): string {
  // JSON.stringify already escapes what is below U+0020 inside strings; outside them those are its layout.
  return JSON.stringify(value, null, indent).replace(HIDDEN_ALL, (ch) => {
    if (ch.charCodeAt(0) < 0x20) return ch;
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}
