import type { ConfigDocument } from '../model/types';

/**
 * Whose ossec.conf this is. A manager (or a local install) runs analysisd, which validates every
 * `<command>` and `<active-response>`; an agent runs execd only, which reads `disabled` and
 * `repeated_offenders` (reference §2).
 */
export type Role = 'manager' | 'agent';
export type RoleOption = Role | 'auto';

export const ROLES: readonly RoleOption[] = ['auto', 'manager', 'agent'];

/** `auto`: a file with a `<client>` section inside an `<ossec_config>` root is an agent's (DESIGN §4). */
export function resolveRole(doc: ConfigDocument, role: RoleOption = 'auto'): Role {
  if (role !== 'auto') return role;
  // Looking through an edited document's sections builds every one of them (they are moved lazily): a
  // text without the tag's name at all is settled by one scan.
  if (!doc.text.includes('client')) return 'manager';
  const hasClient = doc.topLevel.some(
    (root) => root.name === 'ossec_config' && root.children.some((child) => child.name === 'client'),
  );
  return hasClient ? 'agent' : 'manager';
}
