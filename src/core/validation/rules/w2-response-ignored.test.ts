import { describe, expect, it } from 'vitest';
import { findings, response } from '../testing';

const five = (...blocks: string[]) =>
  `<wazuh_config>\n${blocks.map((b) => `  ${b}`).join('\n')}\n</wazuh_config>\n`;
const agent = (...blocks: string[]) =>
  `<ossec_config>\n  <client><server><address>m</address></server></client>\n${blocks.map((b) => `  ${b}`).join('\n')}\n</ossec_config>\n`;

const FIREWALL = response({ command: 'firewall-drop', location: 'local', level: '10', timeout: '600' });

describe('W2 <active-response> on Wazuh 5.0', () => {
  it('warns that the manager accepts and ignores the block, linking to the migration view', () => {
    const [d] = findings('W2', five(FIREWALL), 'wazuh@5.0');
    expect(d).toMatchObject({ severity: 'warning', line: 2, see: 'migration' });
    expect(d.message).toContain('accepts and ignores');
    expect(d.message).toContain('nothing fires from this block');
  });

  it('on an agent, says what execd does not read, and nothing when it reads every element', () => {
    const [d] = findings('W2', agent(FIREWALL), 'wazuh@5.0', 'auto');
    expect(d.severity).toBe('info');
    expect(d.message).toContain('<command>, <location>, <level>, <timeout> have no effect');
    expect(
      findings('W2', agent(response({ disabled: 'no', repeated_offenders: '5' })), 'wazuh@5.0', 'auto'),
    ).toEqual([]);
  });

  it('does not fire on 4.x', () => {
    expect(findings('W2', five(FIREWALL), 'wazuh@4.14')).toEqual([]);
  });
});
