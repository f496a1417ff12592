import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('A12 rules_id characters', () => {
  const at = (ids: string) =>
    findings('A12', conf(HOST_DENY, response({ command: 'host-deny', location: 'local', rules_id: ids })));

  it('warns (the daemon loads it) and says which IDs still count', () => {
    const [d] = at('5710;5712');
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('only 5710 counts');
    expect(at('100210,100219}')[0].message).toContain('only 100210, 100219 count');
  });

  it('offers the IDs as meant: a stray character dropped, a wrong separator made a comma', () => {
    const fixOf = (ids: string) => at(ids)[0].fix?.ops;
    const set = (value: string) => [{ op: 'setField', blockIndex: 1, field: 'rules_id', value }];
    // The CCDC file's typo: a brace after the last ID.
    expect(fixOf('100210,100219}')).toEqual(set('100210,100219'));
    expect(fixOf('5710;5712')).toEqual(set('5710,5712'));
    expect(fixOf('5710 ; 5712, 5720')).toEqual(set('5710 , 5712, 5720'));
    expect(at('sshd')[0].fix).toBeUndefined();
  });

  it('does not fire on IDs separated by commas and blanks', () => {
    expect(at('5710, 5712,5720')).toEqual([]);
  });
});
