import { describe, expect, it } from 'vitest';
import {
  OSSEC_LOCAL_SYSCHECK_LOG,
  OSSEC_SSHD_JSON,
  OSSEC_SSHD_LOG,
  WAZUH_FIM_JSON,
  WAZUH_MANAGER_SUDO_JSON,
  WAZUH_SSHD_GROUPS,
  WAZUH_SSHD_JSON,
  WAZUH_SSHD_LOG,
} from '../test-support/alerts';
import { parseAlert } from './alert-parse';

function read(text: string) {
  const parsed = parseAlert(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe('parseAlert: alerts.json', () => {
  it('reads a Wazuh 4.x line: rule, level, the group string analysisd matched, agent, source IP', () => {
    const { format, input, notes } = read(WAZUH_SSHD_JSON);
    expect(format).toBe('alerts.json (Wazuh)');
    expect(input).toEqual({
      ruleId: '5712',
      level: '10',
      groups: WAZUH_SSHD_GROUPS,
      agent: '001',
      srcip: '203.0.113.7',
      user: '',
      filename: '',
      noAr: false,
    });
    expect(notes.join(' ')).toMatch(/srcuser \(admin\) but no dstuser/);
    expect(notes.join(' ')).toMatch(/rebuilt from rule.groups/);
  });

  it('rebuilds the exact group string of a stock rule that lists its compliance groups after the others', () => {
    expect(read(WAZUH_FIM_JSON).input.groups).toBe(
      'ossec,syscheck,syscheck_entry_modified,syscheck_file,pci_dss_11.5,gpg13_4.11,gdpr_II_5.1.f,hipaa_164.312.c.1,hipaa_164.312.c.2,nist_800_53_SI.7,tsc_PI1.4,tsc_PI1.5,tsc_CC6.1,tsc_CC6.8,tsc_CC7.2,tsc_CC7.3,',
    );
  });

  it('takes the file of a FIM alert and the dstuser of an alert on the manager', () => {
    expect(read(WAZUH_FIM_JSON).input).toMatchObject({
      agent: '002',
      filename: '/etc/passwd',
      ruleId: '550',
    });
    expect(read(WAZUH_MANAGER_SUDO_JSON).input).toMatchObject({ agent: '000', user: 'root', srcip: '' });
  });

  it('reads a document copied from the indexer, and a level left out as 0', () => {
    const source = JSON.parse(WAZUH_SSHD_JSON);
    expect(
      read(JSON.stringify({ _index: 'wazuh-alerts-4.x-2024.05.14', _id: 'x', _source: source })).input.ruleId,
    ).toBe('5712');
    delete source.rule.level;
    const parsed = read(JSON.stringify(source));
    expect(parsed.input.level).toBe('0');
    expect(parsed.notes.join(' ')).toMatch(/no rule.level/);
  });

  it("reads OSSEC's own JSON: sidid, top-level fields, the agent from the location", () => {
    const { format, input } = read(OSSEC_SSHD_JSON);
    expect(format).toBe('alerts.json (OSSEC)');
    expect(input).toMatchObject({
      ruleId: '5712',
      level: '10',
      groups: 'syslog,sshd,authentication_failures,',
      agent: 'web01',
      srcip: '203.0.113.7',
      user: 'admin',
    });
  });

  it('takes the first of several lines, and says what is not an alert', () => {
    const two = read(`${WAZUH_SSHD_JSON}\n${WAZUH_FIM_JSON}\n`);
    expect(two.input.ruleId).toBe('5712');
    expect(two.notes).toContain('Several lines were pasted; the first alert is used.');
    const archive = parseAlert(
      '{"timestamp":"2024-05-14T10:21:33.412+0000","agent":{"id":"001"},"full_log":"x"}',
    );
    expect(archive).toMatchObject({ ok: false, message: expect.stringMatching(/not an alert/) });
    expect(parseAlert('{"rule":')).toMatchObject({ ok: false });
    expect(parseAlert('hello')).toMatchObject({ ok: false, message: expect.stringMatching(/\*\* Alert/) });
    expect(parseAlert('x'.repeat(1_000_001))).toMatchObject({ ok: false });
  });
});

describe('parseAlert: alerts.log', () => {
  it('reads an OSSEC entry from an agent: groups from the header, the agent by name, Src IP and User', () => {
    const { format, input, notes } = read(OSSEC_SSHD_LOG);
    expect(format).toBe('alerts.log');
    expect(input).toEqual({
      ruleId: '5712',
      level: '10',
      groups: 'syslog,sshd,authentication_failures,',
      agent: 'web01',
      srcip: '203.0.113.7',
      user: 'admin',
      filename: '',
      noAr: false,
    });
    expect(notes.join(' ')).toMatch(/names the agent \(web01\), not its ID/);
  });

  it("reads the manager's own syscheck alert, with the file from the message", () => {
    expect(read(OSSEC_LOCAL_SYSCHECK_LOG).input).toMatchObject({
      ruleId: '550',
      level: '7',
      groups: 'ossec,syscheck,',
      agent: '',
      filename: '/etc/passwd',
    });
  });

  it('reads a Wazuh entry: label lines before the rule, a port line before the log', () => {
    const { input } = read(WAZUH_SSHD_LOG);
    expect(input).toMatchObject({
      ruleId: '5712',
      groups: WAZUH_SSHD_GROUPS,
      agent: 'web01',
      srcip: '203.0.113.7',
      user: '',
    });
  });

  it('takes the first of several entries, with CRLF line ends, and tells a broken entry apart', () => {
    const both = read(`${OSSEC_SSHD_LOG}${OSSEC_LOCAL_SYSCHECK_LOG}`.replace(/\n/g, '\r\n'));
    expect(both.input.ruleId).toBe('5712');
    expect(both.notes).toContain('The text holds 2 alerts; the first one is used.');
    expect(parseAlert('** Alert 1715682093.48213: - syslog,\nnot a date')).toMatchObject({ ok: false });
    expect(
      parseAlert('** Alert 1715682093.48213: - syslog,\n2024 May 14 10:21:33 srv->/var/log/x\nno rule'),
    ).toMatchObject({
      ok: false,
    });
  });

  it('reads an agentless entry as the manager', () => {
    const entry = OSSEC_SSHD_LOG.replace(
      '(web01) 10.0.0.21->/var/log/auth.log',
      '(ssh_integrity_check_linux) root@10.0.0.40->syscheck',
    );
    const { input, notes } = read(entry);
    expect(input.agent).toBe('');
    expect(notes.join(' ')).toMatch(/agentless/);
  });
});
