import { describe, expect, it } from 'vitest';
import { arConfLines } from '../../derive/ar-conf';
import { conf, doc, findings, HOST_DENY, OSSEC_HOST_DENY, response } from '../testing';

const active = response({ command: 'host-deny', location: 'local', level: '7', timeout: '600' });
const off = response({ disabled: 'yes' });

describe('A21 disabled block position', () => {
  it('hints that a disabled block below a response clears its queue', () => {
    const [d] = findings('A21', conf(HOST_DENY, active, off));
    expect(d).toMatchObject({ severity: 'info', blockIndex: 2 });
    expect(d.message).toContain('line 3');
  });

  it('does not fire when a later response sets the queue again, or when the disabled block comes first', () => {
    expect(findings('A21', conf(HOST_DENY, active, off, active))).toEqual([]);
    expect(findings('A21', conf(HOST_DENY, off, active))).toEqual([]);
  });

  it('warns on OSSEC 2.8, where one disabled block turns everything off', () => {
    const text = conf(OSSEC_HOST_DENY, off, active);
    expect(findings('A21', text, 'ossec@2.8').map((d) => d.severity)).toEqual(['warning']);
    expect(arConfLines(doc(text), 'ossec@2.8', 'manager')).toEqual([]);
    expect(findings('A21', text, 'ossec@3.7')).toEqual([]);
  });
});
