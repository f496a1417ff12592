/**
 * The source-IP white list as analysisd reads it (reference §5.9b): every `<white_list>` (and, on OSSEC
 * 3.6+, `<allow_list>`) of every `<global>` section, in file order. `Read_Global()` makes each entry either
 * an address (when it passes the version's gate) or a name pattern; `OS_Exec()` then drops a response
 * whose alert has a listed source IP before it sends anything (`get_ip()` on Wazuh 4.2+).
 */

import { atoi } from '../derive/c-atoi';
import { whiteListEntries } from '../derive/white-list';
import type { ConfigDocument } from '../model/types';
import { daemonMessage } from '../targets/messages';
import type { TargetProfile, WhiteListReading } from '../targets/target';
import { positionAt } from '../xml/positions';
import {
  formatIp,
  formatIpv4,
  INADDR_NONE,
  type IpAddress,
  inetAddr,
  inetPton4,
  inetPton6,
  numericHost,
  prefixMask,
  ptonHost,
} from './ip';
import { compileOsMatch, type OsMatch, osMatch } from './os-match';

/** An address entry as `OS_IsValidIP()` stores it; `any` is OSSEC 4.1+'s entry that matches everything. */
type Network =
  | { family: 4; address: number; mask: number }
  | { family: 6; bytes: number[]; prefix: number }
  | { family: 'any' };

export interface WhiteListEntry {
  /** The element as written: `white_list` or `allow_list`. */
  element: string;
  /** The text the daemon reads, untrimmed. */
  value: string;
  /** Offset of the element in the document, for a jump to it. */
  offset: number;
  endOffset: number;
  line: number;
  kind: 'address' | 'name' | 'refused';
  /** How the daemon reads it, in a phrase: `10.0.0.0/8`, `name pattern, matched against the IP's text`. */
  reading: string;
  /** For a refused entry: the daemon's own message (the manager does not start). */
  daemonMessage?: string;
  /** The entry starts with `!` and this version keeps it negated. */
  negated: boolean;
  network?: Network;
  pattern?: OsMatch;
  /** What this entry does that its text does not say, in a sentence (it matches everything, say). */
  caveat?: string;
}

export interface WhiteList {
  entries: WhiteListEntry[];
  /** Entries that stop the manager from starting. */
  refused: WhiteListEntry[];
  /** `<allow_list>` elements of a version that does not know the name: `Read_Global()` refuses them. */
  unknown: Array<Pick<WhiteListEntry, 'element' | 'value' | 'offset' | 'endOffset' | 'line'>>;
}

const OSSEC_GATE =
  /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\/?([0-9]{0,2}|[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})$/;
const WAZUH_GATE = /^!?[0-9]{1,3}(\.[0-9]{1,3}){3}(\/[0-9]{1,2}([0-9](\.[0-9]{1,3}){3})?)?$/;
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;
/** The IPv4 expression of Wazuh 4.4's `OS_IsValidIP()` (PCRE2); the IPv6 ones never see a white_list entry. */
const WAZUH_VALID_IPV4 = new RegExp(`^(?:::[fF]{4}:)?(${IPV4})(?:/((?:3[0-2]|[1-2]?[0-9])|${IPV4}))?$`);

/** OSSEC 2.8 and Wazuh before 4.4 (`inet_addr`); null when `OS_IsValidIP()` returns 0. */
function inetAddrNetwork(text: string): Network | null {
  if (!OSSEC_GATE.test(text)) return null;
  const slash = text.indexOf('/');
  if (slash === -1) {
    const address = inetAddr(text);
    return address === 0 ? null : { family: 4, address, mask: 0xffffffff };
  }
  const host = text.slice(0, slash);
  const after = text.slice(slash + 1);
  let mask: number;
  if (after.length <= 2) {
    const cidr = atoi(after);
    if (cidr > 32) return null;
    mask = prefixMask(cidr);
  } else if (after === '255.255.255.255') {
    mask = 0xffffffff;
  } else {
    // The daemon reads the mask from the address part, not from the text after the slash.
    mask = inetAddr(host);
    if (mask === 0) return null;
  }
  const address = inetAddr(host);
  if (address === 0 && host !== '0.0.0.0') return null;
  return { family: 4, address: (address & mask) >>> 0, mask };
}

