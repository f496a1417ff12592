import type { LocationBits } from '../../derive/analysisd';
import { locationBits } from '../../derive/analysisd';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

const CANONICAL = ['local', 'server', 'defined-agent', 'all'];

function matched(bits: LocationBits): string[] {
  const words: string[] = [];
  if (bits.server) words.push('server');
  if (bits.local) words.push('local');
  if (bits.definedAgent) words.push('defined-agent');
  if (bits.all) words.push('all');
  return words;
}

/**
 * A4: a location the daemon accepts only because its case-insensitive substring searches find a token in
 * it (`LOCAL`, `localhost`, `any`, `company` → all, anything with `as` → server; reference §5.1). Several
 * tokens are merged, but dispatch takes one branch, with the manager first.
 */
export const a4NonCanonicalLocation: Rule = {
  code: 'A4',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const child = lastField(r.block, 'location');
      if (!r.checked || !child || CANONICAL.includes(child.value)) continue;
      const words = matched(locationBits(child.value));
      if (words.length === 0) continue;
      const single = words.length === 1 ? words[0] : undefined;
      found.push(
        diagnostic(ctx, 'A4', {
          severity: 'warning',
          message: single
            ? `'${child.value}' is read as '${single}' only because it contains that token (the daemon searches substrings, ignoring case). Write '${single}'.`
            : `'${child.value}' matches ${words.join(', ')} at once, but the daemon dispatches a response one way only${words[0] === 'server' ? ' (here: on the manager, nothing to agents)' : ''}. Use one of local, server, defined-agent or all per block, and a second block for another place.`,
          block: r.block,
          child,
          fix: single
            ? {
                title: `Set the location to ${single}`,
                ops: [{ op: 'setField', blockIndex: r.block.index, field: 'location', value: single }],
              }
            : undefined,
        }),
      );
    }
    return found;
  },
};
