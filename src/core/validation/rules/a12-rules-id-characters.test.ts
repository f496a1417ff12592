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

  it('does not fire on IDs separated by commas and blanks', () => {
    expect(at('5710, 5712,5720')).toEqual([]);
  });
});
