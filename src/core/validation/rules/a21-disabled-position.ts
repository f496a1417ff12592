import type { ResponseModel } from '../../derive/analysisd';
import type { Diagnostic } from '../../model/types';
import { positionAt } from '../../xml/positions';
import { diagnostic, type Rule, type RuleContext } from '../rule';

const LOCAL_AR = 1;
const REMOTE_AR = 2;

/** The queue bits `ReadActiveResponses()` sets for an accepted response. */
function queues(r: ResponseModel): number {
  let bits = 0;
  if (r.bits.server || r.bits.local) bits |= LOCAL_AR;
  if (r.bits.all || r.bits.local || r.bits.definedAgent) bits |= REMOTE_AR;
  return bits;
}

/** The queue a response is dispatched through: the manager's own for server, the agents' otherwise. */
function needed(r: ResponseModel): number {
  return r.bits.server ? LOCAL_AR : REMOTE_AR;
}

function isDisabling(r: ResponseModel): boolean {
  return r.disabled;
}

/**
 * A21: a `disabled` yes block acts on more than itself (reference §5.8, read from the code). The flag it
 * sets is the one that collects the queue bits of the responses read so far, and Wazuh/OSSEC 3+ reset it
 * to 0 afterwards: responses above it lose their queue unless a later response sets it again, and the
 * ones below are not disabled. OSSEC 2.8 never resets it: active response is off for the whole manager.
 */
export const a21DisabledPosition: Rule = {
  code: 'A21',
  scope: 'document',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || !ctx.anyDisabled) return [];
    const { responses } = ctx.model;
    const disabling = responses.filter(isDisabling);
    if (disabling.length === 0) return [];
    const others = responses.filter((r) => !isDisabling(r) && r.outcome !== 'offenders-only');
    const lineOf = (r: ResponseModel) => positionAt(ctx.doc.text, r.block.start).line;
    if (ctx.target.disabledSkipsLaterBlocks) {
      if (others.length === 0) return [];
      return [
        diagnostic(ctx, 'A21', {
          severity: 'warning',
          message: `${ctx.target.label} never clears the disabled flag: this block turns active response off for the whole manager, including the responses on line ${others.map(lineOf).join(', ')}.`,
          block: disabling[0].block,
        }),
      ];
    }
    let flag = 0;
    for (const r of responses) {
      if (isDisabling(r)) flag = 0;
      else if (r.outcome === 'accepted') flag |= queues(r);
    }
    const last = disabling[disabling.length - 1];
    const lost = responses.filter(
      (r) => r.outcome === 'accepted' && r.block.index < last.block.index && (flag & needed(r)) === 0,
    );
    if (lost.length === 0) return [];
    return [
      diagnostic(ctx, 'A21', {
        severity: 'info',
        message: `A disabled block also clears what the responses above it set up, and nothing below sets it again: the response${lost.length === 1 ? '' : 's'} on line ${lost.map(lineOf).join(', ')} may never be sent. Put disabled blocks before the responses, or at the end only to switch everything off.`,
        block: last.block,
      }),
    ];
  },
};
