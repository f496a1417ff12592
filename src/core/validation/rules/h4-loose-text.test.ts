import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('H4 loose text', () => {
  it('warns that a block "commented out" with # is live', () => {
    const text = `<ossec_config>\n${HOST_DENY}\n#  <active-response>\n#    <command>host-deny</command>\n#    <location>local</location><level>3</level>\n#  </active-response>\n</ossec_config>\n`;
    const found = findings('H4', text);
    expect(found.map((d) => [d.severity, d.blockIndex])).toEqual([['warning', 1]]);
  });

  it('hints that loose text inside a block is ignored', () => {
    const text = conf(
      HOST_DENY,
      response({ command: 'host-deny', location: 'local', level: '3' }).replace(
        '</level>',
        '</level> # Fail2ban',
      ),
    );
    const [d] = findings('H4', text);
    expect(d.severity).toBe('info');
    expect(d.message).toContain("'# Fail2ban'");
  });

  it('does not fire on comments and blanks', () => {
    const text = conf(
      HOST_DENY.replace('<name>', '<!-- stock --> <name>'),
      response({ command: 'host-deny', location: 'local', level: '3' }),
    );
    expect(findings('H4', text)).toEqual([]);
  });
});