/** OSSEC 2.9+ (`getaddrinfo` with `AI_NUMERICHOST`, then a prefix length). */
function numericNetwork(text: string): Network | null {
  let host = text;
  if (host === 'any') return { family: 'any' };
  let cidr = -1;
  const slash = host.indexOf('/');
  if (slash !== -1) {
    const after = host.slice(slash + 1);
    if (after.length > 3) return null;
    cidr = atoi(after);
    host = host.slice(0, slash);
  }
  const ip = numericHost(host);
  if (!ip) return null;
  const limit = ip.family === 4 ? 32 : 128;
  if (cidr > limit) return null;
  const prefix = cidr < 0 ? limit : cidr;
  return ip.family === 4
    ? { family: 4, address: ip.value, mask: prefixMask(prefix) }
    : { family: 6, bytes: ip.bytes, prefix };
}

/** Wazuh 4.4+ (`inet_pton` after its PCRE2 expression). */
function ptonNetwork(text: string): Network | null {
  const match = WAZUH_VALID_IPV4.exec(text);
  if (!match) return null;
  const net = inetPton4(match[1]) ?? 0;
  const after = match[2];
  let mask = 0xffffffff;
  if (after !== undefined) {
    if (after.length <= 2) mask = prefixMask(atoi(after));
    else mask = inetPton4(after) ?? 0;
  }
  return { family: 4, address: (net & mask) >>> 0, mask };
}

function networkOf(text: string, reading: WhiteListReading): Network | null {
  const bare = text.startsWith('!') ? text.slice(1) : text;
  if (reading.addresses === 'inet-addr') return inetAddrNetwork(bare);
  if (reading.addresses === 'getaddrinfo') return numericNetwork(bare);
  return ptonNetwork(bare);
}

function networkText(network: Network): string {
  if (network.family === 'any') return 'any address';
  if (network.family === 6) return `${formatIp({ family: 6, bytes: network.bytes })}/${network.prefix}`;
  const prefix = maskLength(network.mask);
  const base = formatIpv4(network.address);
  if (prefix === 32) return base;
  return prefix === null ? `${base} under mask ${formatIpv4(network.mask)}` : `${base}/${prefix}`;
}

function maskLength(mask: number): number | null {
  for (let prefix = 0; prefix <= 32; prefix++) if (prefixMask(prefix) === mask) return prefix;
  return null;
}

function coversEverything(network: Network): boolean {
  if (network.family === 'any') return true;
  return network.family === 4 ? network.mask === 0 : network.prefix === 0;
}

function addressCaveat(
  value: string,
  network: Network,
  negated: boolean,
  reading: WhiteListReading,
): string | undefined {
  if (coversEverything(network) && !negated)
    return `${value} covers every address, so no response runs for any alert with a source IP.`;
  if (value.startsWith('!') && reading.addresses === 'inet-pton')
    return 'This version drops the leading !: the entry white-lists the address instead of excluding it.';
  if (negated && reading.addresses === 'inet-addr')
    return 'After a ! entry this version reverses the rest of the list: every address no entry matches is white-listed, and the ones later entries match are not.';
  if (negated)
    return 'A ! entry excludes its address; when it is the last entry, every address no entry matches is white-listed.';
  return undefined;
}

function gateAccepts(text: string, reading: WhiteListReading): boolean {
  if (reading.addressGate === 'ossec-regex') return OSSEC_GATE.test(text);
  if (reading.addressGate === 'wazuh-regex') return WAZUH_GATE.test(text);
  return networkOf(text, reading) !== null;
}

/** `OSMatch_Compile()`'s longest pattern: 2048 bytes before Wazuh 3.x, 20480 since (OS_PATTERN_MAXSIZE). */
function patternLimit(target: TargetProfile): number {
  return target.product === 'ossec' ? 2048 : 20480;
}

