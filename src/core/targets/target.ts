/**
 * Product profiles. Every behaviour that changes between releases is a threshold in one table (reference
 * §6), and a profile is what those thresholds say about one product and version: data, not code per
 * version.
 */

import type { ConfigRoot } from '../model/read';
import type { OsRegexDialect } from '../simulate/os-regex';
import { WAZUH_DIALECT, type XmlDialect } from '../xml/os-xml';
import {
  BUILTIN_AR_CONF,
  type ScriptGeneration,
  STOCK_COMMANDS,
  STOCK_SCRIPTS,
  type StockCommand,
} from './stock';

export type Product = 'ossec' | 'wazuh';
export type TargetId = `${Product}@${number}.${number}`;

export interface Version {
  major: number;
  minor: number;
}

/** What one product and version does with `<command>` and `<active-response>` (reference §3–§6, §13). */
export interface TargetProfile {
  id: TargetId;
  product: Product;
  version: Version;
  label: string;
  /** `<expect>` in `<command>`: the element must be there (any value), may be left out, or is ignored. */
  expect: 'required' | 'optional' | 'ignored';
  /** `<extra_args>` is a known `<command>` element (otherwise (1230)). */
  extraArgs: boolean;
  /** A timeout on a command without `timeout_allowed` yes: refused (1305 ERROR), or INFO and reset to 0. */
  timeoutWithoutAllowed: 'fatal' | 'reset';
  /** A `<name>` starting with `!` is refused (1235). */
  bangNameRefused: boolean;
  /** `defined-agent` with `atoi(agent_id) == 0` is dropped with the warning (1306). */
  agentIdZeroDropped: boolean;
  /** An empty `<command>` or `<location>` counts as missing (1281). */
  emptyCommandOrLocationMissing: boolean;
  /** analysisd accepts and ignores `<ca_store>` in `<active-response>` (otherwise (1230)). */
  caStoreAccepted: boolean;
  /** Who reads `ca_verification` in an agent's `<active-response>`, and how a bad value ends. */
  agentCaVerification: 'unread' | 'execd-warning' | 'agent-upgrade-error';
  /** Who reads `ca_store` in an agent's `<active-response>`. */
  agentCaStore: 'unread' | 'execd' | 'agent-upgrade-legacy';
  /** How `level` and `rules_group` combine when both are set (§5.2). */
  levelAndGroup: 'and' | 'or';
  /** OSSEC 2.8 never resets the disabled flag: one `disabled` yes skips every later block (§5.8). */
  disabledSkipsLaterBlocks: boolean;
  /** How this release's OS_XML reads: its `XML_MAXSIZE`, backslash runs, attribute and nesting limits. */
  xml: XmlDialect;
  /** The reader refuses `<?xml …?>` (§13: OSSEC 4.2.0 and Wazuh 4.14; only OSSEC's unreleased main skips it). */
  xmlDeclarationRefused: boolean;
  /** How OS_Regex, which matches `rules_group`, compiles and runs a pattern (`os_regex/`). */
  osRegex: OsRegexDialect;
  /** How scripts receive the alert: arguments, arguments plus extra_args, or JSON on stdin. */
  scriptInput: 'argv' | 'argv-extra-args' | 'json';
  /** Which generation of stock scripts and commands the packages install. */
  scripts: ScriptGeneration;
  stockCommands: readonly StockCommand[];
  stockExecutables: readonly string[];
  /** The fixed lines analysisd writes to ar.conf before the file's own. */
  builtinArConf: readonly string[];
  /** Path the daemons print in their messages (the manager's file). */
  configPath: string;
  /**
   * Where the manager takes its responses from: its own XML file (analysisd, which writes ar.conf), or, from
   * Wazuh 5.0, the indexer (definitions in the dashboard, triggered by Alerting monitors; reference wazuh5 §1).
   */
  responsesFrom: 'xml' | 'indexer';
  /** The root element each role's daemons read: `<wazuh_config>` for a Wazuh 5.0 manager (defs.h `WAZUHCONFIG`). */
  roots: Readonly<Record<'manager' | 'agent', ConfigRoot>>;
  /** Whether this release is not generally available: its label says so everywhere. */
  beta: boolean;
  /** How analysisd reads `<global><white_list>` and tests a source IP against it (reference §5.9b). */
  whiteList: WhiteListReading;
  /**
   * OSSEC 3.x and 4.x call `OS_Exec()` only while analysisd holds execd's queue, which it opens only when
   * some response runs on the manager (`execdq > 0`): without one, responses for agents never run either.
   */
  execQueueGatesAll: boolean;
  /**
   * Which host a response naming several locations goes to, after `all`: Wazuh 4.2+ decides in analysisd
   * (`defined-agent` before `local`); OSSEC and older Wazuh leave it to remoted (`local` before `defined-agent`).
   */
  agentBeforeOrigin: boolean;
  /** execd's `OS_StrBreak()` keeps a `\,` inside one `repeated_offenders` entry (Wazuh 4.0+). */
  offendersCommaEscape: boolean;
}

