import { describe, expect, it } from 'vitest';
import { arConfLines } from '../derive/ar-conf';
import { deriveResponses } from '../derive/responses';
import { readDocument } from '../model/read';
import { type Role, resolveRole } from '../targets/role';
import { corpusFiles, ownTarget } from '../test-support/corpus';
import { decodeBytes } from '../xml/encoding';
import { validate } from './validate';

const files = corpusFiles();

const stock = files.filter((f) => ownTarget(f.name));

/** A fragment of the corpus is what it says: a snippet of an ossec.conf, not a whole file. */
function read(file: { name: string; bytes: Uint8Array }) {
  return readDocument(decodeBytes(file.bytes).text, 'utf-8', file.name.startsWith('fragments/'));
}
const others = files.filter((f) => !ownTarget(f.name));

describe('the corpus', () => {
  it('maps every default configuration and fragment to its own target', () => {
    expect(stock.length).toBeGreaterThanOrEqual(31);
    expect(others.every((f) => f.name.startsWith('community/') || f.name.startsWith('templated/'))).toBe(
      true,
    );
  });

  it.each(stock.map((f) => [f.name, f]))('%s is accepted by its own product, version and role', (_, file) => {
    const own = ownTarget(file.name);
    if (!own) throw new Error(`no target for ${file.name}`);
    const doc = read(file);
    const errors = (role: Role | 'auto') =>
      validate(doc, { target: own.target, role }).filter((d) => d.severity === 'error');
    expect(errors(own.role)).toEqual([]);
    if (doc.shape !== 'config') return;
    // OSSEC's Windows agent files have their <client> only in a comment: auto reads them as a manager's.
    expect(errors('auto')).toEqual([]);
    if (resolveRole(doc, 'auto') === 'agent') expect(own.role).toBe('agent');
  });

  it('finds what the reference says about the stock agent block in a manager file and ca_* on a manager', () => {
    const agent = files.find((f) => f.name === 'wazuh-4.14.7-agent-ossec-agent.conf');
    const puppet = files.find((f) => f.name === 'fragments/wazuh-puppet-_default_activeresponse.erb');
    if (!agent || !puppet) throw new Error('corpus files missing');
    const asManager = (file: { name: string; bytes: Uint8Array }) =>
      validate(read(file), { target: 'wazuh@4.14', role: 'manager' })
        .filter((d) => d.severity === 'error')
        .map((d) => d.code);
    expect(asManager(agent)).toEqual(['A22']);
    const shared = files.find((f) => f.name === 'wazuh-4.14.7-shared-agent.conf');
    if (!shared) throw new Error('corpus file missing');
    expect(asManager(shared)).toEqual(['X3']);
    expect(asManager(puppet)).toEqual(['A1', 'A16']);
  });

  it('reads every community and templated file on every target without crashing', () => {
    for (const file of others) {
      const doc = readDocument(decodeBytes(file.bytes).text);
      for (const target of ['ossec@2.8', 'wazuh@3.0', 'wazuh@4.14']) {
        for (const d of validate(doc, { target })) {
          expect(d.line).toBeGreaterThan(0);
          expect(d.column).toBeGreaterThan(0);
        }
        expect(Array.isArray(arConfLines(doc, target))).toBe(true);
        expect(Array.isArray(deriveResponses(doc, target))).toBe(true);
      }
    }
  });
});
