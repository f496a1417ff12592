import type { AnalysisdModel, CommandModel, ResponseModel } from '../derive/analysisd';
import type { ExecdView } from '../derive/execd';
import { fieldsNamed, occurrenceOf } from '../model/fields';
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
  /**
   * The blocks the daemons read (inside an `<ossec_config>` root, or a fragment's own) that this pass
   * checks: all of them for `validate`, those an edit touched for the checker. Rules iterate these and look
   * anything else up in the document, the model or the facts below.
   */
  blocks: Block[];
  /** The blocks this pass checks, read by the daemons or not (X2 reads what every block holds). */
  everyBlock: Block[];
  /** The responses analysisd reads that this pass checks, in document order (the model holds them all). */
  responses: ResponseModel[];
  /** What analysisd makes of a block it reads: its command or response model. */
  modelOf(block: Block): CommandModel | ResponseModel | undefined;
  /** The first definition of a command name, the one every lookup finds (C9). */
  firstDefinition(name: string): CommandModel | undefined;
  /** The first accepted response that adds an ar.conf key: the entry agents keep (H5). */
  firstOfArConfKey(key: string): ResponseModel | undefined;
  /** Some response analysisd reads holds `disabled` yes (A21 looks at every response then). */
  anyDisabled: boolean;
}

/**
 * What a rule's findings for a block depend on, so that the checker knows what an edit makes it redo:
 * - `block`: the block itself (and the blanks and `#` before it on its line), the target and the role.
 *   It iterates `ctx.blocks` or `ctx.everyBlock`.
 * - `facts`: the block and what the whole document decides about it: the analysisd model's entry of a
 *   response (the command it resolves to, disabled, skipped), the first definition of a command's name,
 *   the first response of an ar.conf key, the block execd reads. It iterates `ctx.blocks` or
 *   `ctx.responses` and looks those up.
 * - `document`: the document as a whole (its reading, its roots and sections, every response at once).
 */
export type RuleScope = 'block' | 'facts' | 'document';

/** One rule of reference §10: it returns its findings, each in the Diagnostic shape of DESIGN §4. */
export interface Rule {
  code: string;
  scope: RuleScope;
  /**
   * A document rule that reads only what lies outside the blocks (the roots, other sections, the
   * `<global>` white list): an edit inside blocks moves its findings but cannot change them.
   */
  outsideBlocks?: boolean;
  /**
   * A fact rule whose findings also read facts no signature holds (A2: the names defined above a response,
   * the other responses of its name): the checker finds them again on every pass.
   */
  wideFacts?: boolean;
  check(ctx: RuleContext): Diagnostic[];
  /**
   * A block rule's findings in what the reader found in the whole document, reported before its own
   * (X2: CDATA and DOCTYPE).
   */
  checkDocument?(ctx: RuleContext): Diagnostic[];
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
  if (finding.fix) result.fix = block && child ? pinnedTo(finding.fix, block, child) : finding.fix;
  if (finding.see) result.see = finding.see;
  return result;
}

/**
 * A fix that sets the field its diagnostic points at acts on that very element: with the field written
 * several times, a bare `setField` would edit the last one, not the one found wrong. (Removing a field
 * still removes every occurrence unless the rule says otherwise.)
 */
function pinnedTo(fix: Fix, block: Block, child: BlockChild): Fix {
  const occurrence = occurrenceOf(block, child);
  // Written once, the last occurrence is the flagged one: the operation stays as the rule wrote it.
  if (occurrence === fieldsNamed(block, child.name).length - 1) return fix;
  const ops = fix.ops.map((op) =>
    op.op === 'setField' &&
    op.blockIndex === block.index &&
    op.field === child.name &&
    op.occurrence === undefined
      ? { ...op, occurrence }
      : op,
  );
  return { ...fix, ops };
}

/** The daemon that reads `<command>`/`<active-response>` options: analysisd on a manager, execd on an agent. */
export function readerOf(ctx: RuleContext): 'analysisd' | 'execd' {
  return ctx.role === 'manager' ? 'analysisd' : 'execd';
}
