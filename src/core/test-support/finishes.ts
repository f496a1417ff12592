/**
 * A guard against super-linear paths, without timing anything: the script runs in its own Node process
 * (TypeScript through tsx, imports relative to the repository root) and is killed when it has not
 * finished by the deadline. Each input handed to it takes minutes to hours on a quadratic or exponential
 * path and milliseconds on a linear one, so a deadline of a minute only ever catches the former,
 * however busy the machine. A synchronous test could not be stopped at all: a hang would freeze the run.
 */

import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export const FINISH_DEADLINE_MS = 60_000;
/** The test's own timeout: the deadline plus the start of a process on a busy machine. */
export const FINISH_TEST_TIMEOUT_MS = FINISH_DEADLINE_MS + 30_000;

export function finishes(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${FINISH_DEADLINE_MS / 1000} s:\n${script}`));
    }, FINISH_DEADLINE_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
}
