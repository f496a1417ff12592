/**
 * OSSEC's own regular expressions (`os_regex`), as `rules_group` is matched with them: searched anywhere,
 * case-insensitively, `|` between alternatives, `^`/`$` anchors, and backslash classes that a `+` or `*`
 * may follow. Any other character is literal, the dot included.
 */

const CLASSES: Record<string, string> = {
  w: '[A-Za-z0-9@_-]',
  W: '[^A-Za-z0-9@_-]',
  d: '[0-9]',
  D: '[^0-9]',
  s: ' ',
  S: '[^ ]',
  t: '\\t',
  p: '[()*+,\\-.:;<=>?[\\]!"\'#$%&|{}]',
  '.': '[\\s\\S]',
};

function literal(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** The equivalent JavaScript pattern, or null when the expression is one os_regex would refuse. */
export function osRegexToRegExp(pattern: string): RegExp | null {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return null;
      i++;
      source += CLASSES[next] ?? literal(next);
      const modifier = pattern[i + 1];
      if (modifier === '+' || modifier === '*') {
        source += modifier;
        i++;
      }
    } else if (ch === '|') {
      source += '|';
    } else if (ch === '^' && (i === 0 || pattern[i - 1] === '|')) {
      source += '^';
    } else if (ch === '$' && (i === pattern.length - 1 || pattern[i + 1] === '|')) {
      source += '$';
    } else if (ch === '(' || ch === ')') {
      source += ch === '(' ? '(?:' : ')';
    } else {
      source += literal(ch);
    }
  }
  try {
    return new RegExp(source, 'i');
  } catch {
    return null;
  }
}
