import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from './run';

const BIN = path.resolve(process.cwd(), 'bin/ar-studio.mjs');

/** The real `ar-studio` process, as a user starts it. */
export function cli(...args: string[]) {
  return cliFed('', ...args);
}

/** The real process with `input` on its standard input. */
export function cliFed(input: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** The same entry point in this process: what the binary runs, minus the cost of starting Node and tsx. */
export async function cliInProcess(...args: string[]) {
  const out: Buffer[] = [];
  let stderr = '';
  const status = await runCli(args, {
    readFile: async (file) => new Uint8Array(await readFile(file)),
    stdout: (chunk) => {
      out.push(Buffer.from(chunk));
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { status, stdout: Buffer.concat(out), stderr };
}
