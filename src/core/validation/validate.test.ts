import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { parseTarget } from '../targets/target';
import { command, conf, response } from './testing';
import { INDEXER_RULES, isAccepted, RULES, rulesFor, validate } from './validate';

const broken = conf(
  command({ name: 'a', executable: 'a.sh', timeout_allowed: 'maybe' }),
  response({ command: 'a', level: '7' }),
  response({ command: 'b', location: 'nowhere', level: '21', rules_group: 'x,y' }),
);

describe('validate', () => {
  it('runs every rule once, with unique codes', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('reports every error the daemon would stop at, not just the first, in document order', () => {
    const found = validate(readDocument(broken), { target: 'wazuh@4.14', role: 'manager' });
    expect(found.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([
      'C5',
      'A1',
      'A2',
      'A3',
      'A8',
    ]);
    expect(found.map((d) => d.offset)).toEqual([...found.map((d) => d.offset)].sort((a, b) => a - b));
    expect(isAccepted(found)).toBe(false);
  });

  it('places every block finding on its block and, where there is one, its element', () => {
    for (const d of validate(readDocument(broken), { target: 'ossec@3.7', role: 'manager' })) {
      expect(d.blockIndex).toBeTypeOf('number');
      expect(d.field).toBeTypeOf('string');
      expect(d.line).toBeGreaterThan(1);
      expect(d.column).toBeGreaterThan(0);
    }
  });

  it('puts a problem found inside a block on that block, and leaves file-wide ones to the document', () => {
    const text = conf(
      command({ name: 'a', executable: 'a.sh' }),
      '<active-response><command>a</command><location>local</location><level>3<![CDATA[x]]>--></level></active-response>',
    );
    const found = validate(readDocument(text));
    expect(found.find((d) => d.code === 'X2')).toMatchObject({ blockIndex: 1, line: 3 });
    const broken = conf('<command><name>a</command><executable>a</executable></command>');
    expect(validate(readDocument(broken)).find((d) => d.code === 'X1')).toMatchObject({ blockIndex: 0 });
    const rootless = validate(readDocument(command({ name: 'a', executable: 'a.sh' })));
    expect(rootless.find((d) => d.code === 'X3')?.blockIndex).toBeUndefined();
  });

  it('defaults to wazuh@4.14 and reads the role from the file', () => {
    const agent =
      '<ossec_config>\n  <client/>\n  <active-response><disabled>no</disabled></active-response>\n</ossec_config>\n';
    expect(isAccepted(validate(readDocument(agent)))).toBe(true);
    expect(isAccepted(validate(readDocument(agent), { role: 'manager' }))).toBe(false);
    expect(
      validate(readDocument(conf(command({ name: 'a', executable: 'a', expect: '' })))).map((d) => d.code),
    ).toContain('C3');
  });

  it('accepts an empty file and an empty root', () => {
    expect(validate(readDocument(''))).toEqual([]);
    expect(validate(readDocument('<ossec_config></ossec_config>\n'))).toEqual([]);
  });

  it('on Wazuh 5.0 runs only what still reads the file: the reader, the 5.0 leftovers and the agent side', () => {
    const manager = readDocument(broken.replaceAll('ossec_config', 'wazuh_config'));
    expect([...new Set(validate(manager, { target: 'wazuh@5.0' }).map((d) => d.code))].sort()).toEqual([
      'W1',
      'W2',
    ]);
    expect(validate(readDocument(broken), { target: 'wazuh@5.0' }).map((d) => d.code)).toContain('X3');
    const agent = readDocument(
      '<ossec_config>\n  <client/>\n  <active-response><disabled>maybe</disabled></active-response>\n</ossec_config>\n',
    );
    expect(validate(agent, { target: 'wazuh@5.0' }).map((d) => d.code)).toEqual(['A15']);
    expect(rulesFor(parseTarget('wazuh@4.14'), 'manager')).toBe(RULES);
    expect(rulesFor(parseTarget('wazuh@5.0'), 'manager')).toBe(INDEXER_RULES.manager);
  });
});