function readEntry(
  base: Pick<WhiteListEntry, 'element' | 'value' | 'offset' | 'endOffset' | 'line'>,
  target: TargetProfile,
): WhiteListEntry {
  const reading = target.whiteList;
  const { value } = base;
  if (gateAccepts(value, reading)) {
    const network = networkOf(value, reading);
    if (!network) {
      return {
        ...base,
        kind: 'refused',
        negated: false,
        reading: 'an address the daemon cannot read',
        daemonMessage: daemonMessage(target, 'analysisd', 1237, `Invalid ip address: '${value}'.`),
      };
    }
    // Wazuh 4.4+ copies the entry after skipping `!`, so the negation is lost.
    const negated = value.startsWith('!') && reading.addresses !== 'inet-pton';
    return {
      ...base,
      kind: 'address',
      negated,
      network,
      reading: `${negated ? 'every address except ' : ''}${networkText(network)}`,
      caveat: addressCaveat(value, network, negated, reading),
    };
  }
  // An IPv6 entry that failed the address gate is text: a range never matches, and OSMatch finds a
  // single address inside longer ones (::1 in 2001:db8::1); OSSEC's prefix test keeps a single one exact.
  const range = value.includes('/');
  const asText =
    inetPton6(value.split('/')[0]) !== null && (range || reading.names !== 'prefix')
      ? `${target.label} does not read IPv6 entries as addresses: this one is compared with the source IP as text, so ${range ? 'its range matches nothing' : 'it also matches every source IP that contains it'}.`
      : undefined;
  if (reading.names === 'prefix') {
    return {
      ...base,
      kind: 'name',
      negated: false,
      reading: 'a name: a source IP that starts this text',
      caveat: asText,
    };
  }
  if (value.length > patternLimit(target)) {
    return {
      ...base,
      kind: 'refused',
      negated: false,
      reading: 'a name pattern too long to compile',
      daemonMessage: daemonMessage(target, 'analysisd', 1450, `Syntax error on regex: '${value}': 3.`),
    };
  }
  const pattern = compileOsMatch(value, reading.names === 'os-match-negatable');
  let what = 'a name pattern, compared with the source IP as text (never resolved)';
  let caveat = asText;
  if (pattern.matchesEverything && !pattern.negate) {
    what = 'an empty pattern: it matches every source IP';
    caveat = 'An empty name pattern matches every source IP, so no response runs for any alert that has one.';
  } else if (pattern.matchesEverything) {
    what = 'a negated empty pattern: it matches no source IP';
  } else if (pattern.negate) {
    what = `every source IP that does not match ${value.slice(1)} (a negated name pattern)`;
    caveat = `A leading ! makes this name pattern match every source IP that does not contain ${value.slice(1)}.`;
  }
  return { ...base, kind: 'name', negated: pattern.negate, pattern, reading: what, caveat };
}

/** One reading per document and target: the rules and the simulation ask for the same list. */
const cache = new WeakMap<ConfigDocument, Map<string, WhiteList>>();

/** Every white-list entry of the file's `<global>` sections, in the order `Read_Global()` adds them. */
export function readWhiteList(doc: ConfigDocument, target: TargetProfile): WhiteList {
  let byTarget = cache.get(doc);
  if (!byTarget) {
    byTarget = new Map();
    cache.set(doc, byTarget);
  }
  const known = byTarget.get(target.id);
  if (known) return known;
  const list = readWhiteListOnce(doc, target);
  byTarget.set(target.id, list);
  return list;
}

function readWhiteListOnce(doc: ConfigDocument, target: TargetProfile): WhiteList {
  const entries: WhiteListEntry[] = [];
  const unknown: WhiteList['unknown'] = [];
  const names = target.whiteList.elements;
  // `<allow_list>` too where the version does not know it: Read_Global() then refuses the element.
  for (const { element, value } of whiteListEntries(doc, 'ossec_config', [...names, 'allow_list'])) {
    const where = {
      element: element.name,
      value,
      offset: element.start,
      endOffset: element.end,
      line: positionAt(doc.text, element.start).line,
    };
    if (names.includes(element.name)) entries.push(readEntry(where, target));
    else unknown.push(where);
  }
  return { entries, refused: entries.filter((e) => e.kind === 'refused'), unknown };
}

export interface WhiteListHit {
  entry?: WhiteListEntry;
  /** Why the source IP is listed, in a clause: `10.0.0.7 is in 10.0.0.0/8`. */
  because: string;
}

export interface WhiteListCheck {
  /** The IP `get_ip()` tests: the source IP without a leading `::ffff:`. */
  ip: string;
  hit: WhiteListHit | null;
  /** Something surprising about how this IP met the list, worth saying even when it is not listed. */
  note?: string;
}

function sameBits(a: number[], b: number[], prefix: number): boolean {
  const whole = Math.floor(prefix / 8);
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = prefix % 8;
  if (rest === 0) return true;
  const keep = (0xff << (8 - rest)) & 0xff;
  return (a[whole] & keep) === (b[whole] & keep);
}

function v4Bytes(value: number): number[] {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** An IPv4-mapped IPv6 address counts as IPv4 in `sacmp()`. */
function unmapped(ip: IpAddress): { family: 4 | 6; bytes: number[] } {
  if (ip.family === 4) return { family: 4, bytes: v4Bytes(ip.value) };
  const mapped =
    ip.bytes.slice(0, 10).every((b) => b === 0) && ip.bytes[10] === 0xff && ip.bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: ip.bytes.slice(12) } : { family: 6, bytes: ip.bytes };
}

