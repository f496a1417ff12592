import { whiteListEntries } from '../../derive/white-list';
import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * W3: `<white_list>` in `<global>` on a Wazuh 5.0 manager. The migration guide says the 4.x active-response
 * whitelist "is silently ignored", but the 5.0 source refuses it: `Read_Global()`
 * (`src/config/src/global-config.c@5.0`) accepts only agents_disconnection_time and
 * agents_disconnection_alert_time and answers anything else with (1230), and remoted and monitord both read
 * `<global>` at start (`ReadConfig(CGLOBAL, …)`). The source is what runs, so this is an error.
 */
export const w3WhiteListRefused: Rule = {
  code: 'W3',
  scope: 'document',
  outsideBlocks: true,
  check(ctx: RuleContext): Diagnostic[] {
    return whiteListEntries(ctx.doc, ctx.target.roots.manager).map(({ element }) =>
      diagnostic(ctx, 'W3', {
        severity: 'error',
        message: `${ctx.target.label} refuses <white_list> in <global>: its Read_Global() accepts only agents_disconnection_time and agents_disconnection_alert_time, and remoted and monitord stop on anything else (the migration guide's "silently ignored" does not match the source). 5.0 has no active-response whitelist: exclude these addresses in the monitor's query, and delete the element.`,
        daemonMessage: invalidElement(ctx.target, 'analysisd', 'white_list'),
        offset: element.start,
        endOffset: element.end,
        see: 'migration',
      }),
    );
  },
};
