import { describe, expect, it } from 'vitest';
import { conf, findings, response } from '../testing';

const at = (value: string, role: 'agent' | 'manager' = 'agent') =>
  findings('A18', conf(response({ disabled: 'no', repeated_offenders: value })), 'wazuh@4.14', role);

describe('A18 repeated_offenders format', () => {
  it('warns on more than 5 entries, a 0 or non-numeric entry, negative or shrinking entries', () => {
    expect(at('1,2,3,4,5,6')[0].message).toContain('only 5 entries');
    expect(at('0,10')[0].message).toContain('turns repeat-offender timeouts off');
    expect(at('10,abc,30')[0].message).toContain('entry 2 reads as 0');
    expect(at('-5')[0].message).toContain('negative');
    expect(at('60,30')[0].message).toContain('do not grow');
    expect(at('60,30', 'manager')[0].severity).toBe('warning');
  });

  it('warns that only one block counts: the first with it on Wazuh, the first block on OSSEC', () => {
    const text = conf(
      response({ disabled: 'no' }),
      response({ repeated_offenders: '10' }),
      response({ repeated_offenders: '20' }),
    );
    expect(findings('A18', text, 'wazuh@4.14', 'agent').map((d) => d.blockIndex)).toEqual([2]);
    expect(findings('A18', text, 'ossec@4.2', 'agent').map((d) => d.blockIndex)).toEqual([1, 2]);
  });

  it('does not fire on a growing list of up to 5 minutes', () => {
    expect(at('30,60,120')).toEqual([]);
    expect(at('10, 20')).toEqual([]);
    // execd skips an empty entry rather than stopping at it.
    expect(at('30,,60')).toEqual([]);
  });
});
