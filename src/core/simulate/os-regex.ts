/**
 * OS_Regex, the daemons' own regular expressions, as `rules_group` is matched with them (reference §5.3):
 * searched anywhere in the rule's group string, case-insensitively, `|` between alternatives.
 *
 * Two engines run under that name. OSSEC 2.8 and every Wazuh release compile the pattern into their own
 * matcher (`os_regex/os_regex_compile.c`, `os_regex_execute.c`), which is not a regular-expression engine
 * in the textbook sense: it reads the subject left to right, greedily, and can go back only to the last
 * four places where a repetition could have stopped. This file follows that matcher step for step on the
 * bytes the daemon sees, quirks included (a `\w+` at the end of the subject accepts without reading a
 * `$`, a literal after a repetition can end it early, …), because the admin's question is what the
 * daemon matches, not what a regular expression should match. OSSEC 3.x and 4.x translate the pattern
 * into PCRE2 instead (`os_regex/os_converter.c`); that translation is in `os-regex-pcre2.ts`.
 *
 * The matcher's steps grow with the subject times a power of the number of repetitions (its four saved
 * places are reused), so a long pattern of repetitions can take the daemon itself millions of steps. The
 * emulation counts its steps against a budget and answers `too-complex` when the budget runs out, rather
 * than holding the page or the command line.
 */

import type { TextEncoding } from '../model/types';
import { encodeText } from '../xml/encoding';
import { pcre2Matches } from './os-regex-pcre2';

/** How one product and version runs OS_Regex (data of the target profile, reference §6). */
export interface OsRegexDialect {
  /** The daemon's own matcher, or OSSEC 3.x's translation into PCRE2. */
  engine: 'os-regex' | 'pcre2';
  /** `OS_PATTERN_MAXSIZE`: a longer pattern (in bytes) is refused. 2048; 20480 from Wazuh 3.8. */
  maxPatternBytes: number;
  /**
   * OSSEC 2.8 and Wazuh before 3.7 test the subject's end after the first step (a do-while loop), so on an
   * empty subject the matcher reads the final NUL as if it were a character.
   */
  readsFinalNul: boolean;
  /**
   * Wazuh 4.2 and later count an alternative that succeeds before reading anything (an empty pattern
   * matches every subject); before, such a success returned no position, which OS_Regex reads as "no".
   */
  matchesBeforeReading: boolean;
  /**
   * OSSEC's `\W` is not the opposite of its `\w`: it also holds `-` and `@` and leaves out DEL. Wazuh
   * made it the exact opposite.
   */
  nonWordHoldsDashAndAt: boolean;
}

export type OsRegexResult =
  | { outcome: 'match' }
  | { outcome: 'no-match' }
  /** The daemon does not compile the pattern (a bad escape, parentheses, too long), so it never matches. */
  | { outcome: 'refused'; reason: string }
  /** The step budget ran out before the matcher decided. */
  | { outcome: 'too-complex' };

/** Steps shared by the evaluations of one simulation; each evaluation also has its own cap. */
export interface StepBudget {
  remaining: number;
}

/** Far more than a real group string and pattern need (hundreds to thousands), yet a few tens of milliseconds. */
export const STEPS_PER_MATCH = 1_000_000;
/** What one simulation may spend on all its responses together. */
export const STEPS_PER_SIMULATION = 5_000_000;

export function stepBudget(steps = STEPS_PER_SIMULATION): StepBudget {
  return { remaining: steps };
}

/**
 * `OS_Regex(pattern, subject)` as `dialect` runs it. The pattern is encoded as the document that holds it
 * (a Latin-1 file gives the daemon Latin-1 bytes); the subject, a rule's group string, is UTF-8.
 */
