import { atoi } from '../../derive/c-atoi';
import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A7: an `<agent_id>` that does not do what it says. The value goes through `atoi`, so a list (`001,002`)
 * targets its first agent only; with several `<agent_id>` the last wins (wazuh/wazuh#2251); without
 * `defined-agent` in the location it is accepted and ignored (reference §13).
 */
export const a7AgentIdIgnored: Rule = {
  code: 'A7',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const ids = fieldsNamed(r.block, 'agent_id');
      if (!r.checked || ids.length === 0) continue;
      const last = ids[ids.length - 1];
      const report = (message: string, child = last) =>
        found.push(diagnostic(ctx, 'A7', { severity: 'warning', message, block: r.block, child }));
      if (!r.bits.definedAgent) {
        report(`<agent_id> only counts with location defined-agent: here it is ignored.`);
        continue;
      }
      for (const extra of ids.slice(0, -1)) {
        report(`Only the last <agent_id> (${last.value}) is used: this one is ignored.`, extra);
      }
      if (/^\s*\d+\s*[^\d\s]/.test(last.value) || /^\s*\d+\s+\d/.test(last.value)) {
        const first = String(atoi(last.value)).padStart(3, '0');
        report(`<agent_id> '${last.value}' is read as one agent, ${first}: use one block per agent.`);
      }
    }
    return found;
  },
};
