// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C9 duplicate command', () => {
  it('warns on the second definition of a name: the first wins', () => {
    const text = conf(command({ name: 'a', executable: '1' }), command({ name: 'a', executable: '2' }));
    const [d] = findings('C9', text);
    expect(d).toMatchObject({ severity: 'warning', blockIndex: 1, field: 'name' });
    expect(d.message).toContain('line 2');
  });

  it('does not fire on names that differ, even only by case or blanks', () => {
    expect(
      findings('C9', conf(command({ name: 'a', executable: '1' }), command({ name: 'A', executable: '2' }))),
    ).toEqual([]);
  });
});
