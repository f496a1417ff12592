import { describe, expect, it } from 'vitest';
import { command, conf, findings, response } from '../testing';

describe('H5 ar.conf key collision', () => {
  const abc1 = command({ name: 'abc1', executable: 'one', timeout_allowed: 'yes' });
  const abc = command({ name: 'abc', executable: 'two', timeout_allowed: 'yes' });

  it('warns when abc1 with timeout 0 and abc with timeout 10 both write abc10', () => {
    const text = conf(
      abc1,
      abc,
      response({ command: 'abc1', location: 'local', level: '3', timeout: '0' }),
      response({ command: 'abc', location: 'local', level: '3', timeout: '10' }),
    );
    const [d] = findings('H5', text);
    expect(d).toMatchObject({ severity: 'warning', blockIndex: 3 });
    expect(d.message).toContain("'abc10'");
  });

  it('does not fire on two responses that write the same line, or on distinct keys', () => {
    const same = conf(
      abc,
      response({ command: 'abc', location: 'local', level: '3' }),
      response({ command: 'abc', location: 'all', level: '5' }),
    );
    expect(findings('H5', same)).toEqual([]);
    const distinct = conf(
      abc1,
      abc,
      response({ command: 'abc1', location: 'local', level: '3' }),
      response({ command: 'abc', location: 'local', level: '3' }),
    );
    expect(findings('H5', distinct)).toEqual([]);
  });
});
