/**
 * OS_Regex on OSSEC 3.x and 4.x, which translate the pattern into PCRE2 (`os_regex/os_converter.c`) and
 * match it case-insensitively in UTF mode. What the translation makes of each part of the pattern decides
 * what matches:
 * - `\w \W \d \D \s \S \p` become classes with the old engine's members, `\.` any character;
 * - `\t \$ \( \) \{ \} \[ \] \\ \| \<` stay escapes of themselves; any other backslash is refused;
 * - `*` and `+` repeat only right after a two-character escape (`\d+`); elsewhere they are literal, as are
 *   `. [ ] { } ?`;
 * - `$` matches only at the very end; `^`, `(`, `)` and `|` keep their PCRE2 meaning anywhere.
 * A pattern of plain characters between an optional `^` and `$` is compared as a string instead
 * (prefix, suffix or whole, ASCII case folded), as OSSEC does.
 *
 * Whether PCRE2 finds a match does not depend on the order it tries things, so the translated pattern is
 * run as a Thompson automaton: every step advances all live states by one character, linear in the
 * subject. (PCRE2 itself backtracks and gives up after ten million steps, answering "no match"; only a
 * pattern that takes it that long could make the two differ.)
 */

import type { OsRegexResult } from './os-regex';

type Test = (codePoint: number) => boolean;

type Token =
  | { kind: 'atom'; test: Test }
  | { kind: 'repeat'; atLeastOnce: boolean }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'or' }
  | { kind: 'start' }
  | { kind: 'end' };

const refused = (reason: string): OsRegexResult => ({ outcome: 'refused', reason });

export function pcre2Matches(
  pattern: string,
  subject: string,
  maxBytes: number,
  steps: { left: number },
): OsRegexResult {
  const bytes = new TextEncoder().encode(pattern);
  if (bytes.length > maxBytes)
    return refused(`the pattern is longer than the ${maxBytes} bytes OSSEC compiles`);
  if (bytes.length === 0) return refused("an empty pattern gives OSSEC's translation nothing to compile");
  const plain = plainComparison(pattern);
  if (plain) return { outcome: plain(subject) ? 'match' : 'no-match' };
  const tokens = translate(bytes);
  if (typeof tokens === 'string') return refused(tokens);
  const automaton = build(tokens);
  if (typeof automaton === 'string') return refused(automaton);
  return search(
    automaton,
    [...subject].map((ch) => ch.codePointAt(0) as number),
    steps,
  );
}

// Case-insensitive in UTF mode: a character matches its other cases (k, K and the Kelvin sign K, …).
function caseVariants(codePoint: number): number[] {
  const ch = String.fromCodePoint(codePoint);
  const variants = new Set([codePoint]);
  for (const other of [ch.toLowerCase(), ch.toUpperCase()]) {
    const first = other.codePointAt(0);
    if (first !== undefined && String.fromCodePoint(first) === other) variants.add(first);
  }
  return [...variants];
}

function sameCaseless(a: number, b: number): boolean {
  if (a === b) return true;
  const left = caseVariants(a);
  return caseVariants(b).some((v) => left.includes(v));
}

const literal =
  (codePoint: number): Test =>
  (c) =>
    sameCaseless(c, codePoint);

/** A class of ASCII members, matched caselessly; `negated` is `[^…]`. */
function asciiClass(members: (c: number) => boolean, negated = false): Test {
  return (c) => caseVariants(c).some(members) !== negated;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) =>
  isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 64 || c === 95 || c === 45;
const isPunctuation = (c: number) =>
  (c >= 33 && c <= 46) || (c >= 58 && c <= 63) || c === 91 || c === 93 || (c >= 123 && c <= 125);

const CLASSES: Record<string, Test> = {
  p: asciiClass(isPunctuation),
  s: asciiClass((c) => c === 32),
  W: asciiClass(isWord, true),
  w: asciiClass(isWord),
  d: asciiClass(isDigit),
  D: asciiClass(isDigit, true),
  S: asciiClass((c) => c === 32, true),
  '.': () => true,
};

/** Escapes the translation passes through as PCRE2 escapes of the character itself (`\t` is a tab). */
const KEPT_ESCAPES = 't$(){}[]\\|<';
const LITERAL_SPECIALS = '.[]{}+?*';

