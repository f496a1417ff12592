import { describe, expect, it } from 'vitest';
import { mapExecutable } from './executables';

describe("mapExecutable (the migration guide's Default scripts table)", () => {
  it('folds the firewall scripts of every generation into block-ip', () => {
    for (const name of [
      'firewall-drop',
      'firewall-drop.sh',
      'firewalld-drop',
      'pf.sh',
      'npf',
      'ipfw',
      'netsh.exe',
      'netsh.cmd',
    ]) {
      expect(mapExecutable(name)).toMatchObject({
        executable: 'block-ip',
        kind: 'exact',
        reason: 'folded-into-block-ip',
      });
    }
  });

  it('folds host-deny and route-null as block-ip fallbacks, to check', () => {
    for (const name of ['host-deny', 'host-deny.sh', 'route-null', 'route-null.exe', 'ip-customblock']) {
      expect(mapExecutable(name)).toMatchObject({ executable: 'block-ip', kind: 'suggestion' });
    }
  });

  it('keeps disable-account, sends restarts to the Control Module and Slack to Notifications', () => {
    expect(mapExecutable('disable-account.sh')).toMatchObject({
      executable: 'disable-account',
      kind: 'exact',
    });
    expect(mapExecutable('restart-ossec.sh')).toMatchObject({
      kind: 'impossible',
      reason: 'restart-moved-to-control-module',
    });
    expect(mapExecutable('restart-wazuh.exe')).toMatchObject({ kind: 'impossible' });
    expect(mapExecutable('wazuh-slack')).toMatchObject({ kind: 'impossible', reason: 'slack-removed' });
  });

  it('keeps any other script as a custom one to rewrite', () => {
    expect(mapExecutable('block-ssh.sh')).toMatchObject({ executable: 'block-ssh.sh', kind: 'rewrite' });
    expect(mapExecutable('kaspersky.py').kind).toBe('rewrite');
  });
});