/**
 * The version differences of the source-IP white list, from `Read_Global()` (`src/config/global-config.c`),
 * `OS_IsValidIP()`/`OS_IPFoundList()` (`src/shared/validate_op.c`) and `OS_Exec()` (`src/analysisd/alerts/exec.c`).
 */
export interface WhiteListReading {
  /** The element names `Read_Global()` takes for the list (OSSEC 3.x also reads `<allow_list>`). */
  elements: readonly string[];
  /**
   * Which entries are addresses: OSSEC's dotted-quad regular expression, Wazuh 3.8's (with `!` and no
   * empty CIDR), or `OS_IsValidIP()` itself (OSSEC 4.2: IPv6 and `any` too). The others are names.
   */
  addressGate: 'ossec-regex' | 'wazuh-regex' | 'valid-ip';
  /**
   * How an address entry and the source IP are read: `inet_addr` with its netmask quirk and a `!` that
   * stays negated for the rest of the list (OSSEC 2.8, Wazuh before 4.4); numeric `getaddrinfo` with
   * prefix comparison (OSSEC 3.x); `inet_pton` with the `!` dropped (Wazuh 4.4+).
   */
  addresses: 'inet-addr' | 'getaddrinfo' | 'inet-pton';
  /** How a name entry meets the source IP's text: OSMatch (Wazuh with `!` negation), or a prefix test (OSSEC 3.x). */
  names: 'os-match' | 'os-match-negatable' | 'prefix';
}

type Thresholds = Record<
  | 'expectOptional'
  | 'extraArgs'
  | 'timeoutReset'
  | 'bangNameRefused'
  | 'agentIdZeroDropped'
  | 'emptyCommandOrLocationMissing'
  | 'execdCaVerification'
  | 'agentUpgradeReader'
  | 'expectIgnored'
  | 'compiledScripts'
  | 'regexEndTestedFirst'
  | 'regexLongPatterns'
  | 'regexMatchesBeforeReading'
  | 'whiteListStrictRegex'
  | 'whiteListInetPton'
  | 'offendersCommaEscape'
  | 'responsesInIndexer'
  | 'xmlMaxText6144'
  | 'xmlMaxText20480'
  | 'xmlBackslashToggle'
  | 'xmlRecursionLimit',
  string
>;

/** First Wazuh version with each change (reference §6, from `git show <tag>:src/config/active-response.c`). */
const WAZUH_SINCE: Thresholds = {
  expectOptional: '3.5',
  extraArgs: '3.5',
  timeoutReset: '3.7',
  bangNameRefused: '3.7',
  execdCaVerification: '3.3',
  agentUpgradeReader: '4.1',
  expectIgnored: '4.2',
  compiledScripts: '4.2',
  agentIdZeroDropped: '4.3',
  emptyCommandOrLocationMissing: '4.4',
  // From `git show <tag>:src/os_regex/` (os_regex.h, os_regex_execute.c).
  regexEndTestedFirst: '3.7',
  regexLongPatterns: '3.8',
  regexMatchesBeforeReading: '4.2',
  whiteListStrictRegex: '3.8',
  whiteListInetPton: '4.4',
  offendersCommaEscape: '4.0',
  responsesInIndexer: '5.0',
  // src/os_xml/os_xml_internal.h and os_xml.c across the tags:
  xmlMaxText6144: '3.2',
  xmlMaxText20480: '3.5',
  xmlBackslashToggle: '3.8',
  xmlRecursionLimit: '4.2',
};

/** OSSEC from 3.3 translates OS_Regex into PCRE2 (`os_regex/os_converter.c`). */
const OSSEC_PCRE2_SINCE = '3.3';
const OS_PATTERN_MAXSIZE = { short: 2048, long: 20480 };

/** Releases still in beta: labelled so in the page and the CLI. */
const BETA = new Set(['wazuh@5.0']);

/**
 * `wazuh@4.14` models 4.14.7: `XML_MAX_ATTR_DEPTH` came with it (wazuh/wazuh 2ac70941, "fix(xml): limit
 * recursion depth in _getattributes()"); 4.14.0 to 4.14.6 read any number of attributes.
 */
const WAZUH_ATTRIBUTE_LIMIT_SINCE = '4.14';

