import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C5 timeout_allowed value', () => {
  it('refuses anything but exact yes or no, each occurrence', () => {
    const text = conf(
      command({ name: 'a', executable: 'a', timeout_allowed: 'Yes', 'timeout_allowed#2': 'yes' }),
    );
    const [d] = findings('C5', text);
    expect(d).toMatchObject({ severity: 'error', field: 'timeout_allowed' });
    expect(d.daemonMessage).toBe("(1235): Invalid value for element 'timeout_allowed': Yes.");
    expect(findings('C5', text, 'ossec@2.8')[0].daemonMessage).toBe(
      "ossec-analysisd(1235): ERROR: Invalid value for element 'timeout_allowed': Yes.",
    );
  });

  it('does not fire on yes or no', () => {
    expect(findings('C5', conf(command({ name: 'a', executable: 'a', timeout_allowed: 'no' })))).toEqual([]);
  });
});
