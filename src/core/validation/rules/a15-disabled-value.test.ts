import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

const AGENT = (blocks: string) =>
  `<ossec_config>\n  <client><server><address>m</address></server></client>\n  ${blocks}\n</ossec_config>\n`;

describe('A15 disabled value', () => {
  it('refuses anything but yes or no on a manager, in every block', () => {
    const text = conf(response({ disabled: 'Yes' }), response({ disabled: 'no', 'disabled#2': 'off' }));
    const found = findings('A15', text);
    expect(found.map((d) => d.daemonMessage)).toEqual([
      "(1235): Invalid value for element 'disabled': Yes.",
      "(1235): Invalid value for element 'disabled': off.",
    ]);
    expect(found[0].fix?.ops).toEqual([{ op: 'setField', blockIndex: 0, field: 'disabled', value: 'yes' }]);
  });

  it("offers no fix that would leave a manager the agent's lone <disabled>no</disabled> (A22)", () => {
    expect(findings('A15', conf(response({ disabled: ' NO' })))[0].fix).toBeUndefined();
    const agent = findings('A15', AGENT(response({ disabled: ' NO' })), 'wazuh@4.14', 'auto');
    expect(agent[0].fix?.ops).toEqual([{ op: 'setField', blockIndex: 0, field: 'disabled', value: 'no' }]);
  });

  it('on an agent checks only the first <disabled>, the one execd reads', () => {
    const text = AGENT(`${response({ disabled: 'nope' })}${response({ disabled: 'bad' })}`);
    const found = findings('A15', text, 'ossec@3.7', 'auto');
    expect(found).toHaveLength(1);
    expect(found[0].daemonMessage).toBe(
      "ossec-execd(1235): ERROR: Invalid value for element 'disabled': nope.",
    );
  });

  it('does not fire on yes or no', () => {
    expect(
      findings(
        'A15',
        conf(HOST_DENY, response({ disabled: 'no', command: 'host-deny', location: 'local', level: '3' })),
      ),
    ).toEqual([]);
    expect(findings('A15', AGENT(response({ disabled: 'yes' })), 'wazuh@4.14', 'auto')).toEqual([]);
  });
});
