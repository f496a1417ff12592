import { describe, expect, it } from 'vitest';
import { findings } from '../testing';

const text = [
  '<wazuh_config>',
  '  <global>',
  '    <agents_disconnection_time>15m</agents_disconnection_time>',
  '  </global>',
  '  <global>',
  '    <white_list>127.0.0.1</white_list>',
  '    <white_list>10.0.0.0/8</white_list>',
  '  </global>',
  '</wazuh_config>',
  '',
].join('\n');

describe('W3 <global><white_list> on Wazuh 5.0', () => {
  it("refuses each white_list where it stands, with Read_Global's (1230)", () => {
    const found = findings('W3', text, 'wazuh@5.0');
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([
      ['error', 6, 5],
      ['error', 7, 5],
    ]);
    expect(found[0].daemonMessage).toBe("(1230): Invalid element in the configuration: 'white_list'.");
    expect(found[0].message).toContain('does not match the source');
  });

  it('does not fire on 4.x, on an agent, or on a root the 5.0 manager does not read', () => {
    expect(findings('W3', text, 'wazuh@4.14')).toEqual([]);
    expect(findings('W3', text, 'wazuh@5.0', 'agent')).toEqual([]);
    expect(findings('W3', text.replaceAll('wazuh_config', 'ossec_config'), 'wazuh@5.0')).toEqual([]);
  });
});
