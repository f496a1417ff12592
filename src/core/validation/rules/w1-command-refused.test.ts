import { describe, expect, it } from 'vitest';
import { command, findings, HOST_DENY, response } from '../testing';

const five = (...blocks: string[]) =>
  `<wazuh_config>\n${blocks.map((b) => `  ${b}`).join('\n')}\n</wazuh_config>\n`;
const agent = (...blocks: string[]) =>
  `<ossec_config>\n  <client><server><address>m</address></server></client>\n${blocks.map((b) => `  ${b}`).join('\n')}\n</ossec_config>\n`;

describe('W1 <command> on Wazuh 5.0', () => {
  it("refuses every <command>, with the daemon's (1230), on the manager and on an agent", () => {
    const text = five(HOST_DENY, command({ name: 'x', executable: 'x' }));
    const found = findings('W1', text, 'wazuh@5.0');
    expect(found.map((d) => [d.severity, d.line, d.see])).toEqual([
      ['error', 2, 'migration'],
      ['error', 3, 'migration'],
    ]);
    expect(found[0].daemonMessage).toBe("(1230): Invalid element in the configuration: 'command'.");
    expect(found[0].message).toContain('the manager refuses to start');
    const onAgent = findings('W1', agent(HOST_DENY), 'wazuh@5.0', 'auto');
    expect(onAgent).toHaveLength(1);
    expect(onAgent[0].message).toContain('an agent refuses it');
  });

  it('does not fire on 4.x, nor on a 5.0 file without commands', () => {
    expect(findings('W1', five(HOST_DENY), 'wazuh@4.14')).toEqual([]);
    expect(findings('W1', five(response({ disabled: 'no' })), 'wazuh@5.0')).toEqual([]);
  });
});
