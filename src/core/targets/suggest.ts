/**
 * When a file's root says it was written for another generation than the selected target (reference wazuh5
 * §5: `<wazuh_config>` is a 5.x manager's, `<ossec_config>` a 4.x or older file or a 5.x agent's), the
 * target to suggest instead.
 */

import type { ConfigDocument } from '../model/types';
import { type RoleOption, resolveRole } from './role';
import { DEFAULT_TARGET, parseTarget, type TargetId, type TargetProfile } from './target';

export interface TargetSuggestion {
  to: TargetId;
  label: string;
  why: string;
  /** The file holds 4.x responses that 5.0 ignores: the migration view is the way forward. */
  migrate: boolean;
}

const FIVE = 'wazuh@5.0';

export function suggestTarget(
  doc: ConfigDocument,
  target: TargetProfile,
  role: RoleOption,
): TargetSuggestion | null {
  const roots = new Set(doc.topLevel.map((top) => top.name));
  const five = parseTarget(FIVE);
  if (roots.has('wazuh_config') && !roots.has('ossec_config') && target.responsesFrom === 'xml') {
    return {
      to: five.id,
      label: five.label,
      why: `This is a Wazuh 5.0 manager's file (its root is <wazuh_config>), which ${target.label} would refuse.`,
      migrate: false,
    };
  }
  if (
    roots.has('ossec_config') &&
    target.responsesFrom === 'indexer' &&
    resolveRole(doc, role) === 'manager'
  ) {
    const four = parseTarget(DEFAULT_TARGET);
    return {
      to: four.id,
      label: four.label,
      why: `This manager file has an <ossec_config> root: it was written for 4.x or OSSEC, and ${target.label} refuses it.`,
      migrate: doc.blocks.some((b) => b.inConfigRoot),
    };
  }
  return null;
}
