import { describe, expect, it } from 'vitest';
import { applyOps } from '../../model/edit';
import { readDocument } from '../../model/read';
import { check, command, conf, findings, HOST_DENY } from '../testing';
import { validate } from '../validate';

describe('X1 XML error', () => {
  it('fires on a mismatched closing tag, worded per product', () => {
    const text = conf('<command><name>x</command><executable>x</executable></command>');
    const [w] = findings('X1', text);
    expect(w).toMatchObject({ severity: 'error', line: 2 });
    expect(w.daemonMessage).toBe(
      "(1226): Error reading XML file 'etc/ossec.conf': XMLERR: Element 'name' not closed. (line 2).",
    );
    expect(findings('X1', text, 'ossec@3.7')[0].daemonMessage).toMatch(
      /^ossec-analysisd\(1226\): ERROR: Error reading XML file '\/var\/ossec\/etc\/ossec.conf'/,
    );
    expect(findings('X1', text, 'wazuh@4.14', 'agent')[0].severity).toBe('error');
  });

  it('does not fire on a well-formed file', () => {
    expect(findings('X1', conf(HOST_DENY))).toEqual([]);
  });

  it('refuses an XML declaration and offers to delete it, leaving the rest byte for byte', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${conf(HOST_DENY)}`;
    const [d] = findings('X1', text, 'ossec@4.2');
    expect(d.severity).toBe('error');
    expect(check(text).map((x) => x.code)).toEqual(['X1']);
    expect(d.daemonMessage).toContain("XMLERR: Bad attribute closing for 'encoding'='UTF-8'.");
    const fixed = applyOps(readDocument(text), d.fix?.ops ?? []);
    expect(fixed.text).toBe(conf(HOST_DENY));
    expect(validate(fixed, { target: 'ossec@4.2', role: 'manager' }).filter((x) => x.code === 'X1')).toEqual(
      [],
    );
  });

  it("applies OSSEC's 8192-byte value limit where Wazuh reads 20480", () => {
    const long = conf(
      `<command><name>${'n'.repeat(9000)}</name><executable>x</executable><expect/></command>`,
    );
    expect(findings('X1', long, 'ossec@3.7')).toHaveLength(1);
    expect(findings('X1', long, 'ossec@3.7')[0].daemonMessage).toContain('XMLERR: String overflow.');
    expect(findings('X1', long, 'wazuh@4.14')).toEqual([]);
    expect(check(long, 'wazuh@4.14').some((d) => d.severity === 'error')).toBe(false);
  });
});

describe('X1 OSSEC backslash runs', () => {
  const text = conf(command({ name: 'a', executable: 'C:\\\\tools\\\\', expect: '' }));

  it('refuses on OSSEC a value ending in two backslashes, which Wazuh reads as text then a tag', () => {
    const [d] = findings('X1', text, 'ossec@3.7');
    expect(d.severity).toBe('error');
    expect(d.daemonMessage).toContain("XMLERR: Element 'executable' not closed.");
    expect(findings('X1', text, 'wazuh@4.14')).toEqual([]);
  });
});

describe('X1 per release of the XML reader', () => {
  it('refuses 49 attributes and a space on Wazuh 4.14 (4.14.7) and not on 4.13', () => {
    const attributes = Array.from({ length: 49 }, (_, i) => `a${i}="v" `).join('');
    const text = conf(`<command ${attributes}><name>x</name><executable>x</executable></command>`);
    const [d] = findings('X1', text);
    expect(d.daemonMessage).toBe(
      "(1226): Error reading XML file 'etc/ossec.conf': XMLERR: Too many attributes. (line 2).",
    );
    expect(d.message).toContain('more attributes');
    expect(findings('X1', text, 'wazuh@4.13')).toEqual([]);
    expect(findings('X1', text, 'ossec@4.2')).toEqual([]);
  });

  it('words the nesting limit per product: a full stop on OSSEC 4.2, a crash where there is no limit', () => {
    const text = conf(`${'<a>'.repeat(1100)}${'</a>'.repeat(1100)}`);
    expect(findings('X1', text)[0].daemonMessage).toContain('XMLERR: Max recursion level reached (line');
    expect(findings('X1', text, 'ossec@4.2')[0].daemonMessage).toContain(
      'XMLERR: Max recursion level reached. (line',
    );
    const [old] = findings('X1', text, 'ossec@3.7');
    expect(old.daemonMessage).toBeUndefined();
    expect(old.message).toContain('no depth limit');
    expect(findings('X1', text, 'wazuh@4.1')[0].daemonMessage).toBeUndefined();
  });

  it("applies each release's XML_MAXSIZE: 4096 on Wazuh 3.0, 2048 on OSSEC 2.8", () => {
    const value = (n: number) =>
      conf(`<command><name>${'n'.repeat(n)}</name><executable>x</executable><expect/></command>`);
    expect(findings('X1', value(5000), 'wazuh@3.0')[0].message).toContain('(4096 bytes)');
    expect(findings('X1', value(5000), 'wazuh@3.2')).toEqual([]);
    expect(findings('X1', value(3000), 'ossec@2.8')[0].message).toContain('OSSEC 2.8');
    expect(findings('X1', value(3000), 'ossec@3.7')).toEqual([]);
  });

  it('reports an overflowing attribute value with the attribute name only', () => {
    const text = conf(
      `<command note="${'c'.repeat(21000)}"><name>x</name><executable>x</executable></command>`,
    );
    const [d] = findings('X1', text);
    expect(d.daemonMessage).toContain("XMLERR: Overflow attempt at attribute 'note'.");
    expect(d.message).toContain("'note'");
  });
});
