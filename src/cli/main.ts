import { escapeForTerminal } from '../core';
import { processIo } from './io';
import { runCli } from './run';

/** The `ar-studio` process: never throws, never prints a stack trace; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  // A reader that goes away early (`ar-studio export F | head`) is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`ar-studio: cannot write output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 2);
  });
  try {
    return await runCli(argv, processIo);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ar-studio: internal error: ${escapeForTerminal(message)}\n`);
    return 2;
  }
}
