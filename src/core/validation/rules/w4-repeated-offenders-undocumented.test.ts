import { describe, expect, it } from 'vitest';
import { findings, response } from '../testing';

const agent = (...blocks: string[]) =>
  `<ossec_config>\n  <client><server><address>m</address></server></client>\n${blocks.map((b) => `  ${b}`).join('\n')}\n</ossec_config>\n`;

describe('W4 repeated_offenders on a Wazuh 5.0 agent', () => {
  it('warns that execd reads it although 5.0 documents it as gone', () => {
    const [d] = findings(
      'W4',
      agent(response({ disabled: 'no', repeated_offenders: '10,20' })),
      'wazuh@5.0',
      'auto',
    );
    expect(d).toMatchObject({ severity: 'warning', field: 'repeated_offenders', line: 3 });
    expect(d.message).toContain('still reads repeated_offenders');
  });

  it('does not fire on 4.x agents or without the element', () => {
    expect(findings('W4', agent(response({ repeated_offenders: '10' })), 'wazuh@4.14', 'auto')).toEqual([]);
    expect(findings('W4', agent(response({ disabled: 'no' })), 'wazuh@5.0', 'auto')).toEqual([]);
  });
});
