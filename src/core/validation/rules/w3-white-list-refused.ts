import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { readOsXml } from '../../xml/os-xml';
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
  check(ctx: RuleContext): Diagnostic[] {
    const { doc } = ctx;
    const found: Diagnostic[] = [];
    for (const root of doc.topLevel) {
      if (root.name !== ctx.target.roots.manager) continue;
      for (const section of root.children) {
        if (section.name !== 'global' || section.childCount === 0) continue;
        // The document keeps sections, not what they hold: read this one's children again.
        const scan = readOsXml(doc.text.slice(section.start, section.end));
        for (const child of scan.roots[0]?.children ?? []) {
          if (child.name !== 'white_list') continue;
          found.push(
            diagnostic(ctx, 'W3', {
              severity: 'error',
              message: `${ctx.target.label} refuses <white_list> in <global>: its Read_Global() accepts only agents_disconnection_time and agents_disconnection_alert_time, and remoted and monitord stop on anything else (the migration guide's "silently ignored" does not match the source). 5.0 has no active-response whitelist: exclude these addresses in the monitor's query, and delete the element.`,
              daemonMessage: invalidElement(ctx.target, 'analysisd', 'white_list'),
              offset: section.start + child.start,
              endOffset: section.start + child.end,
              see: 'migration',
            }),
          );
        }
      }
    }
    return found;
  },
};
