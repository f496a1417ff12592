import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY } from '../testing';

describe('X3 invalid element', () => {
  it('refuses a top-level element other than ossec_config, in either role', () => {
    const text = `${conf(HOST_DENY)}<active-response><command>host-deny</command></active-response>\n`;
    const [d] = findings('X3', text);
    expect(d).toMatchObject({ severity: 'error', line: 4 });
    expect(d.daemonMessage).toBe("(1230): Invalid element in the configuration: 'active-response'.");
    expect(findings('X3', text, 'wazuh@4.14', 'agent')[0].severity).toBe('error');
  });

  it('refuses a block name spelt with a capital or a look-alike hyphen', () => {
    const text = conf(
      '<Command><name>a</name></Command>',
      '<active\u2010response><command>a</command></active\u2010response>',
    );
    expect(findings('X3', text).map((d) => d.daemonMessage)).toEqual([
      "(1230): Invalid element in the configuration: 'Command'.",
      "(1230): Invalid element in the configuration: 'active\u2010response'.",
    ]);
  });

  it('says an agent.conf has no effect, without refusing it', () => {
    expect(
      findings(
        'X3',
        '<agent_config>\n  <active-response><disabled>yes</disabled></active-response>\n</agent_config>\n',
      ),
    ).toMatchObject([{ severity: 'info' }]);
  });

  it('does not fire on several ossec_config roots, or on a fragment', () => {
    expect(findings('X3', conf(HOST_DENY) + conf(HOST_DENY))).toEqual([]);
    expect(findings('X3', HOST_DENY)).toEqual([]);
  });
});

describe('X3 and the Wazuh 5.0 roots', () => {
  const ossec = conf(HOST_DENY);
  const wazuh = ossec.replaceAll('ossec_config', 'wazuh_config');

  it('refuses <ossec_config> on a 5.0 manager and <wazuh_config> on 4.x or a 5.0 agent', () => {
    const [onFive] = findings('X3', ossec, 'wazuh@5.0');
    expect(onFive.daemonMessage).toBe("(1230): Invalid element in the configuration: 'ossec_config'.");
    expect(onFive.message).toContain('reads <wazuh_config>');
    const [onFour] = findings('X3', wazuh, 'wazuh@4.14');
    expect(onFour.message).toContain("root of a Wazuh 5.0 manager's file");
    expect(findings('X3', wazuh, 'wazuh@5.0', 'agent')).toHaveLength(1);
  });

  it('accepts each root where its daemon reads it', () => {
    expect(findings('X3', wazuh, 'wazuh@5.0')).toEqual([]);
    expect(findings('X3', ossec, 'wazuh@5.0', 'agent')).toEqual([]);
  });
});
