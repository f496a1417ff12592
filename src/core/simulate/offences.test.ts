import { describe, expect, it } from 'vitest';
import { toProfile } from '../targets/target';
import { agentOffendersSnippet, offenceTimeline } from './offences';

const rows = (steps: ReturnType<typeof offenceTimeline>) =>
  steps.map((s) => [s.offence, s.at, s.seconds, s.liftedAt, s.extended]);

describe('offenceTimeline (ExecdRun arithmetic)', () => {
  it('gives the timeout first, then each entry in minutes, then the last entry again', () => {
    const steps = offenceTimeline({ timeout: 600, minutes: [30, 60], count: 5, every: null });
    expect(steps.map((s) => s.seconds)).toEqual([600, 1800, 3600, 3600, 3600]);
    expect(steps.map((s) => s.from)).toEqual([
      { kind: 'timeout' },
      { kind: 'entry', entry: 1, minutes: 30, pastTheList: false },
      { kind: 'entry', entry: 2, minutes: 60, pastTheList: false },
      { kind: 'entry', entry: 2, minutes: 60, pastTheList: true },
      { kind: 'entry', entry: 2, minutes: 60, pastTheList: true },
    ]);
  });

  it('lifts each block at the first one-second check past its time, and the next offence comes after it', () => {
    expect(rows(offenceTimeline({ timeout: 600, minutes: [30], count: 3, every: null }))).toEqual([
      [1, 0, 600, 601, false],
      [2, 601, 1800, 2402, false],
      [3, 2402, 1800, 4203, false],
    ]);
  });

  it('restarts the clock of a block still in place when offences come faster than it lifts', () => {
    // Every 5 minutes: the 10-minute block is still there at the 2nd offence, which makes it 30 minutes from then.
    expect(rows(offenceTimeline({ timeout: 600, minutes: [30, 60], count: 3, every: 300 }))).toEqual([
      [1, 0, 600, null, false],
      [2, 300, 1800, null, true],
      [3, 600, 3600, 4201, true],
    ]);
    // An offence exactly at the timeout still finds the block: execd waits for more than the time.
    expect(offenceTimeline({ timeout: 600, minutes: [], count: 2, every: 600 })[1].extended).toBe(true);
    expect(offenceTimeline({ timeout: 600, minutes: [], count: 2, every: 601 })[1].extended).toBe(false);
  });

  it('keeps the timeout for every offence without a list, gives nothing for a stateless response, lifts a negative entry at once', () => {
    expect(
      offenceTimeline({ timeout: 600, minutes: [], count: 3, every: null }).map((s) => s.seconds),
    ).toEqual([600, 600, 600]);
    expect(offenceTimeline({ timeout: 0, minutes: [30], count: 3, every: null })).toEqual([]);
    expect(offenceTimeline({ timeout: 600, minutes: [-5], count: 2, every: null })[1]).toMatchObject({
      seconds: -300,
      liftedAt: 602,
    });
  });
});

describe('agentOffendersSnippet', () => {
  it("puts repeated_offenders in the agent's own ossec.conf, with the version's placement rule", () => {
    const wazuh = agentOffendersSnippet('30,60,120', toProfile('wazuh@4.14'));
    expect(wazuh.path).toBe('/var/ossec/etc/ossec.conf');
    expect(wazuh.snippet).toBe(
      '<ossec_config>\n  <active-response>\n    <repeated_offenders>30,60,120</repeated_offenders>\n  </active-response>\n</ossec_config>\n',
    );
    expect(wazuh.notes.join(' ')).toMatch(
      /not from the manager's file, and not from a centralized agent.conf/,
    );
    expect(agentOffendersSnippet('30', toProfile('ossec@3.7')).notes.join(' ')).toMatch(
      /first <active-response> block of the file only/,
    );
  });
});
