import { type AnalysisdModel, emulateAnalysisd, type ResponseModel } from '../derive/analysisd';
import { firstByArConfKey } from '../derive/ar-conf';
import { execdView } from '../derive/execd';
import { readsAsSnippet } from '../model/read';
import type { ConfigDocument, Diagnostic } from '../model/types';
import { type Role, type RoleOption, resolveRole } from '../targets/role';
import { DEFAULT_TARGET, type TargetProfile, toProfile } from '../targets/target';
import type { Rule, RuleContext } from './rule';
import { a1MissingCommandLocation } from './rules/a1-missing-command-location';
import { a2UnknownCommand } from './rules/a2-unknown-command';
import { a3InvalidLocation } from './rules/a3-invalid-location';
import { a4NonCanonicalLocation } from './rules/a4-non-canonical-location';
import { a5DefinedAgentWithoutId } from './rules/a5-defined-agent-without-id';
import { a6AgentIdZero } from './rules/a6-agent-id-zero';
import { a7AgentIdIgnored } from './rules/a7-agent-id-ignored';
import { a8LevelInvalid } from './rules/a8-level-invalid';
import { a9LevelNeverMatches } from './rules/a9-level-never-matches';
import { a10NoTrigger } from './rules/a10-no-trigger';
import { a11RulesGroupComma } from './rules/a11-rules-group-comma';
import { a12RulesIdCharacters } from './rules/a12-rules-id-characters';
import { a13TimeoutNotNumeric } from './rules/a13-timeout-not-numeric';
import { a14TimeoutNotAllowed } from './rules/a14-timeout-not-allowed';
import { a15DisabledValue } from './rules/a15-disabled-value';
import { a16CaOnManager } from './rules/a16-ca-on-manager';
import { a17CaOnAgent } from './rules/a17-ca-on-agent';
import { a18RepeatedOffendersFormat } from './rules/a18-repeated-offenders-format';
import { a19RepeatedOffendersOnManager } from './rules/a19-repeated-offenders-on-manager';
import { a20UnknownResponseElement } from './rules/a20-unknown-response-element';
import { a21DisabledPosition } from './rules/a21-disabled-position';
import { a22LoneDisabledNo } from './rules/a22-lone-disabled-no';
import { c1MissingNameExecutable } from './rules/c1-missing-name-executable';
import { c2MissingExpect } from './rules/c2-missing-expect';
import { c3ExpectDeprecated } from './rules/c3-expect-deprecated';
import { c4ExpectToken } from './rules/c4-expect-token';
import { c5TimeoutAllowedValue } from './rules/c5-timeout-allowed-value';
import { c6ExtraArgsUnsupported } from './rules/c6-extra-args-unsupported';
import { c7UnknownCommandElement } from './rules/c7-unknown-command-element';
import { c8BangName } from './rules/c8-bang-name';
import { c9DuplicateCommand } from './rules/c9-duplicate-command';
import { c10NameFormat } from './rules/c10-name-format';
import { c11NonStockExecutable } from './rules/c11-non-stock-executable';
import { c12NestedDefinition } from './rules/c12-nested-definition';
import { g1WhiteListRefused } from './rules/g1-white-list-refused';
import { g2WhiteListSurprise } from './rules/g2-white-list-surprise';
import { h1NeverLifted } from './rules/h1-never-lifted';
import { h2AllWithoutManager } from './rules/h2-all-without-manager';
import { h3WindowsScriptEverywhere } from './rules/h3-windows-script-everywhere';
import { h4LooseText } from './rules/h4-loose-text';
import { h5ArConfKeyCollision } from './rules/h5-ar-conf-key-collision';
import { h6ExtraArgsField } from './rules/h6-extra-args-field';
import { r1AgentIgnores } from './rules/r1-agent-ignores';
import { w1CommandRefused } from './rules/w1-command-refused';
import { w2ResponseIgnored } from './rules/w2-response-ignored';
import { w3WhiteListRefused } from './rules/w3-white-list-refused';
import { w4RepeatedOffendersUndocumented } from './rules/w4-repeated-offenders-undocumented';
import { x1XmlError } from './rules/x1-xml-error';
import { x2Dialect } from './rules/x2-dialect';
import { x3InvalidElement } from './rules/x3-invalid-element';
import { x4EmptyBlock } from './rules/x4-empty-block';

/** Every rule: those of reference §10 in its order, then the role rule and the hints of §8. */
export const RULES: readonly Rule[] = [
  x1XmlError,
  x2Dialect,
  x3InvalidElement,
  x4EmptyBlock,
  c1MissingNameExecutable,
  c2MissingExpect,
  c3ExpectDeprecated,
  c4ExpectToken,
  c5TimeoutAllowedValue,
  c6ExtraArgsUnsupported,
  c7UnknownCommandElement,
  c8BangName,
  c9DuplicateCommand,
  c10NameFormat,
  c11NonStockExecutable,
  c12NestedDefinition,
  a1MissingCommandLocation,
  a2UnknownCommand,
  a3InvalidLocation,
  a4NonCanonicalLocation,
  a5DefinedAgentWithoutId,
  a6AgentIdZero,
  a7AgentIdIgnored,
  a8LevelInvalid,
  a9LevelNeverMatches,
  a10NoTrigger,
  a11RulesGroupComma,
  a12RulesIdCharacters,
  a13TimeoutNotNumeric,
  a14TimeoutNotAllowed,
  a15DisabledValue,
  a16CaOnManager,
  a17CaOnAgent,
  a18RepeatedOffendersFormat,
  a19RepeatedOffendersOnManager,
  a20UnknownResponseElement,
  a21DisabledPosition,
  a22LoneDisabledNo,
  r1AgentIgnores,
  g1WhiteListRefused,
  g2WhiteListSurprise,
  h1NeverLifted,
  h2AllWithoutManager,
  h3WindowsScriptEverywhere,
  h4LooseText,
  h5ArConfKeyCollision,
  h6ExtraArgsField,
];

