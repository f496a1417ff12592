import { open } from 'node:fs/promises';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  /** A file's bytes; throws `InputTooLarge` past `maxBytes`, having read no more than that. */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  /** Standard input to its end; throws `InputTooLarge` past `maxBytes`. */
  readStdin(maxBytes: number): Promise<Uint8Array>;
  stdout(chunk: string | Uint8Array): void;
  stderr(text: string): void;
}

/** More bytes than the caller takes: `bytes` is the size, or the limit a stream went past (`atLeast`). */
export class InputTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly atLeast: boolean,
  ) {
    super('input too large');
  }
}

/** Reads chunks until the end, stopping one byte past `maxBytes` (a pipe or `/dev/zero` has no size). */
export async function readCapped(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) throw new InputTooLarge(maxBytes, true);
    parts.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

async function* fileChunks(handle: Awaited<ReturnType<typeof open>>): AsyncIterable<Uint8Array> {
  for (;;) {
    const buffer = new Uint8Array(1 << 20);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** The process's own files and streams. */
export const processIo: CliIo = {
  async readFile(path, maxBytes) {
    const handle = await open(path, 'r');
    try {
      const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
      // A regular file says its size: one too large is refused before a byte of it is read.
      if (isFile && size > maxBytes) throw new InputTooLarge(size, false);
      return await readCapped(fileChunks(handle), maxBytes);
    } finally {
      await handle.close();
    }
  },
  readStdin: (maxBytes) => readCapped(process.stdin, maxBytes),
  stdout: (chunk) => {
    process.stdout.write(chunk);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};
