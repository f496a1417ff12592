/**
 * What each product generation ships: the stock `<command>` blocks of its install templates and the
 * scripts it installs in `active-response/bin` (reference §7), and the fixed lines analysisd writes to
 * ar.conf before the file's own (§5.9).
 */

export type ScriptGeneration = 'ossec' | 'wazuh3' | 'wazuh42' | 'wazuh50';

export interface StockCommand {
  name: string;
  executable: string;
  /** `undefined`: the template has no `<expect>` (Wazuh 4.2+); `''`: an empty `<expect></expect>`. */
  expect?: string;
  timeoutAllowed: boolean;
}

const OSSEC_COMMANDS: StockCommand[] = [
  { name: 'host-deny', executable: 'host-deny.sh', expect: 'srcip', timeoutAllowed: true },
  { name: 'firewall-drop', executable: 'firewall-drop.sh', expect: 'srcip', timeoutAllowed: true },
  { name: 'disable-account', executable: 'disable-account.sh', expect: 'user', timeoutAllowed: true },
  { name: 'restart-ossec', executable: 'restart-ossec.sh', expect: '', timeoutAllowed: false },
  { name: 'route-null', executable: 'route-null.sh', expect: 'srcip', timeoutAllowed: true },
];

const WAZUH3_COMMANDS: StockCommand[] = [
  { name: 'disable-account', executable: 'disable-account.sh', expect: 'user', timeoutAllowed: true },
  { name: 'restart-ossec', executable: 'restart-ossec.sh', expect: '', timeoutAllowed: false },
  { name: 'firewall-drop', executable: 'firewall-drop.sh', expect: 'srcip', timeoutAllowed: true },
  { name: 'host-deny', executable: 'host-deny.sh', expect: 'srcip', timeoutAllowed: true },
  { name: 'route-null', executable: 'route-null.sh', expect: 'srcip', timeoutAllowed: true },
  { name: 'win_route-null', executable: 'route-null.cmd', expect: 'srcip', timeoutAllowed: true },
  { name: 'win_route-null-2012', executable: 'route-null-2012.cmd', expect: 'srcip', timeoutAllowed: true },
  { name: 'netsh', executable: 'netsh.cmd', expect: 'srcip', timeoutAllowed: true },
  { name: 'netsh-win-2016', executable: 'netsh-win-2016.cmd', expect: 'srcip', timeoutAllowed: true },
];

const WAZUH42_COMMANDS: StockCommand[] = [
  { name: 'disable-account', executable: 'disable-account', timeoutAllowed: true },
  { name: 'restart-wazuh', executable: 'restart-wazuh', timeoutAllowed: false },
  { name: 'firewall-drop', executable: 'firewall-drop', timeoutAllowed: true },
  { name: 'host-deny', executable: 'host-deny', timeoutAllowed: true },
  { name: 'route-null', executable: 'route-null', timeoutAllowed: true },
  { name: 'win_route-null', executable: 'route-null.exe', timeoutAllowed: true },
  { name: 'netsh', executable: 'netsh.exe', timeoutAllowed: true },
];

/**
 * Wazuh 5.0 agents install compiled block-ip (Unix, macOS, Windows) and disable-account
 * (`src/active-response/CMakeLists.txt@5.0`, `docs/ref/modules/active-response/executables.md`); the manager
 * defines no commands at all.
 */
const WAZUH50_SCRIPTS = ['block-ip', 'disable-account'];

const OSSEC_SCRIPTS = [
  'host-deny.sh',
  'firewall-drop.sh',
  'firewalld-drop.sh',
  'nftables-drop.sh',
  'disable-account.sh',
  'restart-ossec.sh',
  'route-null.sh',
  'ip-customblock.sh',
  'cloudflare-ban.sh',
  'ossec-slack.sh',
  'ossec-tweeter.sh',
  'ossec-pagerduty.sh',
  'ossec-aws-waf.sh',
  'pf.sh',
  'ipfw.sh',
  'ipfw_mac.sh',
  'npf.sh',
  'route-null.cmd',
  'netsh.cmd',
  'firewall-drop.cmd',
  'restart-ossec.cmd',
];

