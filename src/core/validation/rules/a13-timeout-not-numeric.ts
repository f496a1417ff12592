import { atoi } from '../../derive/c-atoi';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

const isSpace = (ch: string) => /\s/.test(ch);
const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/**
 * The seconds a timeout such as ` +600`, `600s` or `600 s` spells when it spells nothing else (up to nine
 * digits). Read in one pass: a regular expression with a blank run on each side of the optional `s` took
 * quadratic time on a long run of blanks.
 */
function spelledSeconds(value: string): string | undefined {
  let i = 0;
  const skipSpaces = () => {
    while (i < value.length && isSpace(value[i])) i++;
  };
  skipSpaces();
  if (value[i] === '+') i++;
  const start = i;
  while (i < value.length && isDigit(value[i])) i++;
  const digits = value.slice(start, i);
  if (digits.length === 0 || digits.length > 9) return undefined;
  skipSpaces();
  if (value[i] === 's') i++;
  skipSpaces();
  return i === value.length ? digits : undefined;
}

/**
 * A13: a `<timeout>` that is not plain digits goes through `atoi` unchecked: `abc` and an empty value
 * become 0 (stateless), `600s` becomes 600, `-1` is kept, a number past 32 bits wraps. Reference §10
 * calls it an error, but the daemons load it (§13, which wins), so it is a warning.
 */
export const a13TimeoutNotNumeric: Rule = {
  code: 'A13',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const child = lastField(r.block, 'timeout');
      if (!r.checked || !child) continue;
      const read = atoi(child.value);
      if (/^\d+$/.test(child.value) && String(read) === child.value.replace(/^0+(?=\d)/, '')) continue;
      const digits = spelledSeconds(child.value);
      found.push(
        diagnostic(ctx, 'A13', {
          severity: 'warning',
          message:
            read === 0
              ? `<timeout> '${child.value}' is read as 0: the response is never undone.`
              : read < 0
                ? `<timeout> '${child.value}' is read as ${read}: a negative timeout is kept as is and never expires as intended.`
                : `<timeout> '${child.value}' is read as ${read} seconds: write the number of seconds alone.`,
          block: r.block,
          child,
          fix:
            digits !== undefined && digits !== child.value
              ? {
                  title: `Set the timeout to ${Number(digits)}`,
                  ops: [
                    {
                      op: 'setField',
                      blockIndex: r.block.index,
                      field: 'timeout',
                      value: String(Number(digits)),
                    },
                  ],
                }
              : undefined,
        }),
      );
    }
    return found;
  },
};
