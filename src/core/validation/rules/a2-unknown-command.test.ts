import { describe, expect, it } from 'vitest';
import { applyOps } from '../../model/edit';
import { readDocument } from '../../model/read';
import { check, checkSnippet, command, conf, findings, HOST_DENY, response } from '../testing';

describe('A2 unknown command', () => {
  it('refuses an undefined command and offers the closest defined name', () => {
    const text = conf(
      command({ name: 'firewall-drop', executable: 'firewall-drop', timeout_allowed: 'yes' }),
      response({ command: 'firewall-block', location: 'all', level: '7' }),
    );
    const [d] = findings('A2', text);
    expect(d).toMatchObject({ severity: 'error', blockIndex: 1, field: 'command' });
    expect(d.daemonMessage).toBe("(1303): Invalid command 'firewall-block' in the active response.");
    expect(findings('A2', text, 'ossec@3.7')[0].daemonMessage).toBe(
      "ossec-analysisd(1303): ERROR: Invalid command 'firewall-block' in the active response.",
    );
    expect(d.fix?.ops).toEqual([{ op: 'setField', blockIndex: 1, field: 'command', value: 'firewall-drop' }]);
  });

  it('refuses a command defined below, even in a later root, and offers to move it up', () => {
    const text = conf(response({ command: 'host-deny', location: 'local', level: '7' })) + conf(HOST_DENY);
    const [d] = findings('A2', text);
    expect(d.message).toContain('defined below');
    expect(d.fix?.ops).toEqual([{ op: 'moveBlock', blockIndex: 1, toIndex: 0 }]);
    const fixed = applyOps(readDocument(text), d.fix?.ops ?? []);
    expect(check(fixed.text).filter((x) => x.code === 'A2')).toEqual([]);
  });

  it('moves in a definition that stands outside <ossec_config> rather than inventing one', () => {
    const stray = command({ name: 'notify', executable: 'notify-slack.py', timeout_allowed: 'no' });
    for (const text of [
      `${stray}\n${conf(response({ command: 'notify', location: 'server', rules_id: '1' }))}`,
      `${conf(response({ command: 'notify', location: 'server', rules_id: '1' }))}${stray}\n`,
    ]) {
      const [d] = findings('A2', text);
      expect(d.message).toMatch(/^'notify' is defined on line \d+, outside <ossec_config>/);
      expect(d.fix?.title).toBe("Move the 'notify' command above this response");
      const fixed = applyOps(readDocument(text), d.fix?.ops ?? []);
      expect(fixed.text).toContain('<executable>notify-slack.py</executable>');
      expect(check(fixed.text).filter((x) => x.severity === 'error')).toEqual([]);
    }
  });

  it('offers to create a command nothing resembles', () => {
    const [d] = findings(
      'A2',
      conf(response({ command: 'notify-slack', location: 'server', rules_id: '1' })),
    );
    expect(d.fix?.ops[0]).toMatchObject({ op: 'insertBlock', before: 0 });
  });

  it('uses the first definition above: a name given twice, the second inside, still resolves', () => {
    expect(
      findings('A2', conf(HOST_DENY, response({ command: 'host-deny', location: 'local', level: '7' }))),
    ).toEqual([]);
  });

  it('is not checked for a disabled block, nor for a dropped agent-0 block on Wazuh 4.3+', () => {
    expect(findings('A2', conf(response({ disabled: 'yes', command: 'nope', location: 'local' })))).toEqual(
      [],
    );
    const zero = conf(response({ command: 'nope', location: 'defined-agent', agent_id: '0', level: '3' }));
    expect(findings('A2', zero, 'wazuh@4.3')).toEqual([]);
    expect(findings('A2', zero, 'wazuh@4.2')).toHaveLength(1);
  });

  it('in a snippet, relies on stock commands (info) and warns on custom ones', () => {
    const a2 = (text: string) =>
      checkSnippet(text, 'ossec@3.7')
        .filter((d) => d.code === 'A2')
        .map((d) => d.severity);
    const stock = response({ command: 'host-deny', location: 'local', level: '6', timeout: '600' });
    expect(a2(stock)).toEqual(['info']);
    expect(a2(response({ command: 'my-script', location: 'local', level: '6' }))).toEqual(['warning']);
    // The same text given as a whole file defines nothing: the manager refuses the response.
    expect(findings('A2', stock, 'ossec@3.7').map((d) => d.severity)).toEqual(['error']);
  });
});
