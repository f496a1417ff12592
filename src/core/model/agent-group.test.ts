import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arConfLines } from '../derive/ar-conf';
import { parseTarget } from '../targets/target';
import { documentArbitrary } from '../test-support/documents';
import { decodeBytes, encodeText } from '../xml/encoding';
import {
  addGroupAgent,
  findAgentGroups,
  parseAgentIds,
  removeGroup,
  removeGroupAgent,
  setGroupField,
  spreadToAgents,
} from './agent-group';
import { EditError } from './edit';
import { fieldValue } from './fields';
import { readDocument } from './read';
import type { ConfigDocument } from './types';

const COMMAND = `  <command>\r
    <name>firewall-drop</name>\r
    <executable>firewall-drop</executable>\r
    <timeout_allowed>yes</timeout_allowed>\r
  </command>\r
`;
const RESPONSE = `  <active-response>\r
    <!-- r\u00e9seau: \u00e9quipe s\u00e9curit\u00e9 -->\r
    <command>firewall-drop</command>\r
    <location>local</location>\r
    <level>10</level>\r
    <timeout>600</timeout>\r
  </active-response>\r
`;
/** A Latin-1, CRLF manager file with a comment inside the response. */
const LATIN1 = `<!-- caf\u00e9 -->\r\n<ossec_config>\r\n${COMMAND}${RESPONSE}  <global><white_list>10.0.0.1</white_list></global>\r\n</ossec_config>\r\n`;

const read = (text: string) => readDocument(text, 'latin1');
const texts = (doc: ConfigDocument, indexes: number[]) =>
  indexes.map((i) => doc.text.slice(doc.blocks[i].start, doc.blocks[i].end));