/** `OSRegex_ConvertRegex()`, byte by byte as it walks the pattern, into PCRE2 tokens. */
function translate(bytes: Uint8Array): Token[] | string {
  const tokens: Token[] = [];
  const ch = (i: number) => String.fromCharCode(bytes[i]);
  for (let i = 0; i < bytes.length; i++) {
    const c = ch(i);
    if (i >= 2 && bytes[i - 2] === 92 && (c === '*' || c === '+')) {
      tokens.push({ kind: 'repeat', atLeastOnce: c === '+' });
    } else if (c === '\\' && i + 1 < bytes.length && CLASSES[ch(i + 1)]) {
      tokens.push({ kind: 'atom', test: CLASSES[ch(i + 1)] });
      i++;
    } else if (c === '$') {
      tokens.push({ kind: 'end' });
    } else if (LITERAL_SPECIALS.includes(c)) {
      tokens.push({ kind: 'atom', test: literal(bytes[i]) });
    } else if (c === '\\') {
      if (i + 1 >= bytes.length) return 'the pattern ends with a lone backslash';
      const next = ch(i + 1);
      if (!KEPT_ESCAPES.includes(next)) return `OSSEC knows no \\${next}`;
      tokens.push({ kind: 'atom', test: literal(next === 't' ? 9 : bytes[i + 1]) });
      i++;
    } else if (c === '(') tokens.push({ kind: 'open' });
    else if (c === ')') tokens.push({ kind: 'close' });
    else if (c === '|') tokens.push({ kind: 'or' });
    else if (c === '^') tokens.push({ kind: 'start' });
    else if (bytes[i] < 0x80) tokens.push({ kind: 'atom', test: literal(bytes[i]) });
    else {
      // A UTF-8 sequence is copied byte by byte; PCRE2 reads it as one character.
      const length = bytes[i] >= 0xf0 ? 4 : bytes[i] >= 0xe0 ? 3 : 2;
      const codePoint = new TextDecoder().decode(bytes.subarray(i, i + length)).codePointAt(0) as number;
      tokens.push({ kind: 'atom', test: literal(codePoint) });
      i += length - 1;
    }
  }
  return tokens;
}

/** `^`, `$`, or a whole-string comparison: OSSEC skips PCRE2 for a pattern of these characters only. */
const PLAIN = /^[A-Za-z0-9 !"#%&',/:;<=>@_`~-]$/;

function plainComparison(pattern: string): ((subject: string) => boolean) | null {
  const start = pattern.startsWith('^');
  const end = pattern.length > (start ? 1 : 0) && pattern.endsWith('$');
  const middle = pattern.slice(start ? 1 : 0, end ? -1 : undefined);
  // The check itself runs through PCRE2 caselessly, so the Kelvin sign passes for a K.
  for (const ch of middle) {
    if (!caseVariants(ch.codePointAt(0) as number).some((v) => PLAIN.test(String.fromCodePoint(v))))
      return null;
  }
  if (!start && !end) return null;
  const wanted = asciiFolded(new TextEncoder().encode(middle));
  return (subject) => {
    const text = asciiFolded(new TextEncoder().encode(subject));
    if (start && end) return text === wanted;
    return start ? text.startsWith(wanted) : text.endsWith(wanted);
  };
}

/** `strcasecmp` compares bytes with ASCII letters folded. */
function asciiFolded(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 65 && b <= 90 ? b + 32 : b);
  return out;
}

// The automaton: each state tests a character, splits, asserts a position, or accepts.
type State =
  | { kind: 'char'; test: Test; next: number }
  | { kind: 'split'; next: number; other: number }
  | { kind: 'assert'; at: 'start' | 'end'; next: number }
  | { kind: 'accept' };

interface Automaton {
  states: State[];
  start: number;
}

/** A piece of automaton whose dangling exits (`holes`: state index and field) are joined later. */
interface Piece {
  start: number;
  holes: Array<{ state: number; field: 'next' | 'other' }>;
}

