import { describe, expect, it } from 'vitest';
import { applyOps } from '../../model/edit';
import { readDocument } from '../../model/read';
import type { Diagnostic } from '../../model/types';
import { check, conf, findings, HOST_DENY, response } from '../testing';
import { commentOut } from './h4-loose-text';

const fix = (text: string, d: Diagnostic) => applyOps(readDocument(text), d.fix?.ops ?? []).text;

/** A file whose response has `note` after its level, on the same line. */
const withNote = (note: string) =>
  conf(
    HOST_DENY,
    response({ command: 'host-deny', location: 'local', level: '3' }).replace('</level>', `</level> ${note}`),
  );

describe('H4 loose text', () => {
  const hashed = `#  <active-response>\n#    <command>host-deny</command>\n#    <location>local</location><level>3</level>\n#  </active-response>`;

  it('warns that a block "commented out" with # is live, and comments it out', () => {
    const text = `<ossec_config>\n${HOST_DENY}\n${hashed}\n</ossec_config>\n`;
    const found = findings('H4', text);
    expect(found.map((d) => [d.severity, d.blockIndex])).toEqual([['warning', 1]]);
    expect(found[0].fix?.title).toBe('Comment out this block');
    const fixed = fix(text, found[0]);
    expect(fixed).toBe(`<ossec_config>\n${HOST_DENY}\n<!-- ${hashed} -->\n</ossec_config>\n`);
    expect(readDocument(fixed).blocks).toHaveLength(1);
    expect(check(fixed)).toEqual([]);
  });

  it('hints that loose text inside a block is ignored, and wraps a # note in a comment', () => {
    const text = withNote('# Fail2ban');
    const [d] = findings('H4', text);
    expect(d).toMatchObject({ severity: 'info', blockIndex: 1, line: 3 });
    expect(d.message).toContain("'# Fail2ban'");
    expect(fix(text, d)).toBe(text.replace('# Fail2ban', '<!-- # Fail2ban -->'));
    expect(findings('H4', fix(text, d))).toEqual([]);
  });

  it('warns that an element after # on its line is read, and comments out the whole line', () => {
    const text = `<ossec_config>\n  <active-response>\n    <command>host-deny</command>\n    # <level>3</level> <timeout>60</timeout>  \n    <location>local</location>\n    <level>7</level>\n  </active-response>\n</ossec_config>\n`;
    const [d] = findings('H4', text);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      "'#' does not comment out XML: <level>, <timeout> on this line are read and used. Wrap the line in <!-- --> to switch them off.",
    );
    expect(fix(text, d)).toBe(
      text.replace(
        '# <level>3</level> <timeout>60</timeout>',
        '<!-- # <level>3</level> <timeout>60</timeout> -->',
      ),
    );
  });

  it('keeps the wrapped text a single comment for the daemon and for XML', () => {
    expect(commentOut('# see --help, then <a>x</a> -->!>')).toBe(
      '<!-- # see - -help, then <a>x</a> - ->! > -->',
    );
    const text = withNote('# a--b -->');
    const [d] = findings('H4', text);
    const fixed = fix(text, d);
    expect(readDocument(fixed).xmlError).toBeNull();
    expect(findings('H4', fixed)).toEqual([]);
  });

  it('does not fire on comments, blanks and var elements', () => {
    const text = conf(
      HOST_DENY.replace('<name>', '<!-- stock --> <name>'),
      response({ command: 'host-deny', location: 'local', level: '3' }).replace(
        '<level>',
        '<var>x</var><level>',
      ),
    );
    expect(findings('H4', text)).toEqual([]);
  });
});
