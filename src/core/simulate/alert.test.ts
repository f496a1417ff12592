import { describe, expect, it } from 'vitest';
import { toProfile } from '../targets/target';
import { type AlertInput, EMPTY_ALERT_INPUT, fromManager, readAlertInput } from './alert';

const wazuh = toProfile('wazuh@4.14');
const input = (fields: Partial<AlertInput>): AlertInput => ({
  ...EMPTY_ALERT_INPUT,
  ruleId: '5712',
  level: '10',
  groups: 'syslog,sshd,authentication_failures,',
  ...fields,
});
const problemsOf = (fields: Partial<AlertInput>, target = wazuh) =>
  readAlertInput(input(fields), target).problems.map((p) => [p.field, p.severity]);

describe('readAlertInput', () => {
  it('turns valid text into an alert', () => {
    const { alert, problems } = readAlertInput(
      input({ agent: '001', srcip: '203.0.113.7', noAr: true }),
      wazuh,
    );
    expect(problems).toEqual([]);
    expect(alert).toMatchObject({
      ruleId: 5712,
      level: 10,
      agentId: '001',
      srcip: '203.0.113.7',
      noAr: true,
    });
    expect(alert && fromManager(alert)).toBe(false);
  });

  it('names a wrong rule ID, level or agent as an error and gives no alert', () => {
    for (const [fields, field] of [
      [{ ruleId: '' }, 'ruleId'],
      [{ ruleId: '57x2' }, 'ruleId'],
      [{ ruleId: '1000000' }, 'ruleId'],
      [{ level: '17' }, 'level'],
      [{ level: '-1' }, 'level'],
      [{ level: '' }, 'level'],
      [{ agent: '1' }, 'agent'],
      [{ agent: 'web 01' }, 'agent'],
      [{ agent: '.hidden' }, 'agent'],
    ] as const) {
      const { alert, problems } = readAlertInput(input(fields), wazuh);
      expect(alert, JSON.stringify(fields)).toBeNull();
      expect(problems.map((p) => [p.field, p.severity])).toEqual([[field, 'error']]);
    }
    expect(readAlertInput(input({ agent: '1' }), wazuh).problems[0].message).toMatch(/001, not 1/);
  });

  it('takes levels 0 and 16, agent IDs of three digits or more, agent names, and the manager', () => {
    for (const fields of [
      { level: '0' },
      { level: '16' },
      { agent: '000' },
      { agent: '1024' },
      { agent: 'web-01.lan' },
      { agent: '' },
    ])
      expect(problemsOf(fields), JSON.stringify(fields)).toEqual([]);
    const byName = readAlertInput(input({ agent: 'web01' }), wazuh).alert;
    expect(byName).toMatchObject({ agentName: 'web01', agentId: undefined });
    const manager = readAlertInput(input({ agent: '000' }), wazuh).alert;
    expect(manager && fromManager(manager)).toBe(true);
  });

  it('warns about a group string analysisd never builds', () => {
    expect(problemsOf({ groups: 'syslog,sshd' })).toEqual([['groups', 'warning']]);
    expect(problemsOf({ groups: 'sshd|syslog,' })).toEqual([['groups', 'warning']]);
    expect(problemsOf({ groups: 'syslog, sshd,' })).toEqual([['groups', 'warning']]);
    expect(problemsOf({ groups: '' })).toEqual([]);
  });

  it('checks the source IP as the target reads it', () => {
    expect(problemsOf({ srcip: '2001:db8::1' })).toEqual([]);
    expect(problemsOf({ srcip: '::ffff:10.0.0.1' })).toEqual([]);
    expect(problemsOf({ srcip: '10.1' })).toEqual([['srcip', 'warning']]);
    expect(problemsOf({ srcip: '10.1' }, toProfile('wazuh@4.3'))).toEqual([]);
    expect(problemsOf({ srcip: 'attacker.example' }, toProfile('wazuh@4.3'))[0]).toEqual([
      'srcip',
      'warning',
    ]);
    expect(
      readAlertInput(input({ srcip: 'attacker.example' }), toProfile('wazuh@4.3')).problems[0].message,
    ).toMatch(/255\.255\.255\.255/);
    expect(problemsOf({ srcip: '1.2.3.4;rm' })).toEqual([['srcip', 'warning']]);
    expect(problemsOf({ user: 'root`id`' })).toEqual([['user', 'warning']]);
    // A warning still gives an alert: the daemon meets such values.
    expect(readAlertInput(input({ srcip: '1.2.3.4;rm' }), wazuh).alert?.srcip).toBe('1.2.3.4;rm');
  });
});