/** OSSEC 2.9+: `sacmp()` over the entry's prefix length; a prefix of 0 matches any address of any family. */
function numericContains(network: Network, ip: IpAddress): boolean {
  if (network.family === 'any') return true;
  const prefix = network.family === 4 ? (maskLength(network.mask) ?? 32) : network.prefix;
  if (prefix === 0) return true;
  const entry = unmapped(
    network.family === 4 ? { family: 4, value: network.address } : { family: 6, bytes: network.bytes },
  );
  const source = unmapped(ip);
  if (entry.family !== source.family) return false;
  return sameBits(source.bytes, entry.bytes, Math.min(prefix, entry.bytes.length * 8));
}

/** `OS_IPFoundList()` of the version. */
function addressHit(addresses: WhiteListEntry[], ip: string, reading: WhiteListReading): WhiteListCheck {
  const check: WhiteListCheck = { ip, hit: null };
  if (reading.addresses === 'getaddrinfo') {
    const source = ip === 'any' ? numericHost('::') : numericHost(ip);
    if (!source) return check;
    let listed = true;
    for (const entry of addresses) {
      listed = !entry.negated;
      const network = entry.network as Network;
      if (numericContains(network, source)) {
        check.hit = listed ? { entry, because: `${ip} is in ${entry.reading}` } : null;
        if (!listed) check.note = `${ip} matches the negated entry ${entry.value}, so it is not white-listed`;
        return check;
      }
    }
    // The loop's last `!` decides what an unlisted address gets.
    if (!listed) {
      const last = addresses[addresses.length - 1];
      check.hit = {
        entry: last,
        because: `${ip} matches no entry and the last one, ${last.value}, is negated`,
      };
    }
    return check;
  }
  if (reading.addresses === 'inet-addr') {
    const source = inetAddr(ip);
    if (source === 0) return check;
    if (source === INADDR_NONE && ip !== '255.255.255.255')
      check.note = `inet_addr cannot read ${ip} and returns 255.255.255.255 instead`;
    // A `!` entry switches the answer for the rest of the walk.
    let listed = true;
    for (const entry of addresses) {
      if (entry.negated) listed = false;
      const network = entry.network as Extract<Network, { family: 4 }>;
      if ((source & network.mask) >>> 0 === network.address) {
        check.hit = listed ? { entry, because: `${formatIpv4(source)} is in ${entry.reading}` } : null;
        if (!listed)
          check.note = `${ip} matches ${entry.value} after a negated entry, so it is not white-listed`;
        return check;
      }
    }
    if (!listed) {
      const first = addresses.find((e) => e.negated) as WhiteListEntry;
      check.hit = {
        entry: first,
        because: `${ip} matches no entry, and after the negated ${first.value} that white-lists it`,
      };
    }
    return check;
  }
  const source = ptonHost(ip);
  if (!source) return check;
  if (source.family === 6) {
    if (addresses.length > 0)
      check.note = `Wazuh compares an IPv6 source with IPv4 entries through the wrong half of a union (undefined behaviour); taken here as no match`;
    return check;
  }
  for (const entry of addresses) {
    const network = entry.network as Extract<Network, { family: 4 }>;
    if ((source.value & network.mask) >>> 0 === network.address)
      return { ...check, hit: { entry, because: `${ip} is in ${entry.reading}` } };
  }
  return check;
}

function nameHit(names: WhiteListEntry[], ip: string, reading: WhiteListReading): WhiteListHit | null {
  for (const entry of names) {
    const hit =
      reading.names === 'prefix' ? entry.value.startsWith(ip) : osMatch(entry.pattern as OsMatch, ip);
    if (hit) {
      const because =
        reading.names === 'prefix'
          ? `the entry ${entry.value} starts with ${ip}`
          : entry.negated
            ? `${ip} does not contain ${entry.value.slice(1)}, and the entry is negated`
            : entry.pattern?.matchesEverything
              ? `the entry '${entry.value}' has an empty pattern, which matches every source IP`
              : `${ip} matches the name pattern ${entry.value}`;
      return { entry, because };
    }
  }
  return null;
}

/** `get_ip()`: strip `::ffff:`, then the address list, then the name list. */
export function checkWhiteList(list: WhiteList, srcip: string, target: TargetProfile): WhiteListCheck {
  const ip = srcip.startsWith('::ffff:') ? srcip.slice(7) : srcip;
  const usable = list.entries.filter((e) => e.kind !== 'refused');
  const reading = target.whiteList;
  const addresses = usable.filter((e) => e.kind === 'address');
  const check = addresses.length > 0 ? addressHit(addresses, ip, reading) : { ip, hit: null };
  if (check.hit) return check;
  const names = usable.filter((e) => e.kind === 'name');
  const hit = nameHit(names, ip, reading);
  return hit ? { ...check, hit } : check;
}