export function osRegexMatch(
  pattern: string,
  subject: string,
  dialect: OsRegexDialect,
  options: { budget?: StepBudget; patternEncoding?: TextEncoding } = {},
): OsRegexResult {
  const budget = options.budget ?? stepBudget(STEPS_PER_MATCH);
  const cap = Math.min(budget.remaining, STEPS_PER_MATCH);
  const steps = { left: cap };
  const result =
    dialect.engine === 'pcre2'
      ? pcre2Matches(cString(pattern), cString(subject), dialect.maxPatternBytes, steps)
      : ownMatcher(pattern, subject, dialect, options.patternEncoding ?? 'utf-8', steps);
  budget.remaining -= cap - Math.max(steps.left, 0);
  return result;
}

function ownMatcher(
  pattern: string,
  subject: string,
  dialect: OsRegexDialect,
  encoding: TextEncoding,
  steps: { left: number },
): OsRegexResult {
  const compiled = compile(bytesUpToNul(encodeText(pattern, encoding)), dialect.maxPatternBytes);
  if ('reason' in compiled) return { outcome: 'refused', reason: compiled.reason };
  const text = padded(bytesUpToNul(new TextEncoder().encode(subject)));
  for (const alternative of compiled.alternatives) {
    const found = matchAlternative(alternative, text, dialect, steps);
    if (found !== 'no-match') return { outcome: found };
  }
  return { outcome: 'no-match' };
}

/** The pattern and subject are C strings to the daemon: they end at the first NUL. */
function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}

function bytesUpToNul(bytes: Uint8Array): Uint8Array {
  const nul = bytes.indexOf(0);
  return nul === -1 ? bytes : bytes.subarray(0, nul);
}

/**
 * The bytes followed by zeros. The C code reads up to three bytes past a string's end in places (an
 * undefined read before Wazuh 3.10 fixed it); the emulation reads them as the end of the string, which
 * is what the fixed versions test.
 */
function padded(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 8);
  out.set(bytes);
  return out;
}

const SAVED_PLACES = 4;
const NUL = 0;
const BACKSLASH = 92;
const OPEN = 40;
const CLOSE = 41;
const BAR = 124;
const CARET = 94;
const DOLLAR = 36;
const PLUS = 43;
const STAR = 42;

/** What follows a backslash, as the compiler numbers it; anything else is refused. */
const ESCAPES: Record<string, number> = {
  d: 1,
  w: 2,
  s: 3,
  p: 4,
  '(': 5,
  ')': 6,
  '\\': 7,
  D: 8,
  W: 9,
  S: 10,
  '.': 11,
  t: 12,
  $: 13,
  '|': 14,
  '<': 15,
};

