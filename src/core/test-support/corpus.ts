import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { RoleOption } from '../targets/role';

/** The shared corpus of real ossec.conf files, beside the repository. */
export const CORPUS_DIR = resolve(process.cwd(), '../shared/corpus');

export interface CorpusFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export function corpusFiles(): CorpusFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(CORPUS_DIR)
    .filter((path) => !path.endsWith('.md'))
    .sort()
    .map((path) => ({ name: relative(CORPUS_DIR, path), path, bytes: new Uint8Array(readFileSync(path)) }));
}

/**
 * The product, version and role a stock file belongs to, from its name (`wazuh-4.14.7-manager-…`).
 * Fragments are pieces of a manager's file, except the puppet response block, which is an agent's.
 */
export function ownTarget(name: string): { target: string; role: RoleOption } | undefined {
  const match = /^(?:fragments\/)?(ossec|wazuh)(?:-docker)?-(\d+)\.(\d+)\.\d+-(.*)$/.exec(name);
  if (match) {
    const [, product, major, minor, rest] = match;
    return {
      target: `${product}@${major}.${minor}`,
      // A centralized agent.conf is no host's ossec.conf: its role is left to the file.
      role: rest.endsWith('shared-agent.conf')
        ? 'auto'
        : /(^|-)agent-|windows/.test(rest)
          ? 'agent'
          : 'manager',
    };
  }
  if (name === 'fragments/wazuh-puppet-default_commands.erb')
    return { target: 'wazuh@4.14', role: 'manager' };
  if (name === 'fragments/wazuh-puppet-_default_activeresponse.erb')
    return { target: 'wazuh@4.14', role: 'agent' };
  return undefined;
}
