import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C4 expect token', () => {
  it('warns on a field name the daemon ignores, such as the seed typo scrip', () => {
    const [d] = findings(
      'C4',
      conf(command({ name: 'a', executable: 'a.sh', expect: 'scrip' })),
      'ossec@3.7',
    );
    expect(d).toMatchObject({ severity: 'warning', field: 'expect' });
    expect(d.message).toContain("'scrip'");
  });

  it('does not fire on srcip, user, username, dstuser, filename or empty, nor on Wazuh 4.2+', () => {
    for (const expect_ of ['srcip', 'user', 'username', 'srcip,user', 'filename', '']) {
      expect(
        findings('C4', conf(command({ name: 'a', executable: 'a.sh', expect: expect_ })), 'wazuh@4.1'),
      ).toEqual([]);
    }
    expect(
      findings('C4', conf(command({ name: 'a', executable: 'a', expect: 'scrip' })), 'wazuh@4.2'),
    ).toEqual([]);
  });
});
