import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { parseTarget } from '../targets/target';
import { emulateAnalysisd, locationBits } from './analysisd';
import { arConfLines } from './ar-conf';

const HOST_DENY =
  '<command><name>host-deny</name><executable>host-deny</executable><timeout_allowed>yes</timeout_allowed></command>';

function outcomes(blocks: string, target = 'wazuh@4.14'): string[] {
  const doc = readDocument(`<ossec_config>\n${blocks}\n</ossec_config>\n`);
  return emulateAnalysisd(doc, parseTarget(target)).responses.map((r) => r.outcome);
}

describe('emulateAnalysisd', () => {
  it('skips the checks after the element loop for a disabled block: an unknown command is fine (§13)', () => {
    expect(
      outcomes('<active-response><disabled>yes</disabled><command>nope</command></active-response>'),
    ).toEqual(['disabled']);
  });

  it('still runs the element loop on a disabled block, so a bad level or unknown element refuses it', () => {
    // Decision: §13 says "skips every other check", but level, disabled and unknown elements are checked
    // inside the loop over the elements, before the disabled flag is looked at (ReadActiveResponses()).
    expect(outcomes('<active-response><disabled>yes</disabled><level>99</level></active-response>')).toEqual([
      'refused',
    ]);
    expect(
      outcomes('<active-response><disabled>yes</disabled><disbaled>no</disbaled></active-response>'),
    ).toEqual(['refused']);
  });

  it('disables a block with any disabled yes, even followed by a disabled no', () => {
    expect(
      outcomes('<active-response><disabled>yes</disabled><disabled>no</disabled></active-response>'),
    ).toEqual(['disabled']);
  });

  it('lets a block with repeated_offenders pass without command or location, and drops agent 0 on 4.3+', () => {
    expect(
      outcomes('<active-response><repeated_offenders>30</repeated_offenders></active-response>'),
    ).toEqual(['offenders-only']);
    const zero = `${HOST_DENY}<active-response><command>host-deny</command><location>defined-agent</location><agent_id>abc</agent_id></active-response>`;
    expect(outcomes(zero, 'wazuh@4.3')).toEqual(['dropped']);
    expect(outcomes(zero, 'wazuh@4.2')).toEqual(['accepted']);
  });

  it('reads the last <command> and <location>: a response naming the first of two is refused (§13)', () => {
    const text = `${HOST_DENY}<active-response><command>host-deny</command><command>other</command><location>local</location></active-response>`;
    expect(outcomes(text)).toEqual(['refused']);
  });

  it('matches locations by case-insensitive substring, as OS_Regex does', () => {
    expect(locationBits('LocalHost')).toMatchObject({ local: true, server: false });
    expect(locationBits('alias')).toMatchObject({ server: true });
    expect(locationBits('company')).toMatchObject({ all: true });
    expect(locationBits('')).toEqual({ server: false, local: false, definedAgent: false, all: false });
  });

  it('still lists the lines of the accepted responses when another block makes the file refused', () => {
    // Decision: the manager would not start at all; showing what each valid block writes is more useful.
    const doc = readDocument(
      `<ossec_config>${HOST_DENY}<active-response><command>host-deny</command><location>local</location></active-response><active-response><command>x</command><location>local</location></active-response></ossec_config>`,
    );
    expect(arConfLines(doc, 'wazuh@4.14', 'manager')).toEqual(['host-deny0 - host-deny - 0']);
  });
});
