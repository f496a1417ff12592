import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('A9 level never matches', () => {
  const at = (level: string) =>
    findings('A9', conf(HOST_DENY, response({ command: 'host-deny', location: 'local', level })));

  it('warns on levels 17 to 20', () => {
    expect(at('17').map((d) => d.severity)).toEqual(['warning']);
    expect(at('20')).toHaveLength(1);
  });

  it('does not fire up to 16, nor on a refused level', () => {
    expect(at('16')).toEqual([]);
    expect(at('21')).toEqual([]);
  });
});
