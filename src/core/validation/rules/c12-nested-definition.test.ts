import { describe, expect, it } from 'vitest';
import { applyOps } from '../../model/edit';
import { readDocument } from '../../model/read';
import type { Diagnostic } from '../../model/types';
import { check, checkSnippet, conf, findings, HOST_DENY } from '../testing';
import { validate } from '../validate';

const definition = (name: string, executable: string) =>
  `<command>\n      <name>${name}</name>\n      <executable>${executable}</executable>\n      <timeout_allowed>yes</timeout_allowed>\n    </command>`;

/** The SmartPT file's shape: definitions inside a response, then the responses that use them. */
const holder = `<active-response>\n    ${definition('ai', 'ai.sh')}\n    ${definition('kill', 'kill.sh')}\n  </active-response>`;
const user = (name: string) =>
  `<active-response>\n    <command>${name}</command>\n    <location>server</location>\n    <level>15</level>\n  </active-response>`;

function fixed(text: string, d: Diagnostic | undefined, target = 'wazuh@4.14') {
  const doc = applyOps(readDocument(text), d?.fix?.ops ?? []);
  return { text: doc.text, diagnostics: validate(doc, { target, role: 'manager' }) };
}

describe('C12 nested definition', () => {
  it('says once that the definitions inside a response define nothing, with the (1281) the daemon prints', () => {
    const text = conf(holder, user('ai'), user('kill'));
    const [d] = findings('C12', text);
    expect(d).toMatchObject({ severity: 'error', blockIndex: 0, line: 2 });
    expect(d.message).toBe(
      "The <command> definitions 'ai' and 'kill' sit inside this <active-response>, where the manager reads <command> as the name of a command to run, not as a definition: it defines none of them and refuses this block.",
    );
    expect(d.daemonMessage).toBe('(1281): Missing options in the active response configuration.');
    expect(findings('C12', text, 'ossec@3.7')[0].daemonMessage).toBe(
      'ossec-analysisd(1281): ERROR: Missing options in the active response configuration.',
    );
    // The holder's own "no location" is this finding; the users point at the definitions.
    expect(findings('A1', text)).toEqual([]);
    expect(findings('A2', text).map((x) => x.message)).toEqual([
      "'ai' is defined only inside the <active-response> on line 2, where the manager does not read it as a definition: it refuses this response.",
      "'kill' is defined only inside the <active-response> on line 2, where the manager does not read it as a definition: it refuses this response.",
    ]);
  });

  it('moves them out in place of the response that held only them, with their own text', () => {
    const text = conf(holder, user('ai'), user('kill'));
    const result = fixed(text, findings('C12', text)[0]);
    expect(result.text).toBe(
      conf(
        `${definition('ai', 'ai.sh').replaceAll('\n    ', '\n  ')}\n  ${definition('kill', 'kill.sh').replaceAll('\n    ', '\n  ')}`,
        user('ai'),
        user('kill'),
      ),
    );
    expect(result.diagnostics.filter((x) => x.severity !== 'info')).toEqual([]);
    // The users' fix is the same move: never a new command with an invented executable.
    const viaUser = findings('A2', text)[0];
    expect(viaUser.fix?.title).toBe('Move the 2 command definitions out of the <active-response> on line 2');
    expect(fixed(text, viaUser).text).toBe(result.text);
  });

  it('reads the text after the last definition as the command name: (1303) once the block has a location', () => {
    const located = (after: string) =>
      conf(
        `<active-response><command><name>a</name><executable>a.sh</executable>${after}</command><location>local</location><level>3</level></active-response>`,
      );
    const [d] = findings('C12', located('\n    '));
    expect(d.severity).toBe('error');
    expect(d.daemonMessage).toBe("(1303): Invalid command '\n    ' in the active response.");
    expect(findings('A2', located('\n    '))).toEqual([]);
    // Nothing after </executable> is an empty <command>: missing on Wazuh 4.4+, looked up before.
    expect(findings('C12', located(''))[0].daemonMessage).toBe(
      '(1281): Missing options in the active response configuration.',
    );
    expect(findings('C12', located(''), 'wazuh@4.3')[0].daemonMessage).toBe(
      "(1303): Invalid command '' in the active response.",
    );
    expect(findings('A1', located(''))).toEqual([]);
  });

  it('keeps what else the response holds and puts the definitions above it, and above the first user', () => {
    const mixed = conf(
      user('ai'),
      `<active-response>\n    ${definition('ai', 'ai.sh')}\n    <location>local</location>\n    <level>3</level>\n  </active-response>`,
    );
    const result = fixed(mixed, findings('C12', mixed)[0]);
    expect(result.text).toBe(
      conf(
        definition('ai', 'ai.sh').replaceAll('\n    ', '\n  '),
        user('ai'),
        '<active-response>\n    <location>local</location>\n    <level>3</level>\n  </active-response>',
      ),
    );
    // What is left of the holder has no <command>: the manager says so, now about the real cause.
    expect(result.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code)).toEqual(['A1']);
  });

  it('is only a warning when the holder is disabled, and refuses a definition inside a <command> (1230)', () => {
    const disabled = conf(
      `<active-response>\n    <disabled>yes</disabled>\n    ${definition('ai', 'ai.sh')}\n  </active-response>`,
    );
    expect(findings('C12', disabled)).toMatchObject([{ severity: 'warning' }]);
    expect(findings('C12', disabled)[0].daemonMessage).toBeUndefined();
    const inCommand = conf(
      `<command>\n    <name>outer</name>\n    <executable>outer.sh</executable>\n    ${definition('ai', 'ai.sh')}\n  </command>`,
    );
    const [d] = findings('C12', inCommand);
    expect(d.daemonMessage).toBe("(1230): Invalid element in the configuration: 'command'.");
    expect(findings('C7', inCommand)).toEqual([]);
    expect(fixed(inCommand, d).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('warns about a definition inside another section and moves it above that section', () => {
    const text = conf(
      `<syscheck>\n    <frequency>60</frequency>\n    ${definition('ai', 'ai.sh')}\n  </syscheck>`,
    );
    const [d] = findings('C12', text);
    expect(d).toMatchObject({ severity: 'warning', line: 4 });
    expect(d.blockIndex).toBeUndefined();
    expect(d.message).toContain('inside <syscheck>');
    const result = fixed(text, d);
    expect(result.text).toBe(
      conf(
        definition('ai', 'ai.sh').replaceAll('\n    ', '\n  '),
        '<syscheck>\n    <frequency>60</frequency>\n  </syscheck>',
      ),
    );
    expect(result.diagnostics.map((x) => x.code)).toEqual(['C11']);
  });

  it('finds them in a snippet too, and not where no block is meant', () => {
    expect(checkSnippet(holder).filter((d) => d.code === 'C12')).toHaveLength(1);
    const elsewhere = conf(
      HOST_DENY,
      '<localfile>\n    <log_format>command</log_format>\n    <command>df -P</command>\n  </localfile>',
      `<var name="x">${definition('v', 'v.sh')}</var>`,
    );
    expect(findings('C12', elsewhere)).toEqual([]);
    expect(findings('C12', conf(holder), 'wazuh@4.14', 'agent')).toEqual([]);
    expect(check(`<agent_config>${holder}</agent_config>`).filter((d) => d.code === 'C12')).toEqual([]);
  });
});
