import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** Words that name a field of the alert rather than a value: `srcip`, `dest_ip`, `dstuser`, `filename`. */
const ALERT_FIELD =
  /^(?:(?:src|dst|dest|source|destination)_?(?:ip|user|port)|user(?:name)?|filename|agent_?id)$/i;

/**
 * H6: `<extra_args>` holding the name of an alert field, written as if it were `<expect>` (a real mistake
 * in the corpus: `<extra_args>srcip</extra_args>`). The manager passes extra_args to the script word for
 * word (split on blanks), so the script gets the word, never the alert's value (reference §5.5).
 */
export const h6ExtraArgsField: Rule = {
  code: 'H6',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    const input = ctx.target.scriptInput;
    if (ctx.role !== 'manager' || input === 'argv') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      for (const child of fieldsNamed(block, 'extra_args')) {
        const words = child.value.split(/\s+/).filter((word) => ALERT_FIELD.test(word));
        if (words.length === 0) continue;
        const named = words.map((w) => `'${w}'`).join(', ');
        found.push(
          diagnostic(ctx, 'H6', {
            severity: 'info',
            message:
              input === 'json'
                ? `<extra_args> passes ${named} to the script as ${words.length === 1 ? 'a word' : 'words'}, not the alert's value: on ${ctx.target.label} the script reads the whole alert, that field included, as JSON on its standard input.`
                : `<extra_args> passes ${named} to the script as ${words.length === 1 ? 'a word' : 'words'}, not the alert's value: the script gets the source IP, user and file name as its own arguments when <expect> lists them.`,
            block,
            child,
          }),
        );
      }
    }
    return found;
  },
};
