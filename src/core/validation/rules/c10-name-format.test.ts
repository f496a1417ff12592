import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C10 name and executable format', () => {
  it('warns on the ar.conf separator, padding, blanks, an empty name and ..', () => {
    const text = conf(
      command({ name: 'a - b', executable: 'a' }),
      command({ name: ' padded', executable: 'a' }),
      command({ name: 'two words', executable: 'a' }),
      command({ name: '', executable: 'a' }),
      command({ name: 'up', executable: '../../bin/sh' }),
    );
    const found = findings('C10', text);
    expect(found.map((d) => d.blockIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found[0].daemonMessage).toBe("(1313): Invalid active response config: 'shared/ar.conf'.");
  });

  it('does not fire on names of letters, digits, _ . and -', () => {
    expect(
      findings('C10', conf(command({ name: 'win_route-null.2', executable: 'route-null.exe' }))),
    ).toEqual([]);
  });
});