/**
 * The rules for a target whose manager takes its responses from the indexer (Wazuh 5.0): the XML reader's,
 * the 5.0 leftovers, and on agents what execd and the upgrade module still read (reference wazuh5 §1–§2).
 * analysisd's rules do not apply: nothing on a 5.0 manager reads commands or responses from the file.
 */
export const INDEXER_RULES: Readonly<Record<Role, readonly Rule[]>> = {
  manager: [x1XmlError, x2Dialect, x3InvalidElement, w1CommandRefused, w2ResponseIgnored, w3WhiteListRefused],
  agent: [
    x1XmlError,
    x2Dialect,
    x3InvalidElement,
    w1CommandRefused,
    w2ResponseIgnored,
    a15DisabledValue,
    a17CaOnAgent,
    a18RepeatedOffendersFormat,
    w4RepeatedOffendersUndocumented,
  ],
};

/** The rules that model what reads the file on this target and role. */
export function rulesFor(target: TargetProfile, role: Role): readonly Rule[] {
  return target.responsesFrom === 'indexer' ? INDEXER_RULES[role] : RULES;
}

export interface ValidateOptions {
  /** A profile or an id such as `wazuh@4.14` (the default). */
  target?: TargetProfile | string;
  /** `auto` (the default) reads the role from the file: a `<client>` section means an agent. */
  role?: RoleOption;
  /**
   * How the admin has a text read as a snippet instead, in the words of where they are; it ends the
   * message that refuses a file without an `<ossec_config>` root.
   */
  snippetAdvice?: string;
}

/** The command line's words; the page passes its own. */
export const CLI_SNIPPET_ADVICE = 'check it with --fragment';

export function ruleContext(
  doc: ConfigDocument,
  target: TargetProfile,
  roleOption: RoleOption = 'auto',
  snippetAdvice = CLI_SNIPPET_ADVICE,
  model: AnalysisdModel = emulateAnalysisd(doc, target),
): RuleContext {
  let firstByKey: Map<string, ResponseModel> | undefined;
  return {
    doc,
    target,
    role: resolveRole(doc, roleOption),
    roleChosen: roleOption !== 'auto',
    snippet: readsAsSnippet(doc),
    snippetAdvice,
    model,
    execd: execdView(doc, target),
    blocks: doc.shape === 'agent-config' ? [] : doc.blocks.filter((b) => b.inConfigRoot),
    everyBlock: doc.blocks,
    responses: model.responses,
    modelOf: (block) => model.byBlock.get(block.index),
    firstDefinition: (name) => model.definitions.get(name)?.[0],
    firstOfArConfKey: (key) => {
      firstByKey ??= firstByArConfKey(model.responses);
      return firstByKey.get(key);
    },
    anyDisabled: model.responses.some((r) => r.disabled),
  };
}

/** A rule's findings, the document's part first (X2: what the reader found, then each block's). */
export function findingsOf(rule: Rule, ctx: RuleContext): Diagnostic[] {
  const own = rule.check(ctx);
  return rule.checkDocument ? [...rule.checkDocument(ctx), ...own] : own;
}

/**
 * What the target daemon will do with this file, as diagnostics in document order. Every error is one
 * the daemon refuses to start with; the daemon stops at the first, but all of them are reported so the
 * admin can fix them at once.
 */
export function validate(doc: ConfigDocument, options: ValidateOptions = {}): Diagnostic[] {
  const target = toProfile(options.target ?? DEFAULT_TARGET);
  const ctx = ruleContext(doc, target, options.role, options.snippetAdvice);
  const found = rulesFor(target, ctx.role)
    .flatMap((rule) => findingsOf(rule, ctx))
    .sort((a, b) => a.offset - b.offset);
  return withEnclosingBlocks(doc, found);
}

/**
 * A problem found inside a block belongs to that block even when its rule reads the text, not the block
 * (an XML error, CDATA, a definition put in it): the page groups and selects by `blockIndex`.
 */
function withEnclosingBlocks(doc: ConfigDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  const { blocks } = doc;
  let b = 0;
  return diagnostics.map((d) => {
    if (d.blockIndex !== undefined) return d;
    while (b < blocks.length && blocks[b].end <= d.offset) b++;
    const block = blocks[b];
    return block && block.start < d.offset && d.offset < block.end ? { ...d, blockIndex: block.index } : d;
  });
}

/** Accepted by the daemon: no diagnostic of severity error. */
export function isAccepted(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.every((d) => d.severity !== 'error');
}
