import { readFile } from 'node:fs/promises';
import { type CliIo, runCli } from './run';

/** Standard input, read once to its end (`-` as a file name). */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

const io: CliIo = {
  readFile: async (path) => (path === '-' ? readStdin() : new Uint8Array(await readFile(path))),
  stdout: (chunk) => {
    process.stdout.write(chunk);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/** The `ar-studio` process: never throws, never prints a stack trace; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  // A reader that goes away early (`ar-studio export F | head`) is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`ar-studio: cannot write output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 2);
  });
  try {
    return await runCli(argv, io);
  } catch (error) {
    process.stderr.write(
      `ar-studio: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
}
