import type { AnalysisdModel } from '../derive/analysisd';
import type { ExecdView } from '../derive/execd';
import type { Block, BlockChild, ConfigDocument, Diagnostic, Fix, Severity } from '../model/types';
import type { Role } from '../targets/role';
import type { TargetProfile } from '../targets/target';
import { positionAt } from '../xml/positions';

/** Everything a rule looks at, computed once per validation. */
export interface RuleContext {
  doc: ConfigDocument;
  target: TargetProfile;
  role: Role;
  /** The admin chose the role rather than leaving it to the file. */
  roleChosen: boolean;
  /** The text is the admin's snippet, read as the blocks it holds (DESIGN §2). */
  snippet: boolean;
  /** How the admin has a text read as a snippet instead (the end of a root-less file's refusal). */
  snippetAdvice: string;
  /** What analysisd makes of the blocks (manager files). */
  model: AnalysisdModel;
  /** What execd reads from this host's file. */
  execd: ExecdView;
  /** The blocks the daemons read: inside an `<ossec_config>` root, or a fragment's own. */
  blocks: Block[];
}

/** One rule of reference §10: it returns its findings, each in the Diagnostic shape of DESIGN §4. */
export interface Rule {
  code: string;
  check(ctx: RuleContext): Diagnostic[];
}

export interface Finding {
  severity: Severity;
  message: string;
  daemonMessage?: string;
  block?: Block;
  /** The element the problem is in; the diagnostic points at it. */
  child?: BlockChild;
  /** The element a block-level problem is about when it is absent (a missing `<location>`). */
  field?: string;
  /** Where to point when there is no child: XML-level findings, or a place inside the block. */
  offset?: number;
  endOffset?: number;
  fix?: Fix;
  see?: Diagnostic['see'];
}

export function diagnostic(ctx: RuleContext, code: string, finding: Finding): Diagnostic {
  const { block, child } = finding;
  const offset = child?.start ?? finding.offset ?? block?.start ?? 0;
  const endOffset = child?.end ?? (finding.offset === undefined ? block?.end : finding.endOffset);
  const { line, column } = positionAt(ctx.doc.text, offset);
  const result: Diagnostic = {
    code,
    severity: finding.severity,
    message: finding.message,
    line,
    column,
    offset,
  };
  if (endOffset !== undefined) result.endOffset = endOffset;
  if (finding.daemonMessage !== undefined) result.daemonMessage = finding.daemonMessage;
  if (block) result.blockIndex = block.index;
  const field = child?.name ?? finding.field;
  if (field !== undefined) result.field = field;
  if (finding.fix) result.fix = finding.fix;
  if (finding.see) result.see = finding.see;
  return result;
}

/** The daemon that reads `<command>`/`<active-response>` options: analysisd on a manager, execd on an agent. */
export function readerOf(ctx: RuleContext): 'analysisd' | 'execd' {
  return ctx.role === 'manager' ? 'analysisd' : 'execd';
}
