/**
 * Where each deploy fact was read: a file of the product's own source at the release the target models,
 * and a short verbatim piece of it, so an admin can check the command against the code that runs it.
 */

import type { Product, TargetProfile } from '../targets/target';

export type SourceRepo = 'wazuh/wazuh' | 'ossec/ossec-hids';

export interface Citation {
  repo: SourceRepo;
  /** The tag read (the last patch release of the target's minor version). */
  ref: string;
  path: string;
  /** A verbatim piece of that file (runs of blanks shown as one space) that says what the step relies on. */
  quote: string;
}

export const REPO: Record<Product, SourceRepo> = { ossec: 'ossec/ossec-hids', wazuh: 'wazuh/wazuh' };

/** The tag each target's facts were read at: the newest patch of that minor release. */
const REFS: Record<string, string> = {
  'ossec@2.8': '2.8.1',
  'ossec@3.7': '3.7.0',
  'ossec@4.2': '4.2.0',
  'wazuh@3.0': 'v3.0.0',
  'wazuh@3.1': 'v3.1.0',
  'wazuh@3.2': 'v3.2.4',
  'wazuh@3.3': 'v3.3.1',
  'wazuh@3.4': 'v3.4.0',
  'wazuh@3.5': 'v3.5.0',
  'wazuh@3.6': 'v3.6.1',
  'wazuh@3.7': 'v3.7.2',
  'wazuh@3.8': 'v3.8.2',
  'wazuh@3.9': 'v3.9.5',
  'wazuh@3.10': 'v3.10.2',
  'wazuh@3.11': 'v3.11.5',
  'wazuh@3.12': 'v3.12.3',
  'wazuh@3.13': 'v3.13.6',
  'wazuh@4.0': 'v4.0.4',
  'wazuh@4.1': 'v4.1.5',
  'wazuh@4.2': 'v4.2.7',
  'wazuh@4.3': 'v4.3.11',
  'wazuh@4.4': 'v4.4.5',
  'wazuh@4.5': 'v4.5.4',
  'wazuh@4.6': 'v4.6.0',
  'wazuh@4.7': 'v4.7.5',
  'wazuh@4.8': 'v4.8.2',
  'wazuh@4.9': 'v4.9.2',
  'wazuh@4.10': 'v4.10.4',
  'wazuh@4.11': 'v4.11.2',
  'wazuh@4.12': 'v4.12.0',
  'wazuh@4.13': 'v4.13.1',
  'wazuh@4.14': 'v4.14.7',
  'wazuh@5.0': 'v5.0.0-beta4',
};

/** The source tag for a target; a version without an entry is cited at its `.0` tag. */
export function sourceRef(target: TargetProfile): string {
  const { major, minor } = target.version;
  const known = REFS[`${target.product}@${major}.${minor}`];
  if (known) return known;
  return target.product === 'wazuh' ? `v${major}.${minor}.0` : `${major}.${minor}.0`;
}

/** The file on GitHub at the cited tag. */
export function citationUrl(citation: Citation): string {
  return `https://github.com/${citation.repo}/blob/${citation.ref}/${citation.path}`;
}
