/**
 * A large, realistic ossec.conf for the benchmark: the sections a manager file really has, comments,
 * `<localfile><command>` (which is not an AR block), and many `<command>` / `<active-response>` blocks.
 * Deterministic, so every run measures the same text. Comments avoid `--` because xml-js, the
 * reference the figures are compared with, throws on it.
 */

const EXECUTABLES = ['firewall-drop', 'host-deny', 'route-null', 'disable-account', 'restart-wazuh', 'netsh'];
const LOCATIONS = ['local', 'server', 'all', 'defined-agent'];
const GROUPS = ['authentication_failed|authentication_failures', 'sshd|', 'web|attack|', 'syscheck'];

function command(i: number): string {
  const exe = EXECUTABLES[i % EXECUTABLES.length];
  const lines = [
    '  <command>',
    `    <name>${exe}-${i}</name>`,
    `    <executable>${exe}</executable>`,
    `    <timeout_allowed>${i % 3 === 0 ? 'no' : 'yes'}</timeout_allowed>`,
  ];
  if (i % 7 === 0) lines.push('    <extra_args>-v</extra_args>');
  lines.push('  </command>');
  return lines.join('\n');
}

function activeResponse(i: number): string {
  const exe = EXECUTABLES[i % EXECUTABLES.length];
  const location = LOCATIONS[i % LOCATIONS.length];
  const lines = [
    '  <active-response>',
    `    <command>${exe}-${i}</command>`,
    `    <location>${location}</location>`,
  ];
  if (location === 'defined-agent')
    lines.push(`    <agent_id>${String(i % 1000).padStart(3, '0')}</agent_id>`);
  if (i % 3 === 0) lines.push(`    <level>${(i % 15) + 1}</level>`);
  else if (i % 3 === 1) lines.push(`    <rules_id>${5700 + (i % 90)},${31100 + (i % 50)}</rules_id>`);
  else lines.push(`    <rules_group>${GROUPS[i % GROUPS.length]}</rules_group>`);
  if (i % 3 !== 0) lines.push(`    <timeout>${600 + (i % 10) * 60}</timeout>`);
  if (i % 50 === 1) lines.push('    <repeated_offenders>30,60,120</repeated_offenders>');
  lines.push('  </active-response>');
  return lines.join('\n');
}

function otherSections(i: number): string {
  return [
    `  <!-- Section ${i}: log collection and integrity checks for this group of hosts -->`,
    '  <localfile>',
    '    <log_format>full_command</log_format>',
    `    <command>netstat -tulpn | sed 's/\\([[:alnum:]]\\+\\)\\ \\+[[:digit:]]\\+\\ \\+/\\1 /' | sort</command>`,
    `    <alias>netstat listening ports ${i}</alias>`,
    '    <frequency>360</frequency>',
    '  </localfile>',
    '',
    '  <localfile>',
    '    <log_format>syslog</log_format>',
    `    <location>/var/log/app-${i}/auth.log</location>`,
    '  </localfile>',
    '',
    '  <syscheck>',
    '    <frequency>43200</frequency>',
    `    <directories check_all="yes" realtime="yes">/etc,/usr/bin,/srv/app-${i}</directories>`,
    '    <ignore>/etc/mtab</ignore>',
    '  </syscheck>',
  ].join('\n');
}

const HEAD = `<!--
  Wazuh manager configuration, generated for the AR Studio benchmark.
  More info at: https://documentation.wazuh.com
-->

<ossec_config>
  <global>
    <jsonout_output>yes</jsonout_output>
    <alerts_log>yes</alerts_log>
    <logall>no</logall>
    <email_notification>no</email_notification>
    <white_list>127.0.0.1</white_list>
  </global>

  <alerts>
    <log_alert_level>3</log_alert_level>
  </alerts>

  <remote>
    <connection>secure</connection>
    <port>1514</port>
    <protocol>tcp</protocol>
  </remote>
`;

/** `blockCount` AR blocks (half commands, half responses, each response after its command), in one root.
 * One root because xml-js (strict sax) refuses text inside a second root, and the reference must read the same text. */
export function generateConfig(blockCount: number): string {
  const parts = [HEAD];
  const pairs = Math.floor(blockCount / 2);
  for (let i = 0; i < pairs; i++) {
    if (i % 10 === 0) parts.push(otherSections(i), '');
    parts.push(command(i), '', activeResponse(i), '');
  }
  if (blockCount % 2 === 1) parts.push(command(pairs), '');
  parts.push('</ossec_config>', '');
  return parts.join('\n');
}

/** The smallest file of whole command/response pairs (in steps of 100 blocks) at least `bytes` long. */
export function generateConfigOfSize(bytes: number): { text: string; blocks: number } {
  const perBlock = generateConfig(1000).length / 1000;
  let blocks = Math.max(2, Math.floor(bytes / perBlock / 100) * 100);
  let text = generateConfig(blocks);
  while (text.length < bytes) {
    blocks += 100;
    text = generateConfig(blocks);
  }
  return { text, blocks };
}