function build(tokens: Token[]): Automaton | string {
  const states: State[] = [];
  const add = (state: State) => states.push(state) - 1;
  const patch = (holes: Piece['holes'], to: number) => {
    for (const { state, field } of holes) (states[state] as Record<string, unknown>)[field] = to;
  };
  let i = 0;

  const sequence = (): Piece | string => {
    let piece: Piece | null = null;
    const append = (next: Piece) => {
      if (piece) patch(piece.holes, next.start);
      piece = piece ? { start: piece.start, holes: next.holes } : next;
    };
    while (i < tokens.length) {
      const token = tokens[i];
      if (token.kind === 'or' || token.kind === 'close') break;
      i++;
      let item: Piece;
      let repeatable = true;
      if (token.kind === 'atom') {
        const s = add({ kind: 'char', test: token.test, next: -1 });
        item = { start: s, holes: [{ state: s, field: 'next' }] };
      } else if (token.kind === 'start' || token.kind === 'end') {
        const s = add({ kind: 'assert', at: token.kind, next: -1 });
        item = { start: s, holes: [{ state: s, field: 'next' }] };
        repeatable = false;
      } else if (token.kind === 'open') {
        const inner = alternation();
        if (typeof inner === 'string') return inner;
        if (tokens[i]?.kind !== 'close') return 'a parenthesis is never closed';
        i++;
        item = inner;
      } else {
        return 'a repetition follows nothing it can repeat';
      }
      if (tokens[i]?.kind === 'repeat') {
        if (!repeatable) return 'a repetition follows nothing it can repeat';
        const { atLeastOnce } = tokens[i] as { atLeastOnce: boolean };
        i++;
        const loop = add({ kind: 'split', next: item.start, other: -1 });
        patch(item.holes, loop);
        item = { start: atLeastOnce ? item.start : loop, holes: [{ state: loop, field: 'other' }] };
        if (tokens[i]?.kind === 'repeat') return 'a repetition follows nothing it can repeat';
      }
      append(item);
    }
    if (piece) return piece;
    // An empty alternative: a state that only passes on, both of its exits to what follows.
    const s = add({ kind: 'split', next: -1, other: -1 });
    return {
      start: s,
      holes: [
        { state: s, field: 'next' },
        { state: s, field: 'other' },
      ],
    };
  };

  const alternation = (): Piece | string => {
    const first = sequence();
    if (typeof first === 'string') return first;
    let piece = first;
    while (tokens[i]?.kind === 'or') {
      i++;
      const next = sequence();
      if (typeof next === 'string') return next;
      const s = add({ kind: 'split', next: piece.start, other: next.start });
      piece = { start: s, holes: [...piece.holes, ...next.holes] };
    }
    return piece;
  };

  const whole = alternation();
  if (typeof whole === 'string') return whole;
  if (i < tokens.length) return 'a parenthesis closes before it opens';
  const accept = add({ kind: 'accept' });
  patch(whole.holes, accept);
  return { states, start: whole.start };
}

/** Whether the automaton accepts anywhere in `subject`: all live states advance together. */
function search(automaton: Automaton, subject: number[], steps: { left: number }): OsRegexResult {
  const { states } = automaton;
  let current: number[] = [];
  const mark = new Int32Array(states.length).fill(-1);
  /** Adds `state` and every state it passes to without reading; true when one of them accepts. */
  const close = (state: number, at: number, into: number[]): boolean => {
    const stack = [state];
    let accepts = false;
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (mark[s] === at) continue;
      mark[s] = at;
      const node = states[s];
      if (node.kind === 'accept') accepts = true;
      else if (node.kind === 'char') into.push(s);
      else if (node.kind === 'split') stack.push(node.other, node.next);
      else if (node.at === 'start' ? at === 0 : at === subject.length) stack.push(node.next);
    }
    return accepts;
  };
  for (let at = 0; ; at++) {
    if (close(automaton.start, at, current)) return { outcome: 'match' };
    if (at === subject.length) return { outcome: 'no-match' };
    const next: number[] = [];
    steps.left -= current.length + 1;
    if (steps.left < 0) return { outcome: 'too-complex' };
    for (const s of current) {
      const node = states[s] as { kind: 'char'; test: Test; next: number };
      if (node.test(subject[at]) && close(node.next, at + 1, next)) return { outcome: 'match' };
    }
    current = next;
  }
}
