import { describe, expect, it } from 'vitest';
import { applyOps } from '../../model/edit';
import { readDocument } from '../../model/read';
import { checkSnippet, conf, findings, HOST_DENY, response } from '../testing';
import { validate } from '../validate';

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

  const agentConf =
    '<agent_config>\n  <active-response><disabled>yes</disabled></active-response>\n</agent_config>\n';

  it('says an agent.conf has no effect when the role is read from the file', () => {
    expect(findings('X3', agentConf, 'wazuh@4.14', 'auto')).toMatchObject([{ severity: 'info' }]);
  });

  it("refuses an <agent_config> root as a manager's or an agent's ossec.conf, as ReadConfig() does", () => {
    const [manager] = findings('X3', agentConf, 'wazuh@4.14', 'manager');
    expect(manager).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(manager.daemonMessage).toBe("(1230): Invalid element in the configuration: 'agent_config'.");
    expect(findings('X3', agentConf, 'ossec@3.7', 'agent')[0].daemonMessage).toBe(
      "ossec-agentd(1230): ERROR: Invalid element in the configuration: 'agent_config'.",
    );
  });

  it('refuses a file without an <ossec_config> root at its first element, and says how to read a snippet', () => {
    const text = `<!-- my blocks -->\n${HOST_DENY}\n${response({ command: 'host-deny', location: 'local', level: '7' })}\n`;
    const found = findings('X3', text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 2, column: 1 });
    expect(found[0].daemonMessage).toBe("(1230): Invalid element in the configuration: 'command'.");
    expect(found[0].message).toContain('check it with --fragment');
    const page = validate(readDocument(text), { snippetAdvice: 'add it as a snippet' });
    expect(page.find((d) => d.code === 'X3')?.message).toContain('add it as a snippet.');
    // Its one-click fix reads the same text as a snippet: nothing is refused then.
    const asSnippet = applyOps(readDocument(text), found[0].fix?.ops ?? []);
    expect(asSnippet.text).toBe(text);
    expect(validate(asSnippet).filter((d) => d.severity === 'error')).toEqual([]);
    // Sections without a root, as pasted from an ossec.conf, are refused at the first one.
    const sections = '<alerts><log_alert_level>3</log_alert_level></alerts>\n<remote/>\n';
    expect(findings('X3', sections).map((d) => d.daemonMessage)).toEqual([
      "(1230): Invalid element in the configuration: 'alerts'.",
    ]);
  });

  it('accepts an empty file, one with only comments or text, and skips `var` at the top level', () => {
    for (const text of ['', '\n', '<!-- nothing -->\n', 'just text\n', '<var name="x">1</var>\n']) {
      expect(findings('X3', text)).toEqual([]);
    }
    expect(findings('X3', `<VAR name="x">1</VAR>\n${conf(HOST_DENY)}`)).toEqual([]);
  });

  it('does not fire on several ossec_config roots, or on a snippet', () => {
    expect(findings('X3', conf(HOST_DENY) + conf(HOST_DENY))).toEqual([]);
    expect(checkSnippet(HOST_DENY).filter((d) => d.code === 'X3')).toEqual([]);
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
