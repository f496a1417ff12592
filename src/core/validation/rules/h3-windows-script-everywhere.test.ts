import { describe, expect, it } from 'vitest';
import { command, conf, findings, response } from '../testing';

const win = command({ name: 'win_route-null', executable: 'route-null.exe', timeout_allowed: 'yes' });

describe('H3 Windows script sent everywhere', () => {
  it('hints that local or all reaches agents without the Windows script', () => {
    expect(
      findings(
        'H3',
        conf(win, response({ command: 'win_route-null', location: 'local', level: '8', timeout: '900' })),
      ),
    ).toHaveLength(1);
  });

  it('does not fire for a defined agent, the manager, or a Unix script', () => {
    expect(
      findings(
        'H3',
        conf(
          win,
          response({ command: 'win_route-null', location: 'defined-agent', agent_id: '002', level: '8' }),
        ),
      ),
    ).toEqual([]);
    const unix = command({ name: 'u', executable: 'route-null', timeout_allowed: 'yes' });
    expect(findings('H3', conf(unix, response({ command: 'u', location: 'local', level: '8' })))).toEqual([]);
  });
});
