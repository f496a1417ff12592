import { parseArgs } from 'node:util';
import { type AlertField, type AlertInput, ROLES, type RoleOption } from '../core';

export const USAGE = `Usage: ar-studio <command> [options] FILE...

Commands:
  check  [--target wazuh@4.14] [--role auto|manager|agent] [--format text|json] [--fragment] FILE...
         Report what the target daemon makes of each file. Exit 0 when every file is accepted,
         1 when any file has an error (the daemon would refuse to start).
  export FILE
         Print the document as the editor saves it (an unedited file comes back byte for byte).
  arconf [--target wazuh@4.14] [--role auto|manager|agent] [--fragment] FILE
         Print the ar.conf lines the manager writes for this file's responses, one a line.
         Exit 1 (after the lines of its valid blocks) when the target refuses the file.
  simulate [--target wazuh@4.14] [--format text|json] [--fragment] FILE [--alert ALERT]
           [--rule-id N] [--level N] [--groups "a,b,"] [--agent 001] [--srcip IP]
           [--user NAME] [--filename PATH] [--no-ar]
         Show which responses fire for one alert, on which hosts and for how long, and for each
         one that does not, the first check that stops it. --alert reads the alert from a file:
         one line of alerts.json or one alerts.log entry (- for standard input); the other
         options set or override its fields. --groups is the rule's group string as analysisd
         builds it; --agent is the agent that raised the alert (000, the default, is the
         manager); --no-ar says the rule has <options>no_ar</options>. Without --alert,
         --rule-id and --level are required. Exit 1 when the target refuses the file.
  migrate [--target wazuh@4.14] [--role auto|manager|agent] [--format text|json|markdown] [--fragment] FILE
         Turn the file's 4.x or OSSEC responses into Wazuh 5.0 (beta) active response definitions
         and monitor skeletons, with a report and the cleaned file. --target is the version the
         file runs on now. Exit 0 when every response migrates exactly, 1 when any needs review
         or cannot migrate.

Options:
  --fragment    Read each FILE as a snippet to paste into an ossec.conf (<command> and
                <active-response> blocks without an <ossec_config> root): its blocks are checked
                as if inside one, and stock commands are taken as defined above it. Without it
                a FILE is judged as the daemon judges a whole ossec.conf, which a file without
                an <ossec_config> root is not.
  -h, --help    Show this help.

--target takes ossec@2.8, ossec@3.7, ossec@4.2, wazuh@3.0 … wazuh@4.14 and wazuh@5.0 (beta).

Exit status: 0 accepted, 1 not accepted, 2 usage error or unreadable file.
`;

export type Format = 'text' | 'json';
export type ReportFormat = Format | 'markdown';

export type Invocation =
  | { command: 'help' }
  | { command: 'export'; file: string }
  | {
      command: 'check';
      target?: string;
      role: RoleOption;
      format: Format;
      fragment: boolean;
      files: string[];
    }
  | { command: 'arconf'; target?: string; role: RoleOption; fragment: boolean; file: string }
  | {
      command: 'simulate';
      target?: string;
      format: Format;
      fragment: boolean;
      file: string;
      alert: AlertSource;
    }
  | {
      command: 'migrate';
      target?: string;
      role: RoleOption;
      format: ReportFormat;
      fragment: boolean;
      file: string;
    };

/** Where a simulated alert comes from: a file holding one (or `-`), and the fields the options set. */
export interface AlertSource {
  file?: string;
  overrides: Partial<AlertInput>;
}

/** The option that sets each alert field. */
export const ALERT_OPTIONS: Record<AlertField, string> = {
  ruleId: 'rule-id',
  level: 'level',
  groups: 'groups',
  agent: 'agent',
  srcip: 'srcip',
  user: 'user',
  filename: 'filename',
};

/** A mistake in how the command was called: reported on stderr with exit status 2. */
export class UsageError extends Error {}

const FORMATS: readonly Format[] = ['text', 'json'];
const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown'];

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got '${value}')`);
}

const OPTIONS = {
  target: { type: 'string' },
  role: { type: 'string' },
  format: { type: 'string' },
  'rule-id': { type: 'string' },
  level: { type: 'string' },
  groups: { type: 'string' },
  agent: { type: 'string' },
  srcip: { type: 'string' },
  user: { type: 'string' },
  filename: { type: 'string' },
  alert: { type: 'string' },
  'no-ar': { type: 'boolean' },
  fragment: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Parses every known option, then refuses the ones this command does not take. */
function parse(command: string, args: string[], allowed: OptionName[]) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    // parseArgs words its errors for programmers ("Unknown option '--x'. To specify a positional …");
    // the first sentence is what a user needs.
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new UsageError(message);
  }
  for (const name of Object.keys(parsed.values) as OptionName[]) {
    if (name !== 'help' && !allowed.includes(name))
      throw new UsageError(`${command} does not take --${name}`);
  }
  return parsed;
}

function exactlyOneFile(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${command} takes exactly one FILE (got ${positionals.length})`);
  }
  return positionals[0];
}

export function parseInvocation(argv: string[]): Invocation {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help' };

  switch (command) {
    case 'export': {
      const { values, positionals } = parse(command, rest, []);
      if (values.help) return { command: 'help' };
      return { command, file: exactlyOneFile(command, positionals) };
    }
    case 'check': {
      const { values, positionals } = parse(command, rest, ['target', 'role', 'format', 'fragment']);
      if (values.help) return { command: 'help' };
      if (positionals.length === 0) throw new UsageError('check needs at least one FILE');
      return {
        command,
        target: values.target,
        role: oneOf('role', values.role, ROLES, 'auto'),
        format: oneOf('format', values.format, FORMATS, 'text'),
        fragment: values.fragment === true,
        files: positionals,
      };
    }
    case 'arconf': {
      const { values, positionals } = parse(command, rest, ['target', 'role', 'fragment']);
      if (values.help) return { command: 'help' };
      return {
        command,
        target: values.target,
        role: oneOf('role', values.role, ROLES, 'auto'),
        fragment: values.fragment === true,
        file: exactlyOneFile(command, positionals),
      };
    }
    case 'simulate': {
      const { values, positionals } = parse(command, rest, [
        'target',
        'format',
        'rule-id',
        'level',
        'groups',
        'agent',
        'srcip',
        'user',
        'filename',
        'alert',
        'no-ar',
        'fragment',
      ]);
      if (values.help) return { command: 'help' };
      const file = exactlyOneFile(command, positionals);
      if (file === '-' && values.alert === '-')
        throw new UsageError('FILE and --alert cannot both be - (standard input)');
      const overrides: Partial<AlertInput> = {};
      for (const [field, option] of Object.entries(ALERT_OPTIONS) as Array<[AlertField, string]>) {
        const value = values[option as OptionName];
        if (typeof value === 'string') overrides[field] = value;
      }
      if (values['no-ar']) overrides.noAr = true;
      return {
        command,
        target: values.target,
        format: oneOf('format', values.format, FORMATS, 'text'),
        fragment: values.fragment === true,
        file,
        alert: { file: values.alert, overrides },
      };
    }
    case 'migrate': {
      const { values, positionals } = parse(command, rest, ['target', 'role', 'format', 'fragment']);
      if (values.help) return { command: 'help' };
      return {
        command,
        target: values.target,
        role: oneOf('role', values.role, ROLES, 'auto'),
        format: oneOf('format', values.format, REPORT_FORMATS, 'text'),
        fragment: values.fragment === true,
        file: exactlyOneFile(command, positionals),
      };
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}