const OSSEC_VERSIONS = ['2.8', '3.7', '4.2'];
const WAZUH_VERSIONS = [
  ...Array.from({ length: 14 }, (_, minor) => `3.${minor}`),
  ...Array.from({ length: 15 }, (_, minor) => `4.${minor}`),
  '5.0',
];

export const DEFAULT_TARGET: TargetId = 'wazuh@4.14';

function toVersion(text: string): Version {
  const [major, minor] = text.split('.').map(Number);
  return { major, minor };
}

function atLeast(version: Version, threshold: string): boolean {
  const t = toVersion(threshold);
  return version.major > t.major || (version.major === t.major && version.minor >= t.minor);
}

function ossecProfile(version: Version): TargetProfile {
  const label = `${version.major}.${version.minor}`;
  return {
    id: `ossec@${label}` as TargetId,
    product: 'ossec',
    version,
    label: `OSSEC ${label}`,
    expect: 'required',
    extraArgs: false,
    timeoutWithoutAllowed: 'fatal',
    bangNameRefused: false,
    agentIdZeroDropped: false,
    emptyCommandOrLocationMissing: false,
    caStoreAccepted: false,
    agentCaVerification: 'unread',
    agentCaStore: 'unread',
    levelAndGroup: 'or',
    disabledSkipsLaterBlocks: !atLeast(version, '3.0'),
    xml: {
      maxText: atLeast(version, '3.0') ? 8192 : 2048,
      backslashRuns: 'sticky',
      maxAttributeDepth: null,
      // OSSEC's message, unlike Wazuh's, ends with a full stop; before 4.2 nothing limits the nesting.
      recursionMessage: atLeast(version, '4.2') ? 'XMLERR: Max recursion level reached.' : null,
    },
    xmlDeclarationRefused: true,
    osRegex: {
      engine: atLeast(version, OSSEC_PCRE2_SINCE) ? 'pcre2' : 'os-regex',
      maxPatternBytes: OS_PATTERN_MAXSIZE.short,
      readsFinalNul: !atLeast(version, OSSEC_PCRE2_SINCE),
      matchesBeforeReading: false,
      nonWordHoldsDashAndAt: !atLeast(version, OSSEC_PCRE2_SINCE),
    },
    scriptInput: 'argv',
    scripts: 'ossec',
    stockCommands: STOCK_COMMANDS.ossec,
    stockExecutables: STOCK_SCRIPTS.ossec,
    builtinArConf: BUILTIN_AR_CONF.ossec,
    configPath: '/var/ossec/etc/ossec.conf',
    // First OSSEC release of each change: getaddrinfo 2.9, execdq > 0 3.2, <allow_list> and the prefix test
    // for names 3.6, OS_IsValidIP as the gate 4.1.
    whiteList: {
      elements: atLeast(version, '3.6') ? ['white_list', 'allow_list'] : ['white_list'],
      addressGate: atLeast(version, '4.1') ? 'valid-ip' : 'ossec-regex',
      addresses: atLeast(version, '2.9') ? 'getaddrinfo' : 'inet-addr',
      names: atLeast(version, '3.6') ? 'prefix' : 'os-match',
    },
    execQueueGatesAll: atLeast(version, '3.2'),
    agentBeforeOrigin: false,
    offendersCommaEscape: false,
    responsesFrom: 'xml',
    roots: { manager: 'ossec_config', agent: 'ossec_config' },
    beta: false,
  };
}

