import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY } from '../testing';

describe('X4 empty block', () => {
  it('refuses a block with no element inside, also on an agent', () => {
    const text = conf(
      '<active-response>\n    active-response options here\n  </active-response>',
      '<command/>',
    );
    expect(findings('X4', text).map((d) => d.daemonMessage)).toEqual([
      "(1230): Invalid element in the configuration: 'active-response'.",
      "(1230): Invalid element in the configuration: 'command'.",
    ]);
    expect(findings('X4', text, 'ossec@3.7', 'agent')).toHaveLength(2);
  });

  it('refuses a block holding only `var` elements: the daemon hands its reader no child (chld_node NULL)', () => {
    expect(findings('X4', conf('<command><var name="x">1</var><VAR/></command>')).map((d) => d.code)).toEqual(
      ['X4'],
    );
  });

  it('does not fire on a block with elements, or on one inside a comment', () => {
    expect(findings('X4', conf(HOST_DENY, '<!-- <active-response></active-response> -->'))).toEqual([]);
  });
});
