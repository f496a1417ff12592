import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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
