import { describe, expect, it } from 'vitest';
import { formatIp, INADDR_NONE, inetAddr, inetAton, inetPton4, inetPton6, numericHost, ptonHost } from './ip';

const ip4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

describe('inet_aton (OSSEC, Wazuh before 4.4)', () => {
  it('reads the short, octal and hexadecimal forms glibc accepts', () => {
    expect(inetAton('10.0.0.1')).toBe(ip4(10, 0, 0, 1));
    expect(inetAton('10.1')).toBe(ip4(10, 0, 0, 1));
    expect(inetAton('1.2.3')).toBe(ip4(1, 2, 0, 3));
    expect(inetAton('010.0.0.1')).toBe(ip4(8, 0, 0, 1));
    expect(inetAton('0x0a.0.0.1')).toBe(ip4(10, 0, 0, 1));
    expect(inetAton('4294967295')).toBe(0xffffffff);
  });

  it('refuses what glibc refuses', () => {
    for (const text of [
      '',
      '192.168.1.08',
      '1.2.3.256',
      '4294967296',
      '1.2.3.4.',
      '1..2',
      '1.2.3.4.5',
      'a.b.c.d',
      ' 1.2.3.4',
    ])
      expect(inetAton(text), text).toBeNull();
  });

  it('inet_addr turns unreadable text into 255.255.255.255', () => {
    expect(inetAddr('attacker.example')).toBe(INADDR_NONE);
    expect(inetAddr('2001:db8::1')).toBe(INADDR_NONE);
  });
});

describe('inet_pton (Wazuh 4.4+)', () => {
  it('takes plain dotted decimal only', () => {
    expect(inetPton4('10.0.0.1')).toBe(ip4(10, 0, 0, 1));
    expect(inetPton4('0.0.0.0')).toBe(0);
    for (const text of ['010.0.0.1', '10.1', '256.1.1.1', '1.2.3.', '1.2.3.4.5', '0x0a.0.0.1'])
      expect(inetPton4(text), text).toBeNull();
  });

  it('reads IPv6 with one ::, and an IPv4 tail', () => {
    expect(inetPton6('::1')).toEqual([...new Array(15).fill(0), 1]);
    expect(inetPton6('::')).toEqual(new Array(16).fill(0));
    expect(inetPton6('::ffff:1.2.3.4')?.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect(inetPton6('1:2:3:4:5:6:7:8')).not.toBeNull();
    expect(inetPton6('1:2:3:4:5:6:7::')).not.toBeNull();
    for (const text of [
      '1::2::3',
      '12345::',
      ':1',
      '1:2:3:4:5:6:7:8::',
      '1:2:3:4:5:6:7:8:9',
      'fe80::1%eth0',
      '1:',
      '::ffff:1.2.3',
    ])
      expect(inetPton6(text), text).toBeNull();
  });

  it('prints addresses canonically', () => {
    expect(formatIp(ptonHost('2001:0db8:0000:0000:0000:0000:0000:0001') ?? { family: 4, value: 0 })).toBe(
      '2001:db8::1',
    );
    expect(formatIp(numericHost('10.1') ?? { family: 4, value: 0 })).toBe('10.0.0.1');
    expect(ptonHost('10.1')).toBeNull();
  });
});