function wazuhProfile(version: Version): TargetProfile {
  const since = (key: keyof Thresholds) => atLeast(version, WAZUH_SINCE[key]);
  const label = `${version.major}.${version.minor}`;
  const id = `wazuh@${label}` as TargetId;
  const indexer = since('responsesInIndexer');
  const scripts: ScriptGeneration = indexer ? 'wazuh50' : since('compiledScripts') ? 'wazuh42' : 'wazuh3';
  const beta = BETA.has(id);
  return {
    id,
    product: 'wazuh',
    version,
    label: `Wazuh ${label}${beta ? ' (beta)' : ''}`,
    expect: since('expectIgnored') ? 'ignored' : since('expectOptional') ? 'optional' : 'required',
    extraArgs: since('extraArgs'),
    timeoutWithoutAllowed: since('timeoutReset') ? 'reset' : 'fatal',
    bangNameRefused: since('bangNameRefused'),
    agentIdZeroDropped: since('agentIdZeroDropped'),
    emptyCommandOrLocationMissing: since('emptyCommandOrLocationMissing'),
    caStoreAccepted: true,
    agentCaVerification: since('agentUpgradeReader')
      ? 'agent-upgrade-error'
      : since('execdCaVerification')
        ? 'execd-warning'
        : 'unread',
    agentCaStore: since('agentUpgradeReader') ? 'agent-upgrade-legacy' : 'execd',
    levelAndGroup: 'and',
    disabledSkipsLaterBlocks: false,
    xml: {
      maxText: since('xmlMaxText20480') ? 20480 : since('xmlMaxText6144') ? 6144 : 4096,
      backslashRuns: since('xmlBackslashToggle') ? 'toggle' : 'sticky',
      maxAttributeDepth: atLeast(version, WAZUH_ATTRIBUTE_LIMIT_SINCE)
        ? WAZUH_DIALECT.maxAttributeDepth
        : null,
      recursionMessage: since('xmlRecursionLimit') ? WAZUH_DIALECT.recursionMessage : null,
    },
    xmlDeclarationRefused: true,
    osRegex: {
      engine: 'os-regex',
      maxPatternBytes: since('regexLongPatterns') ? OS_PATTERN_MAXSIZE.long : OS_PATTERN_MAXSIZE.short,
      readsFinalNul: !since('regexEndTestedFirst'),
      matchesBeforeReading: since('regexMatchesBeforeReading'),
      nonWordHoldsDashAndAt: false,
    },
    scriptInput: since('compiledScripts') ? 'json' : since('extraArgs') ? 'argv-extra-args' : 'argv',
    scripts,
    stockCommands: STOCK_COMMANDS[scripts],
    stockExecutables: STOCK_SCRIPTS[scripts],
    builtinArConf: BUILTIN_AR_CONF[scripts],
    configPath: indexer ? 'etc/wazuh-manager.conf' : 'etc/ossec.conf',
    responsesFrom: indexer ? 'indexer' : 'xml',
    roots: { manager: indexer ? 'wazuh_config' : 'ossec_config', agent: 'ossec_config' },
    beta,
    whiteList: {
      elements: ['white_list'],
      addressGate: since('whiteListStrictRegex') ? 'wazuh-regex' : 'ossec-regex',
      addresses: since('whiteListInetPton') ? 'inet-pton' : 'inet-addr',
      names: 'os-match-negatable',
    },
    execQueueGatesAll: false,
    agentBeforeOrigin: since('compiledScripts'),
    offendersCommaEscape: since('offendersCommaEscape'),
  };
}

/** Every target, oldest first within each product, for a dropdown. */
export const TARGETS: readonly TargetProfile[] = [
  ...OSSEC_VERSIONS.map((v) => ossecProfile(toVersion(v))),
  ...WAZUH_VERSIONS.map((v) => wazuhProfile(toVersion(v))),
];

const BY_ID = new Map<string, TargetProfile>(TARGETS.map((t) => [t.id, t]));

/**
 * `wazuh@4.14`, `wazuh@4.14.7`, `Wazuh 4.14`, `ossec@3.7.0` → the profile of that minor release.
 * Throws on a product or version we have no profile for, naming the known targets.
 */
export function parseTarget(text: string): TargetProfile {
  // One blank run, then an optional `@` and another: two adjacent blank runs would backtrack quadratically.
  const match = /^\s*(ossec|wazuh)\s*(?:@\s*)?v?(\d+)\.(\d+)(?:\.\d+)?\s*$/i.exec(text);
  const profile = match
    ? BY_ID.get(`${match[1].toLowerCase()}@${Number(match[2])}.${Number(match[3])}`)
    : undefined;
  if (!profile) {
    throw new Error(`Unknown target '${text}'. Known targets: ${TARGETS.map((t) => t.id).join(', ')}.`);
  }
  return profile;
}

/** The profile of a stored or shared target, or the default one when it names none we know (an old draft). */
export function targetOrDefault(text: string): TargetProfile {
  try {
    return parseTarget(text);
  } catch {
    return parseTarget(DEFAULT_TARGET);
  }
}

/** A profile from either a profile or its id, so callers can pass what they hold. */
export function toProfile(target: TargetProfile | string): TargetProfile {
  return typeof target === 'string' ? parseTarget(target) : target;
}

/**
 * Why this target's manager runs no response from the file, or `null` when it does. Wazuh 5.0 removed ar.conf
 * and analysisd's responses: definitions live in the indexer and Alerting monitors trigger them (reference
 * wazuh5 §1, PR wazuh/wazuh#34326), so there is nothing to preview or simulate.
 */
export function fileResponsesAbsence(target: TargetProfile): string | null {
  if (target.responsesFrom === 'xml') return null;
  return `${target.label} has no ar.conf and runs no response from this file: responses are definitions in the dashboard (Explore → Active Responses), fired by Alerting monitors.`;
}
