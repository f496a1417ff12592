import {
  ALERT_FIELD_LABELS,
  type Alert,
  type AlertField,
  type AlertFormat,
  type AlertInput,
  type AlertProblem,
  activeResponseOf,
  arConfLines,
  type ConfigDocument,
  commandOf,
  DEFAULT_TARGET,
  type Diagnostic,
  decodeBytes,
  deriveResponses,
  EMPTY_ALERT_INPUT,
  encodeText,
  fileResponsesAbsence,
  isAccepted,
  migrate,
  migrationBundle,
  migrationMarkdown,
  migrationTextLines,
  parseAlert,
  parseTarget,
  positionAt,
  type Role,
  type RoleOption,
  readAlertInput,
  readDocument,
  resolveRole,
  showControls,
  simulate,
  type TargetProfile,
  validate,
} from '../core';
import { ALERT_OPTIONS, type AlertSource, type Invocation, parseInvocation, USAGE, UsageError } from './args';

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

/** The bytes of one file, or an {@link UnreadableFile} that says why not. */
async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = (code && READ_ERRORS[code]) ?? (error instanceof Error ? error.message : String(error));
    throw new UnreadableFile(`cannot read '${file}': ${reason}`);
  }
}

/**
 * Reads and decodes one file, as a whole ossec.conf or, with `--fragment`, as a snippet. When
 * `noteEncoding` is set, a file that is not UTF-8 gets a note on stderr: it is still read (as Latin-1,
 * every byte kept), but the admin should know the daemon expects UTF-8.
 */
async function load(
  io: CliIo,
  file: string,
  noteEncoding: boolean,
  fragment = false,
): Promise<ConfigDocument> {
  const decoded = decodeBytes(await readBytes(io, file));
  if (noteEncoding && decoded.problem) io.stderr(`ar-studio: note: ${file}: ${decoded.problem}\n`);
  return readDocument(decoded.text, decoded.encoding, fragment);
}

