/**
 * What each 4.x (and OSSEC, Wazuh 3.x) stock script becomes on Wazuh 5.0: the migration guide's "Default
 * scripts" table (`docs/guide/migration/active-response.md@5.0`) and the agent's build
 * (`src/active-response/CMakeLists.txt@5.0`: block-ip and disable-account).
 */

import type { ItemKind } from './types';

export interface ExecutableMapping {
  /** The 5.x executable, or `undefined` when the action left active response. */
  executable?: string;
  kind: ItemKind;
  reason: string;
  text: string;
}

/** The firewall scripts block-ip replaces outright: "one cross-platform executable; backend selection is internal". */
const FIREWALLS = [
  'firewall-drop',
  'default-firewall-drop',
  'firewalld-drop',
  'pf',
  'npf',
  'ipfw',
  'ipfw_mac',
  'netsh',
  'netsh-win-2016',
];
/** The scripts block-ip keeps only as fallbacks: "used when no native firewall is available". */
const FALLBACKS = ['host-deny', 'route-null', 'route-null-2012', 'ip-customblock'];
const RESTARTS = ['restart-wazuh', 'restart-ossec', 'restart'];
const SLACK = ['wazuh-slack', 'ossec-slack'];

/** `firewall-drop.sh`, `netsh.cmd`, `route-null.exe` → the script's name without the extension of its era. */
function stem(executable: string): string {
  return executable.replace(/\.(sh|cmd|exe)$/, '');
}

export function mapExecutable(executable: string): ExecutableMapping {
  const name = stem(executable);
  if (FIREWALLS.includes(name)) {
    return {
      executable: 'block-ip',
      kind: 'exact',
      reason: 'folded-into-block-ip',
      text: `${executable} is folded into block-ip, which picks the host's firewall itself.`,
    };
  }
  if (FALLBACKS.includes(name)) {
    return {
      executable: 'block-ip',
      kind: 'suggestion',
      reason: 'block-ip-fallback',
      text: `${executable} is folded into block-ip, which uses the host's firewall first and falls back to ${name === 'host-deny' ? 'hosts.deny' : 'a null route'} only when there is none: the block may now happen in the firewall.`,
    };
  }
  if (name === 'disable-account' || name === 'block-ip') {
    return {
      executable: name,
      kind: 'exact',
      reason: 'stock-script-kept',
      text: `${executable} ships with 5.0 agents as ${name}.`,
    };
  }
  if (RESTARTS.includes(name)) {
    return {
      kind: 'impossible',
      reason: 'restart-moved-to-control-module',
      text: `${executable} left active response in 5.0: agent restarts belong to the Control Module (PUT /agents/{agent_id}/restart).`,
    };
  }
  if (SLACK.includes(name)) {
    return {
      kind: 'impossible',
      reason: 'slack-removed',
      text: `${executable} is removed in 5.0: send findings to Slack with a Notifications channel (Explore → Notifications → Channels) on a monitor instead.`,
    };
  }
  return {
    executable,
    kind: 'rewrite',
    reason: 'custom-script',
    text: `${executable} is not a 5.0 stock script: install it on the agents and rewrite it for the 5.x standard input (checklist below).`,
  };
}

export const EXECUTABLE_SOURCE = 'wazuh/wazuh docs/guide/migration/active-response.md@5.0 (Default scripts)';
