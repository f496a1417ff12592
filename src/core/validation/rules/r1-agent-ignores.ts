import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

const EXECD_READS = new Set(['disabled', 'repeated_offenders', 'ca_store', 'ca_verification']);

/**
 * R1: in an agent's ossec.conf only execd (and, from Wazuh 4.1, the agent-upgrade module) reads
 * `<active-response>`, and only `disabled`, `repeated_offenders` and the `ca_*` settings (reference §2).
 * Commands and triggers written there are not validated and have no effect: agents learn commands from
 * the manager's shared ar.conf.
 */
export const r1AgentIgnores: Rule = {
  code: 'R1',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'agent') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.children.length === 0) continue;
      const ignored =
        block.kind === 'command' ? block.children : block.children.filter((c) => !EXECD_READS.has(c.name));
      if (ignored.length === 0) continue;
      found.push(
        diagnostic(ctx, 'R1', {
          severity: 'info',
          message:
            block.kind === 'command'
              ? "An agent does not read <command> from its ossec.conf: it runs what the manager's ar.conf lists. Define commands in the manager's file."
              : `An agent's execd only reads disabled and repeated_offenders here: ${ignored.map((c) => `<${c.name}>`).join(', ')} ${ignored.length === 1 ? 'has' : 'have'} no effect. Responses belong in the manager's file.`,
          block,
        }),
      );
    }
    return found;
  },
};