function targetOf(text: string | undefined): TargetProfile {
  try {
    return parseTarget(text ?? DEFAULT_TARGET);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

interface Verdict {
  doc: ConfigDocument;
  role: Role;
  diagnostics: Diagnostic[];
  accepted: boolean;
}

function judge(doc: ConfigDocument, target: TargetProfile, roleOption: RoleOption): Verdict {
  const role = resolveRole(doc, roleOption);
  const diagnostics = validate(doc, { target, role: roleOption });
  return { doc, role, diagnostics, accepted: isAccepted(diagnostics) };
}

function compilerLine(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`;
}

/** One file's entry in `check --format json` (DESIGN §6). */
function jsonReport(file: string, target: TargetProfile, { doc, role, diagnostics, accepted }: Verdict) {
  const read = doc.blocks.filter((block) => block.inConfigRoot);
  const at = (offset: number) => positionAt(doc.text, offset);
  const summaries = new Map(deriveResponses(doc, target, role).map((s) => [s.blockIndex, s]));
  return {
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
    commands: read
      .filter((block) => block.kind === 'command')
      .map((block) => ({ ...at(block.start), ...commandOf(block) })),
    activeResponses: read
      .filter((block) => block.kind === 'active-response')
      .map((block) => {
        const derived = summaries.get(block.index);
        return {
          ...at(block.start),
          ...activeResponseOf(block),
          ...(derived && {
            outcome: derived.outcome,
            stateful: derived.stateful,
            effectiveTimeout: derived.effectiveTimeout,
            arConfLine: derived.arConfLine ?? null,
            summary: derived.summary,
          }),
        };
      }),
    arConf: arConfLines(doc, target, role),
  };
}

async function runExport(io: CliIo, file: string): Promise<number> {
  const doc = await load(io, file, false);
  io.stdout(encodeText(doc.text, doc.encoding));
  return EXIT_ACCEPTED;
}

async function runCheck(io: CliIo, invocation: Extract<Invocation, { command: 'check' }>): Promise<number> {
  const target = targetOf(invocation.target);
  let status = EXIT_ACCEPTED;
  const reports: object[] = [];
  for (const file of invocation.files) {
    let doc: ConfigDocument;
    try {
      doc = await load(io, file, true, invocation.fragment);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      io.stderr(`ar-studio: ${error.message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    const verdict = judge(doc, target, invocation.role);
    if (!verdict.accepted && status === EXIT_ACCEPTED) status = EXIT_NOT_ACCEPTED;
    if (invocation.format === 'text') {
      for (const diagnostic of verdict.diagnostics) io.stdout(compilerLine(file, diagnostic));
    } else {
      reports.push(jsonReport(file, target, verdict));
    }
  }
  if (invocation.format === 'json')
    io.stdout(`${JSON.stringify({ target: target.id, files: reports }, null, 2)}\n`);
  return status;
}

/** arconf and simulate have nothing to work on when the manager takes its responses from the indexer. */
function withFileResponses(target: TargetProfile, command: string): TargetProfile {
  const absence = fileResponsesAbsence(target);
  if (absence) throw new UsageError(`${command} does not apply to ${target.label}: ${absence}`);
  return target;
}

async function runArConf(io: CliIo, invocation: Extract<Invocation, { command: 'arconf' }>): Promise<number> {
  const target = withFileResponses(targetOf(invocation.target), 'arconf');
  const { doc, role, accepted } = judge(
    await load(io, invocation.file, true, invocation.fragment),
    target,
    invocation.role,
  );
  for (const line of arConfLines(doc, target, role)) io.stdout(`${line}\n`);
  if (accepted) return EXIT_ACCEPTED;
  refusedNote(io, target, invocation.file, 'these are the lines its valid blocks would add');
  return EXIT_NOT_ACCEPTED;
}

function refusedNote(io: CliIo, target: TargetProfile, file: string, shown: string): void {
  io.stderr(
    `ar-studio: ${target.label} refuses '${file}' and would not start; ` +
      `${shown} (see: ar-studio check ${file})\n`,
  );
}

interface ReadAlert {
  alert: Alert;
  problems: Array<AlertProblem & { where: string }>;
  source?: { file: string; format: AlertFormat; notes: string[] };
}

/** The alert of a `simulate` call: its file, if any, with the options' fields on top; exit 2 on a wrong field. */
async function readAlert(io: CliIo, source: AlertSource, target: TargetProfile): Promise<ReadAlert> {
  let input: AlertInput = { ...EMPTY_ALERT_INPUT, agent: '000' };
  let from: ReadAlert['source'];
  if (source.file !== undefined) {
    const parsed = parseAlert(decodeBytes(await readBytes(io, source.file)).text);
    if (!parsed.ok) throw new UsageError(`${source.file}: ${showControls(parsed.message)}`);
    input = { ...parsed.input, agent: parsed.input.agent === '' ? '000' : parsed.input.agent };
    from = { file: source.file, format: parsed.format, notes: parsed.notes };
  }
  input = { ...input, ...source.overrides };
  const { alert, problems } = readAlertInput(input, target);
  const where = (field: AlertField) =>
    field in source.overrides || source.file === undefined
      ? `--${ALERT_OPTIONS[field]}`
      : `${source.file}: ${ALERT_FIELD_LABELS[field].toLowerCase()}`;
  const named = problems.map((p) => ({ ...p, where: where(p.field) }));
  const errors = named.filter((p) => p.severity === 'error');
  if (!alert || errors.length > 0)
    throw new UsageError(errors.map((p) => `${p.where}: ${showControls(p.message)}`).join('\nar-studio: '));
  return { alert, problems: named, source: from };
}

function alertLine({ alert, source }: ReadAlert): string {
  const parts = [`rule ${alert.ruleId}`, `level ${alert.level}`];
  if (alert.groups) parts.push(`groups ${alert.groups}`);
  parts.push(
    alert.agentName
      ? `agent ${alert.agentName}`
      : alert.agentId && alert.agentId !== '000'
        ? `agent ${alert.agentId}`
        : 'the manager',
  );
  if (alert.srcip) parts.push(`source IP ${alert.srcip}`);
  if (alert.user) parts.push(`user ${alert.user}`);
  if (alert.filename) parts.push(`file ${alert.filename}`);
  if (alert.noAr) parts.push('no_ar');
  const from = source ? ` (${source.format}, ${source.file})` : '';
  return `alert: ${parts.join('; ')}${from}`;
}

async function runSimulate(
  io: CliIo,
  invocation: Extract<Invocation, { command: 'simulate' }>,
): Promise<number> {
  const target = withFileResponses(targetOf(invocation.target), 'simulate');
  const { file } = invocation;
  const read = await readAlert(io, invocation.alert, target);
  for (const problem of read.problems)
    io.stderr(`ar-studio: note: ${showControls(`${problem.where}: ${problem.message}`)}\n`);
  const { doc, accepted } = judge(await load(io, file, true, invocation.fragment), target, 'manager');
  const { responses, summary, whiteList, notes } = simulate(doc, read.alert, target);
  const at = (blockIndex: number) => positionAt(doc.text, doc.blocks[blockIndex].start);
  if (invocation.format === 'json') {
    const report = {
      target: target.id,
      file,
      accepted,
      alert: read.alert,
      alertSource: read.source ?? null,
      alertProblems: read.problems.map(({ field, severity, message }) => ({ field, severity, message })),
      summary,
      responses: responses.map(({ whiteListed, ...r }) => ({
        ...at(r.blockIndex),
        ...r,
        whiteListed: whiteListed
          ? { value: whiteListed.value, line: positionAt(doc.text, whiteListed.offset).line }
          : null,
      })),
      whiteList: whiteList && {
        ip: whiteList.ip,
        entries: whiteList.entries,
        listed: whiteList.hit !== null,
        because: whiteList.hit?.because ?? null,
      },
      notes: [...(read.source?.notes ?? []), ...notes],
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const out: string[] = [summary, alertLine(read)];
    for (const r of responses) {
      const { line, column } = at(r.blockIndex);
      const where = r.fires ? ` Runs on ${r.hosts.join(', ')}; ${undoText(r.timeout, r.offences)}.` : '';
      out.push(
        `${file}:${line}:${column} ${r.fires ? 'fires' : 'idle'} ${r.command ?? '(no command)'}: ${r.reason}${where}`,
      );
    }
    if (whiteList)
      out.push(
        whiteList.hit
          ? `white list: ${whiteList.hit.because}${whiteList.hit.entry ? ` (line ${whiteList.hit.entry.line})` : ''}`
          : `white list: ${whiteList.ip} is not on it (${whiteList.entries} ${whiteList.entries === 1 ? 'entry' : 'entries'})`,
      );
    for (const note of [...(read.source?.notes ?? []), ...notes]) out.push(`note: ${note}`);
    io.stdout(`${out.map(showControls).join('\n')}\n`);
  }
  if (accepted) return EXIT_ACCEPTED;
  refusedNote(io, target, file, 'this is what its valid blocks would do');
  return EXIT_NOT_ACCEPTED;
}

function undoText(timeout: number, offences: number[] | undefined): string {
  if (timeout === 0) return 'never undone';
  if (!offences) return `undone after ${timeout} s`;
  return `undone after ${offences.map((seconds) => `${seconds} s`).join(', then ')} for repeat offences`;
}

async function runMigrate(
  io: CliIo,
  invocation: Extract<Invocation, { command: 'migrate' }>,
): Promise<number> {
  const from = targetOf(invocation.target);
  if (from.responsesFrom === 'indexer') {
    throw new UsageError(
      `migrate reads a file written for 4.x or OSSEC; --target is the version it runs on now, not ${from.label}`,
    );
  }
  const { file } = invocation;
  const { doc, role, accepted } = judge(
    await load(io, file, true, invocation.fragment),
    from,
    invocation.role,
  );
  const migration = migrate(doc, { from, role });
  if (invocation.format === 'json') {
    const { cleaned, ...report } = migration;
    const out = {
      file,
      ...report,
      bundle: migrationBundle(migration),
      cleaned: { text: cleaned.text, hunks: cleaned.hunks },
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else if (invocation.format === 'markdown') {
    io.stdout(migrationMarkdown(migration, file));
  } else {
    for (const line of migrationTextLines(migration, file)) io.stdout(`${showControls(line)}\n`);
  }
  if (!accepted) refusedNote(io, from, file, 'this is what its valid blocks would become');
  return accepted && migration.status === 'exact' ? EXIT_ACCEPTED : EXIT_NOT_ACCEPTED;
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
      case 'arconf':
        return await runArConf(io, invocation);
      case 'simulate':
        return await runSimulate(io, invocation);
      case 'migrate':
        return await runMigrate(io, invocation);
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile || error instanceof UsageError)) throw error;
    io.stderr(`ar-studio: ${error.message}\n`);
    return EXIT_USAGE;
  }
}