describe('spreadToAgents', () => {
  it('writes one response per agent after the original, keeping every other byte of a Latin-1 CRLF file', () => {
    const doc = read(LATIN1);
    const { doc: next, members } = spreadToAgents(doc, 1, ['001', '002', '003']);
    expect(members).toEqual([1, 2, 3]);
    const member = (id: string) =>
      RESPONSE.replace('<location>local</location>', '<location>defined-agent</location>').replace(
        '    <level>',
        `    <agent_id>${id}</agent_id>\r\n    <level>`,
      );
    const expected = LATIN1.replace(RESPONSE, `${member('001')}${member('002')}${member('003')}`);
    expect(next.text).toBe(expected);
    // The bytes of the export: the file's own encoding, é as one byte.
    const bytes = encodeText(next.text, 'latin1');
    expect(Buffer.from(bytes).equals(Buffer.from(expected, 'latin1'))).toBe(true);
    expect(decodeBytes(bytes).text).toBe(expected);
    expect(findAgentGroups(next)).toEqual([{ members: [1, 2, 3], agents: ['001', '002', '003'] }]);
  });

  it('gives the group one ar.conf line per member, all the same line', () => {
    const { doc } = spreadToAgents(read(LATIN1), 1, ['001', '002']);
    expect(arConfLines(doc, 'wazuh@4.14')).toEqual([
      'firewall-drop600 - firewall-drop - 600',
      'firewall-drop600 - firewall-drop - 600',
    ]);
  });

  it('keeps the last of repeated agent_id elements from being copied alongside the new one', () => {
    const text = LATIN1.replace(
      '<location>local</location>',
      '<location>defined-agent</location>\r\n    <agent_id>001</agent_id>\r\n    <agent_id>009</agent_id>',
    );
    const { doc } = spreadToAgents(read(text), 1, ['004', '005']);
    expect(doc.blocks.slice(1).map((b) => b.children.filter((c) => c.name === 'agent_id').length)).toEqual([
      1, 1,
    ]);
    expect(findAgentGroups(doc)[0].agents).toEqual(['004', '005']);
  });

  it('refuses what is not a response the daemon reads, and an empty list', () => {
    const doc = read(LATIN1);
    expect(() => spreadToAgents(doc, 0, ['001'])).toThrow(EditError);
    expect(() => spreadToAgents(doc, 1, [])).toThrow('at least one agent ID');
    const agentConf = readDocument(
      '<agent_config>\n  <active-response>\n    <disabled>no</disabled>\n  </active-response>\n</agent_config>\n',
    );
    expect(() => spreadToAgents(agentConf, 0, ['001'])).toThrow('not in <ossec_config>');
  });

  it('leaves every byte outside the response and its copies alone, on any file (property)', () => {
    const withResponse = documentArbitrary
      .map((text) => readDocument(text))
      .filter(
        (doc) =>
          doc.xmlError === null && doc.blocks.some((b) => b.kind === 'active-response' && b.inConfigRoot),
      );
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(withResponse, fc.nat(), ids, (doc, pick, numbers) => {
        const responses = doc.blocks.filter((b) => b.kind === 'active-response' && b.inConfigRoot);
        const block = responses[pick % responses.length];
        const agents = numbers.map((n) => String(n).padStart(3, '0'));
        const { doc: next, members } = spreadToAgents(doc, block.index, agents);
        const reread = readDocument(next.text);
        expect(next.text.slice(0, block.start)).toBe(doc.text.slice(0, block.start));
        const lastEnd = reread.blocks[members.at(-1) as number].end;
        expect(next.text.slice(lastEnd)).toBe(doc.text.slice(block.end));
        expect(members.map((i) => fieldValue(reread.blocks[i], 'agent_id'))).toEqual(agents);
        const shared = (i: number) =>
          reread.blocks[i].children.filter((c) => c.name !== 'agent_id').map((c) => [c.name, c.value]);
        for (const i of members) expect(shared(i)).toEqual(shared(members[0]));
        if (agents.length > 1) {
          expect(findAgentGroups(reread).find((g) => g.members.includes(members[0]))?.members).toEqual(
            members,
          );
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('findAgentGroups', () => {
  const response = (agent: string, level = '10', extra = '') =>
    `  <active-response>\n    <command>firewall-drop</command>\n    <location>defined-agent</location>\n    <agent_id>${agent}</agent_id>\n    <level>${level}</level>\n    <timeout>600</timeout>${extra}\n  </active-response>\n`;
  const file = (...responses: string[]) =>
    `<ossec_config>\n${COMMAND.replaceAll('\r', '')}${responses.join('')}</ossec_config>\n`;

  it('recognises members that are not next to each other', () => {
    const doc = readDocument(file(response('001'), response('005', '12'), response('002')));
    expect(findAgentGroups(doc)).toEqual([{ members: [1, 3], agents: ['001', '002'] }]);
  });

  it('needs everything but the agent to be the same, and one numeric agent per member', () => {
    expect(findAgentGroups(readDocument(file(response('001'), response('002', '11'))))).toEqual([]);
    expect(
      findAgentGroups(
        readDocument(file(response('001'), response('002', '10', '\n    <rules_id>5712</rules_id>'))),
      ),
    ).toEqual([]);
    expect(findAgentGroups(readDocument(file(response('001'), response('abc'))))).toEqual([]);
    const local = file(response('001'), response('002')).replaceAll('defined-agent', 'local');
    expect(findAgentGroups(readDocument(local))).toEqual([]);
  });

  it('leaves a second block for the same agent out of the group', () => {
    const doc = readDocument(file(response('001'), response('1'), response('002')));
    expect(findAgentGroups(doc)).toEqual([{ members: [1, 3], agents: ['001', '002'] }]);
  });
});

describe('editing a group', () => {
  const start = () => spreadToAgents(read(LATIN1), 1, ['001', '002', '003']);

  it('sets a field in every member as one change and nothing else', () => {
    const { doc } = start();
    const [group] = findAgentGroups(doc);
    const next = setGroupField(doc, group, 'level', '12');
    expect(next.text).toBe(doc.text.replaceAll('<level>10</level>', '<level>12</level>'));
    expect(findAgentGroups(next)).toEqual([group]);
    const added = setGroupField(next, group, 'rules_group', 'sshd');
    expect(texts(added, group.members).every((t) => t.includes('<rules_group>sshd</rules_group>'))).toBe(
      true,
    );
    expect(() => setGroupField(doc, group, 'agent_id', '9')).toThrow(EditError);
  });

  it('adds an agent as a copy of the last member and removes one by its block', () => {
    const { doc } = start();
    const [group] = findAgentGroups(doc);
    const { doc: more, index } = addGroupAgent(doc, group, '007');
    expect(index).toBe(4);
    expect(findAgentGroups(more)[0].agents).toEqual(['001', '002', '003', '007']);
    const less = removeGroupAgent(more, findAgentGroups(more)[0], 2);
    expect(findAgentGroups(less)[0].agents).toEqual(['001', '003', '007']);
    expect(removeGroup(less, findAgentGroups(less)[0]).text).toBe(LATIN1.replace(RESPONSE, ''));
  });
});

describe('parseAgentIds', () => {
  it('reads IDs separated by commas, blanks or lines and names each wrong one', () => {
    const wazuh = parseTarget('wazuh@4.14');
    expect(parseAgentIds('001, 002\n003 004', wazuh)).toEqual({
      ids: ['001', '002', '003', '004'],
      problems: [],
    });
    const { ids, problems } = parseAgentIds('001 abc 000 1 12a', wazuh);
    expect(ids).toEqual(['001']);
    expect(problems).toEqual([
      "'abc' is not an agent ID: digits only, for example 001.",
      "'000' is agent 0, the manager: Wazuh 4.14 drops a defined-agent response for it (1306). Use location server to run on the manager.",
      "'1' is the same agent as '001'.",
      "'12a' is not an agent ID: digits only, for example 001.",
    ]);
  });

  it('lets agent 0 through where the target does not drop it (before Wazuh 4.3, OSSEC)', () => {
    expect(parseAgentIds('000', parseTarget('wazuh@4.2')).ids).toEqual(['000']);
    expect(parseAgentIds('000', parseTarget('ossec@3.7')).ids).toEqual(['000']);
    expect(parseAgentIds('000', parseTarget('wazuh@4.3')).ids).toEqual([]);
  });
});