const WAZUH3_SCRIPTS = [
  'disable-account.sh',
  'firewall-drop.sh',
  'firewalld-drop.sh',
  'host-deny.sh',
  'ip-customblock.sh',
  'kaspersky.sh',
  'kaspersky.py',
  'ossec-slack.sh',
  'ossec-tweeter.sh',
  'restart-ossec.sh',
  'restart.sh',
  'route-null.sh',
  'ipfw.sh',
  'ipfw_mac.sh',
  'npf.sh',
  'pf.sh',
  'route-null.cmd',
  'route-null-2012.cmd',
  'netsh.cmd',
  'netsh-win-2016.cmd',
  'restart-ossec.cmd',
];

const WAZUH42_SCRIPTS = [
  'disable-account',
  'firewall-drop',
  'firewalld-drop',
  'host-deny',
  'ip-customblock',
  'ipfw',
  'npf',
  'pf',
  'route-null',
  'restart-wazuh',
  'restart.sh',
  'wazuh-slack',
  'kaspersky',
  'kaspersky.py',
  'netsh.exe',
  'route-null.exe',
  'restart-wazuh.exe',
];

/** The same script before and after Wazuh 4.2 compiled the scripts and dropped their extensions. */
const RENAMED_AT_42: ReadonlyArray<readonly [string, string]> = [
  ['disable-account.sh', 'disable-account'],
  ['firewall-drop.sh', 'firewall-drop'],
  ['firewalld-drop.sh', 'firewalld-drop'],
  ['host-deny.sh', 'host-deny'],
  ['ip-customblock.sh', 'ip-customblock'],
  ['route-null.sh', 'route-null'],
  ['pf.sh', 'pf'],
  ['ipfw.sh', 'ipfw'],
  ['npf.sh', 'npf'],
  ['kaspersky.sh', 'kaspersky'],
  ['ossec-slack.sh', 'wazuh-slack'],
  ['restart-ossec.sh', 'restart-wazuh'],
  ['restart-ossec.cmd', 'restart-wazuh.exe'],
  ['route-null.cmd', 'route-null.exe'],
  ['netsh.cmd', 'netsh.exe'],
];

const BUILTIN_OSSEC = ['restart-ossec0 - restart-ossec.sh - 0', 'restart-ossec0 - restart-ossec.cmd - 0'];
const BUILTIN_WAZUH42 = [
  ...BUILTIN_OSSEC,
  'restart-wazuh0 - restart-ossec.sh - 0',
  'restart-wazuh0 - restart-ossec.cmd - 0',
  'restart-wazuh0 - restart-wazuh - 0',
  'restart-wazuh0 - restart-wazuh.exe - 0',
];

export const STOCK_COMMANDS: Record<ScriptGeneration, readonly StockCommand[]> = {
  ossec: OSSEC_COMMANDS,
  wazuh3: WAZUH3_COMMANDS,
  wazuh42: WAZUH42_COMMANDS,
  wazuh50: [],
};

export const STOCK_SCRIPTS: Record<ScriptGeneration, readonly string[]> = {
  ossec: OSSEC_SCRIPTS,
  wazuh3: WAZUH3_SCRIPTS,
  wazuh42: WAZUH42_SCRIPTS,
  wazuh50: WAZUH50_SCRIPTS,
};

export const BUILTIN_AR_CONF: Record<ScriptGeneration, readonly string[]> = {
  ossec: BUILTIN_OSSEC,
  wazuh3: BUILTIN_OSSEC,
  wazuh42: BUILTIN_WAZUH42,
  wazuh50: [],
};

/**
 * The name a script has in `generation` when `executable` is the stock name of the same script in the
 * other generation (`firewall-drop.sh` on Wazuh 4.2+ is `firewall-drop`), or `undefined`.
 */
export function stockRename(executable: string, generation: ScriptGeneration): string | undefined {
  const scripts = STOCK_SCRIPTS[generation];
  if (scripts.includes(executable)) return undefined;
  for (const [before, after] of RENAMED_AT_42) {
    if (generation === 'wazuh42' && executable === before) return after;
    if (generation !== 'wazuh42' && executable === after && scripts.includes(before)) return before;
  }
  return undefined;
}