const isDigit = (c: number) => c >= 48 && c <= 57;
/** `\w`: letters, digits, `-`, `@`, `_` (os_regex_maps.c). */
const isWord = (c: number) =>
  isDigit(c) || (c >= 64 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
/** `\p`: the punctuation os_regex_maps.c lists (no `/`, `@`, `\`, `^`, `_`, `` ` ``, `~`). */
const isPunctuation = (c: number) =>
  (c >= 33 && c <= 46) || (c >= 58 && c <= 63) || c === 91 || c === 93 || (c >= 123 && c <= 125);

/** OSSEC's `\W`: neither a digit, a letter nor `_`, and not DEL. */
const isOssecNonWord = (c: number) =>
  !isDigit(c) && !(c >= 65 && c <= 90) && !(c >= 97 && c <= 122) && c !== 95 && c !== 127;

/** Whether byte `c` is in the class numbered `code` (the daemon's `regexmap`). */
function inClass(code: number, c: number, dialect: OsRegexDialect): boolean {
  switch (code) {
    case 1:
      return isDigit(c);
    case 2:
      return isWord(c);
    case 3:
      return c === 32;
    case 4:
      return isPunctuation(c);
    case 5:
      return c === OPEN;
    case 6:
      return c === CLOSE;
    case 7:
      return c === BACKSLASH;
    case 8:
      return !isDigit(c);
    case 9:
      return dialect.nonWordHoldsDashAndAt ? isOssecNonWord(c) : !isWord(c);
    case 10:
      return c !== 32;
    case 11:
      return true;
    case 12:
      return c === 9;
    case 13:
      return c === DOLLAR;
    case 14:
      return c === BAR;
    case 15:
      return c === 60;
    default:
      return false;
  }
}

/** The daemon's `charmap`: ASCII letters folded to lower case, every other byte as it is. */
const fold = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * A pattern byte against a subject byte. The pattern is held in `char`, which is signed on the x86 servers
 * the manager runs on, and compared with the unsigned `charmap`: a byte from 0x80 up (any non-ASCII
 * character) never equals anything, so such a literal never matches.
 */
const sameByte = (patternByte: number, subjectByte: number) =>
  patternByte < 0x80 && patternByte === fold(subjectByte);
const isRepeat = (c: number) => c === PLUS || c === STAR;

interface Alternative {
  /** The compiled bytes, zero-padded: `\` then a class number, other bytes folded, `)` written as `(`. */
  code: Uint8Array;
  anchoredStart: boolean;
  anchoredEnd: boolean;
}

/** `OSRegex_Compile()` with case-insensitive matching (OS_Regex passes no flags). */
function compile(
  pattern: Uint8Array,
  maxBytes: number,
): { alternatives: Alternative[] } | { reason: string } {
  if (pattern.length > maxBytes) {
    return { reason: `the pattern is longer than the ${maxBytes} bytes the daemon compiles` };
  }
  const code = new Uint8Array(pattern.length);
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === BACKSLASH) {
      const next = pattern[i + 1];
      const number = next === undefined ? undefined : ESCAPES[String.fromCharCode(next)];
      if (number === undefined) {
        return {
          reason:
            next === undefined
              ? 'the pattern ends with a lone backslash'
              : `the daemon knows no \\${String.fromCharCode(next)}`,
        };
      }
      code[i] = BACKSLASH;
      code[i + 1] = number;
      i++;
      continue;
    }
    let byte = c;
    if (c === OPEN) depth++;
    else if (c === CLOSE) {
      byte = OPEN;
      depth--;
    }
    if (depth !== 0 && depth !== 1) return { reason: 'parentheses are nested or closed before they open' };
    if (byte === BAR && depth !== 0) return { reason: 'a | inside parentheses' };
    code[i] = fold(byte);
  }
  if (depth !== 0) return { reason: 'a parenthesis is never closed' };

  const alternatives: Alternative[] = [];
  let start = 0;
  for (let i = 0; i <= code.length; i++) {
    if (i < code.length && code[i] !== BAR) continue;
    let from = start;
    let to = i;
    const anchoredStart = code[from] === CARET && from < to;
    if (anchoredStart) from++;
    const anchoredEnd = to > from && code[to - 1] === DOLLAR;
    if (anchoredEnd) to--;
    alternatives.push({ code: padded(code.subarray(from, to)), anchoredStart, anchoredEnd });
    start = i + 1;
  }
  return { alternatives };
}

/**
 * `_OS_Regex()` for one alternative: the subject is read once from the left; `pattern` and the subject are
 * indexes into zero-padded bytes. Returns `too-complex` when `steps` runs out.
 */
