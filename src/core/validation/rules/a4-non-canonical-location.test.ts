import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

function at(location: string) {
  return findings('A4', conf(HOST_DENY, response({ command: 'host-deny', location, level: '7' })));
}

describe('A4 non-canonical location', () => {
  it('warns on a spelling accepted by substring match and fixes it to the word it matches', () => {
    expect(at('LOCAL')[0].fix?.ops).toEqual([
      { op: 'setField', blockIndex: 1, field: 'location', value: 'local' },
    ]);
    expect(at('any')[0].fix?.ops[0]).toMatchObject({ value: 'all' });
    expect(at('alias')[0].fix?.ops[0]).toMatchObject({ value: 'server' });
    expect(at('localhost')[0].severity).toBe('warning');
  });

  it('warns without a fix when several tokens match', () => {
    const [d] = at('server,local');
    expect(d.fix).toBeUndefined();
    expect(d.message).toContain('on the manager, nothing to agents');
  });

  it('does not fire on the four canonical words', () => {
    for (const location of ['local', 'server', 'all']) expect(at(location)).toEqual([]);
  });
});
