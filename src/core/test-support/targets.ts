import { parseTarget, type TargetProfile } from '../targets/target';

/**
 * Wazuh 5.0 (beta) as far as version-keyed data is concerned: the deploy facts read only product and
 * version, so they can be checked before the target has a profile of its own.
 */
export const WAZUH_5: TargetProfile = {
  ...parseTarget('wazuh@4.14'),
  id: 'wazuh@5.0',
  version: { major: 5, minor: 0 },
  label: 'Wazuh 5.0 (beta)',
};
