import type { Diagnostic } from '../../model/types';
import { readWhiteList } from '../../simulate/white-list';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * G1: a `<global>` white-list entry the manager refuses (reference §5.9b): an entry that passes the
 * version's address expression but not `OS_IsValidIP()` (1237), a name pattern OSMatch cannot compile
 * (1450), or `<allow_list>` where `Read_Global()` knows only `<white_list>` (1230). Each stops analysisd.
 */
export const g1WhiteListRefused: Rule = {
  code: 'G1',
  scope: 'document',
  outsideBlocks: true,
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || ctx.doc.shape !== 'config') return [];
    const list = readWhiteList(ctx.doc, ctx.target);
    const refused = list.refused.map((entry) =>
      diagnostic(ctx, 'G1', {
        severity: 'error',
        message: `The manager does not start: it cannot read <${entry.element}>${entry.value}</${entry.element}> as ${
          entry.daemonMessage?.includes('1237')
            ? `an address (${ctx.target.label} ${readerRule(ctx)})`
            : 'a name pattern (too long to compile)'
        }.`,
        daemonMessage: entry.daemonMessage,
        offset: entry.offset,
        endOffset: entry.endOffset,
      }),
    );
    const unknown = list.unknown.map((entry) =>
      diagnostic(ctx, 'G1', {
        severity: 'error',
        message: `${ctx.target.label} knows <white_list> only: <${entry.element}> is an unknown element in <global>, and the manager does not start. Rename it <white_list>.`,
        daemonMessage: invalidElement(ctx.target, 'analysisd', entry.element),
        offset: entry.offset,
        endOffset: entry.endOffset,
      }),
    );
    return [...refused, ...unknown];
  },
};

function readerRule(ctx: RuleContext): string {
  switch (ctx.target.whiteList.addresses) {
    case 'inet-pton':
      return 'takes four octets of 0–255 without leading zeros, then a prefix of 0–32 or a dotted mask';
    case 'getaddrinfo':
      return 'takes an IPv4 or IPv6 address, then a prefix of at most 3 digits within the address size';
    default:
      return 'takes four dotted numbers, then a prefix of 0–32 or a dotted mask; 0.0.0.0 needs a prefix';
  }
}
