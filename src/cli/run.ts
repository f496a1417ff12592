import { readDocument } from '../core/model/read';
import type { ConfigDocument, Diagnostic } from '../core/model/types';
import { resolveRole } from '../core/targets/role';
import { DEFAULT_TARGET, parseTarget, type TargetProfile } from '../core/targets/target';
import { decodeBytes, encodeText } from '../core/xml/encoding';
import { type Invocation, parseInvocation, USAGE, UsageError } from './args';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  stdout(chunk: string | Uint8Array): void;
  stderr(text: string): void;
}

const EXIT_ACCEPTED = 0;
const EXIT_NOT_ACCEPTED = 1;
const EXIT_USAGE = 2;

/** A file that could not be read at all: reported on stderr with exit status 2. */
class UnreadableFile extends Error {}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a component of the path is not a directory',
};

async function load(io: CliIo, file: string): Promise<ConfigDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = (code && READ_ERRORS[code]) ?? (error instanceof Error ? error.message : String(error));
    throw new UnreadableFile(`cannot read '${file}': ${reason}`);
  }
  const decoded = decodeBytes(bytes);
  return readDocument(decoded.text, decoded.encoding);
}

function compilerLine(file: string, diagnostic: Diagnostic): string {
  return `${file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}\n`;
}

async function runExport(io: CliIo, file: string): Promise<number> {
  const doc = await load(io, file);
  io.stdout(encodeText(doc.text, doc.encoding));
  return EXIT_ACCEPTED;
}

function targetOf(text: string | undefined): TargetProfile {
  try {
    return parseTarget(text ?? DEFAULT_TARGET);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function runCheck(io: CliIo, invocation: Extract<Invocation, { command: 'check' }>): Promise<number> {
  const target = targetOf(invocation.target);
  let status = EXIT_ACCEPTED;
  const reports: object[] = [];
  for (const file of invocation.files) {
    let doc: ConfigDocument;
    try {
      doc = await load(io, file);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      io.stderr(`ar-studio: ${error.message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    const role = resolveRole(doc, invocation.role);
    const diagnostics = doc.problems;
    const accepted = !diagnostics.some((d) => d.severity === 'error');
    if (!accepted && status === EXIT_ACCEPTED) status = EXIT_NOT_ACCEPTED;
    if (invocation.format === 'text') {
      for (const diagnostic of diagnostics) io.stdout(compilerLine(file, diagnostic));
    } else {
      reports.push({
        file,
        role,
        accepted,
        diagnostics: diagnostics.map((d) => ({
          severity: d.severity,
          code: d.code,
          message: d.message,
          daemonMessage: d.daemonMessage ?? null,
          line: d.line,
          column: d.column,
        })),
      });
    }
  }
  if (invocation.format === 'json')
    io.stdout(`${JSON.stringify({ target: target.id, files: reports }, null, 2)}\n`);
  return status;
}

/** Runs one `ar-studio` invocation and returns its exit status; expected failures never throw. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`ar-studio: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    switch (invocation.command) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_ACCEPTED;
      case 'export':
        return await runExport(io, invocation.file);
      case 'check':
        return await runCheck(io, invocation);
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile || error instanceof UsageError)) throw error;
    io.stderr(`ar-studio: ${error.message}\n`);
    return EXIT_USAGE;
  }
}
