import { arConfEntry, arConfKeyOf } from '../../derive/ar-conf';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { positionAt } from '../../xml/positions';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * H5: two responses whose ar.conf keys (`<name><timeout>`) coincide although they differ, such as
 * `abc1` with timeout 0 and `abc` with timeout 10 (both `abc10`), or two names cut to the same 255 bytes.
 * Agents keep the first usable entry of a key (reference §5.9), so the later response runs the earlier
 * one's script or timeout.
 */
export const h5ArConfKeyCollision: Rule = {
  code: 'H5',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const key = arConfKeyOf(r);
      if (key === undefined) continue;
      const firstResponse = ctx.firstOfArConfKey(key);
      if (!firstResponse || firstResponse === r) continue;
      const line = arConfEntry(r)?.line;
      const first = { line: arConfEntry(firstResponse)?.line, offset: firstResponse.block.start };
      if (first.line === line) continue;
      found.push(
        diagnostic(ctx, 'H5', {
          severity: 'warning',
          message: `This response's ar.conf key '${key}' is also the key of the response on line ${positionAt(ctx.doc.text, first.offset).line} ('${first.line}'): agents keep the first entry, so this one runs that instead.`,
          block: r.block,
          child: lastField(r.block, 'command'),
        }),
      );
    }
    return found;
  },
};