function matchAlternative(
  alternative: Alternative,
  subject: Uint8Array,
  dialect: OsRegexDialect,
  steps: { left: number },
): 'match' | 'no-match' | 'too-complex' {
  const p = alternative.code;
  const s = subject;
  const endsHere = (at: number) => !alternative.anchoredEnd || s[at] === NUL;
  /** Where the match ends so far; null when there is none (the daemon's NULL). */
  let matchEnd: number | null = dialect.matchesBeforeReading ? 0 : null;
  /** Inside a `\x+` or `\x*` that has read at least its first byte (the daemon's `_regex_matched`). */
  let repeating = false;
  /** Where this attempt started, to restart one byte further on (the daemon's `st_error`). */
  let attemptStart: number | null = null;
  /** The four places a repetition could have stopped, to go back to (`pt_error`, `pt_error_str`; -1: free). */
  const savedPattern = new Int32Array(SAVED_PLACES).fill(-1);
  const savedSubject = new Int32Array(SAVED_PLACES);
  let pt = 0;
  let firstStep = dialect.readsFinalNul;

  for (let st = 0; firstStep || s[st] !== NUL; st++) {
    firstStep = false;
    if (--steps.left < 0) return 'too-complex';

    if (p[pt] === NUL) {
      if (endsHere(st)) return matchEnd === null ? 'no-match' : 'match';
    } else if (p[pt] === OPEN) {
      pt++;
      if (p[pt] === NUL && endsHere(st)) return matchEnd === null ? 'no-match' : 'match';
    }

    if (p[pt] === BACKSLASH) {
      if (inClass(p[pt + 1], s[st], dialect)) {
        let next = pt + 2;
        if (!isRepeat(p[next])) {
          pt = next;
          attemptStart ??= st;
          matchEnd = st;
          continue;
        }
        if (p[next] === STAR) repeating = true;
        if (repeating) {
          // Could the repetition stop here? Look at what follows it (past one parenthesis).
          next++;
          if (p[next] === OPEN) next++;
          let skip = -1;
          if (p[next] === NUL) skip = 1;
          else if (p[next] === BACKSLASH) {
            if (inClass(p[next + 1], s[st], dialect)) skip = isRepeat(p[next + 2]) ? 0 : 2;
          } else if (sameByte(p[next], s[st])) {
            repeating = false;
            skip = 1;
          }
          if (skip >= 0) {
            if (p[next] === NUL) continue;
            next += skip;
            const free = savedPattern.indexOf(-1);
            if (free !== -1) {
              savedPattern[free] = pt;
              savedSubject[free] = st;
            }
            pt = next;
          }
        } else {
          repeating = true;
        }
        matchEnd = st;
        continue;
      }
      if ((p[pt + 2] === NUL || p[pt + 3] === NUL) && repeating && matchEnd !== null) {
        // The last repetition of the pattern stops: what it read is the match.
        matchEnd = st;
        if (endsHere(st)) return 'match';
      } else if (p[pt + 2] === PLUS && repeating) {
        pt += 3;
        st--;
        repeating = false;
        continue;
      } else if (p[pt + 2] === STAR) {
        pt += 3;
        st--;
        matchEnd = st;
        repeating = false;
        continue;
      }
      repeating = false;
    } else if (sameByte(p[pt], s[st])) {
      pt++;
      attemptStart ??= st;
      matchEnd = st;
      continue;
    }

    // No match here: go back to the last saved place, or start again one byte after this attempt.
    const back = lastSaved(savedPattern);
    if (back !== -1) {
      pt = savedPattern[back];
      st = savedSubject[back];
      savedPattern[back] = -1;
      continue;
    }
    if (alternative.anchoredStart) return 'no-match';
    if (attemptStart !== null) {
      st = attemptStart;
      attemptStart = null;
    }
    pt = 0;
    matchEnd = null;
  }

  return matchEnd !== null && restAccepts(p, pt, repeating) ? 'match' : 'no-match';
}

function lastSaved(savedPattern: Int32Array): number {
  for (let i = SAVED_PLACES - 1; i >= 0; i--) if (savedPattern[i] !== -1) return i;
  return -1;
}

/**
 * At the end of the subject, whether what is left of the pattern accepts it: nothing (past one
 * parenthesis), a repetition that has read something, or one `\x*` — tested in the daemon's order, each
 * test moving on from where the previous one stopped.
 */
function restAccepts(p: Uint8Array, at: number, repeating: boolean): boolean {
  let q = at;
  const endsHere = () => {
    if (p[q] === OPEN) q++;
    return p[q] === NUL;
  };
  if (endsHere()) return true;
  if (p[q] === BACKSLASH && repeating) {
    q += 2;
    if (isRepeat(p[q])) {
      q++;
      if (endsHere()) return true;
      if (p[q] === BACKSLASH) {
        q += 2;
        if (p[q] === STAR) {
          q++;
          if (endsHere()) return true;
        }
      }
    }
  }
  if (p[q] === BACKSLASH) {
    q += 2;
    if (p[q] === STAR) {
      q++;
      if (endsHere()) return true;
    }
  }
  return false;
}
