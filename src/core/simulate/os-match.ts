/**
 * OSSEC's `OSMatch` (`os_regex/os_match_compile.c`, `os_match_execute.c`): not a regular expression but
 * `|`-separated literal patterns, each searched anywhere in the text, at its start (`^pattern`), at its
 * end (`pattern$`) or as the whole text (`^pattern$`), ignoring ASCII case. An empty pattern matches
 * everything. Wazuh reads a leading `!` as "does not match". Each test is a plain string search, so it is
 * linear in the text whatever the pattern.
 */

/** `charmap[]`: only ASCII letters fold. */
function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

type Test = (text: string) => boolean;

export interface OsMatch {
  negate: boolean;
  /** One alternative is empty (or just `^` or `$`), so every text matches it. */
  matchesEverything: boolean;
  /** Tried in order; the first that matches decides. */
  tests: Test[];
}

/** Compiles a pattern as OSMatch_Compile does; `negation` says whether this version knows the leading `!`. */
export function compileOsMatch(pattern: string, negation: boolean): OsMatch {
  const negate = negation && pattern.startsWith('!');
  const body = foldCase(negate ? pattern.slice(1) : pattern);
  const alternatives = body.split('|');
  const tests = alternatives.map((sub): Test => {
    const begins = sub.startsWith('^');
    const ends = sub.length > 0 && sub.endsWith('$');
    if (begins && ends) {
      const whole = sub.slice(1, -1);
      return (text) => text === whole;
    }
    if (sub.length === 0) return () => true;
    if (ends) {
      const tail = sub.slice(0, -1);
      return (text) => text.endsWith(tail);
    }
    if (begins) {
      const head = sub.slice(1);
      return (text) => text.startsWith(head);
    }
    return (text) => text.includes(sub);
  });
  const matchesEverything = alternatives.some((sub) => sub === '' || sub === '^' || sub === '$');
  return { negate, matchesEverything, tests };
}

/** `OSMatch_Execute`. */
export function osMatch(compiled: OsMatch, text: string): boolean {
  const folded = foldCase(text);
  const hit = compiled.tests.some((test) => test(folded));
  return hit ? !compiled.negate : compiled.negate;
}
