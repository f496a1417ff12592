/**
 * IP addresses as the C library reads them for analysisd. The daemons use three readers, and they disagree
 * on exactly the inputs an admin gets wrong: `inet_addr` (OSSEC 2.8, Wazuh before 4.4) takes `010.0.0.1`
 * as octal and `10.1` as `10.0.0.1`, and turns anything it cannot read into 255.255.255.255; numeric
 * `getaddrinfo` (OSSEC 3.x) reads IPv4 the same way but refuses what it cannot read, and also reads IPv6;
 * `inet_pton` (Wazuh 4.4 and later) takes only plain dotted decimal (no leading zeros) or IPv6.
 * An IPv4 address is an unsigned 32-bit number, most significant octet first.
 */

/** The value `inet_addr` returns for text it cannot read: it is also the address 255.255.255.255. */
export const INADDR_NONE = 0xffffffff;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * glibc's `inet_aton` requiring the whole text (`__inet_aton_exact`, what numeric `getaddrinfo` uses):
 * one to four parts, each decimal, octal (leading 0) or hexadecimal (0x); the last part fills the
 * remaining bytes. Null when the text is not such an address.
 */
export function inetAton(text: string): number | null {
  const parts: number[] = [];
  let i = 0;
  for (;;) {
    if (!isDigit(text[i])) return null;
    let base = 10;
    let value = 0;
    if (text[i] === '0') {
      i++;
      if (text[i] === 'x' || text[i] === 'X') {
        base = 16;
        i++;
      } else {
        base = 8;
      }
    }
    for (;;) {
      const c = text[i];
      if (isDigit(c)) {
        if (base === 8 && (c === '8' || c === '9')) return null;
        value = value * base + Number(c);
      } else if (base === 16 && isHex(c)) {
        value = value * 16 + Number.parseInt(c as string, 16);
      } else {
        break;
      }
      if (value > 0xffffffff) return null;
      i++;
    }
    parts.push(value);
    if (text[i] !== '.') break;
    if (parts.length > 3) return null;
    i++;
  }
  if (i !== text.length) return null;
  const last = parts[parts.length - 1];
  const leading = parts.slice(0, -1);
  if (leading.some((p) => p > 0xff)) return null;
  const room = [0xffffffff, 0xffffff, 0xffff, 0xff][leading.length];
  if (last > room) return null;
  let result = last;
  leading.forEach((p, k) => {
    result += p * 2 ** (24 - 8 * k);
  });
  return result >>> 0;
}

/** `inet_addr`: `inet_aton`, or INADDR_NONE (255.255.255.255) for text it cannot read. */
export function inetAddr(text: string): number {
  return inetAton(text) ?? INADDR_NONE;
}

/** glibc's `inet_pton(AF_INET, …)`: exactly four decimal octets of 0–255, no leading zeros. */
export function inetPton4(text: string): number | null {
  const octets = text.split('.');
  if (octets.length !== 4) return null;
  let result = 0;
  for (const octet of octets) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(octet)) return null;
    const n = Number(octet);
    if (n > 255) return null;
    result = result * 256 + n;
  }
  return result >>> 0;
}

/** glibc's `inet_pton(AF_INET6, …)`: the sixteen bytes, or null. */
export function inetPton6(text: string): number[] | null {
  const bytes: number[] = [];
  let src = 0;
  if (text[0] === ':') {
    if (text[1] !== ':') return null;
    src = 1;
  }
  let gap: number | null = null;
  let token = src;
  let digits = 0;
  let value = 0;
  while (src < text.length) {
    const c = text[src++].toLowerCase();
    if (isHex(c)) {
      value = value * 16 + Number.parseInt(c, 16);
      if (++digits > 4) return null;
      continue;
    }
    if (c === ':') {
      token = src;
      if (digits === 0) {
        if (gap !== null) return null;
        gap = bytes.length;
        continue;
      }
      if (src === text.length || bytes.length + 2 > 16) return null;
      bytes.push(value >> 8, value & 0xff);
      digits = 0;
      value = 0;
      continue;
    }
    if (c === '.' && bytes.length + 4 <= 16) {
      const v4 = inetPton4(text.slice(token));
      if (v4 === null) return null;
      bytes.push(v4 >>> 24, (v4 >>> 16) & 0xff, (v4 >>> 8) & 0xff, v4 & 0xff);
      digits = 0;
      src = text.length;
      break;
    }
    return null;
  }
  if (digits > 0) {
    if (bytes.length + 2 > 16) return null;
    bytes.push(value >> 8, value & 0xff);
  }
  if (gap !== null) {
    if (bytes.length === 16) return null;
    bytes.splice(gap, 0, ...new Array<number>(16 - bytes.length).fill(0));
  }
  return bytes.length === 16 ? bytes : null;
}

export type IpAddress = { family: 4; value: number } | { family: 6; bytes: number[] };

/** Numeric `getaddrinfo` with `AI_NUMERICHOST` (OSSEC 3.x's `OS_IsValidIP`): IPv4 as `inet_aton`, else IPv6. */
export function numericHost(text: string): IpAddress | null {
  const v4 = inetAton(text);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = inetPton6(text);
  return v6 ? { family: 6, bytes: v6 } : null;
}

/** Wazuh 4.4+: `get_ipv4_numeric` then `get_ipv6_numeric`, both `inet_pton`. */
export function ptonHost(text: string): IpAddress | null {
  const v4 = inetPton4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = inetPton6(text);
  return v6 ? { family: 6, bytes: v6 } : null;
}

/** The network mask of a CIDR prefix length (0–32), as `_netmasks[]` holds it. */
export function prefixMask(prefix: number): number {
  return prefix <= 0 ? 0 : (0xffffffff << (32 - Math.min(prefix, 32))) >>> 0;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** The canonical text of an address: dotted quad, or RFC 5952 IPv6. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return formatIpv4(ip.value);
  const groups = Array.from({ length: 8 }, (_, k) => ip.bytes[2 * k] * 256 + ip.bytes[2 * k + 1]);
  let best = { at: -1, length: 1 };
  for (let k = 0; k < 8; ) {
    if (groups[k] !== 0) {
      k++;
      continue;
    }
    let end = k;
    while (end < 8 && groups[end] === 0) end++;
    if (end - k > best.length) best = { at: k, length: end - k };
    k = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.length).join(':')}`;
}
