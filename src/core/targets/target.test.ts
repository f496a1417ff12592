import { describe, expect, it } from 'vitest';
import { FINISH_TEST_TIMEOUT_MS, finishes } from '../test-support/finishes';
import { daemonMessage, xmlReadError } from './messages';
import { stockRename } from './stock';
import { DEFAULT_TARGET, fileResponsesAbsence, parseTarget, TARGETS, targetOrDefault } from './target';

describe('targets', () => {
  it('lists OSSEC 2.8, 3.7, 4.2, every Wazuh minor from 3.0 to 4.14, and Wazuh 5.0', () => {
    const ids = TARGETS.map((t) => t.id);
    expect(ids.slice(0, 3)).toEqual(['ossec@2.8', 'ossec@3.7', 'ossec@4.2']);
    expect(ids).toContain('wazuh@3.13');
    expect(ids).toContain('wazuh@4.0');
    expect(ids.slice(-2)).toEqual(['wazuh@4.14', 'wazuh@5.0']);
    expect(ids).toHaveLength(3 + 14 + 15 + 1);
    expect(parseTarget(DEFAULT_TARGET).id).toBe('wazuh@4.14');
  });

  it('parses ids with a patch level or a product name, and refuses unknown ones', () => {
    expect(parseTarget('wazuh@4.14.7').id).toBe('wazuh@4.14');
    expect(parseTarget('OSSEC 3.7.0').id).toBe('ossec@3.7');
    expect(parseTarget(' wazuh @ v4.14 ').id).toBe('wazuh@4.14');
    expect(parseTarget('wazuh@5.0.1').id).toBe('wazuh@5.0');
    expect(() => parseTarget('wazuh@5.1')).toThrow(/Unknown target 'wazuh@5.1'/);
    expect(() => parseTarget('wazuh@@4.14')).toThrow(/Unknown target/);
    expect(() => parseTarget('splunk@1.0')).toThrow(/Known targets: ossec@2.8/);
  });

  it('switches each behaviour at its Wazuh version threshold (reference §6)', () => {
    const at = (id: string) => parseTarget(id);
    expect([at('wazuh@3.4').expect, at('wazuh@3.5').expect, at('wazuh@4.2').expect]).toEqual([
      'required',
      'optional',
      'ignored',
    ]);
    expect([at('wazuh@3.4').extraArgs, at('wazuh@3.5').extraArgs, at('ossec@4.2').extraArgs]).toEqual([
      false,
      true,
      false,
    ]);
    expect([at('wazuh@3.6').timeoutWithoutAllowed, at('wazuh@3.7').timeoutWithoutAllowed]).toEqual([
      'fatal',
      'reset',
    ]);
    expect([at('wazuh@3.6').bangNameRefused, at('wazuh@3.7').bangNameRefused]).toEqual([false, true]);
    expect([at('wazuh@4.2').agentIdZeroDropped, at('wazuh@4.3').agentIdZeroDropped]).toEqual([false, true]);
    expect([
      at('wazuh@4.3').emptyCommandOrLocationMissing,
      at('wazuh@4.4').emptyCommandOrLocationMissing,
    ]).toEqual([false, true]);
    expect([at('wazuh@3.2').agentCaVerification, at('wazuh@3.3').agentCaVerification]).toEqual([
      'unread',
      'execd-warning',
    ]);
    expect(at('wazuh@4.1').agentCaVerification).toBe('agent-upgrade-error');
    expect([at('ossec@3.7').levelAndGroup, at('wazuh@3.0').levelAndGroup]).toEqual(['or', 'and']);
    expect([at('ossec@2.8').disabledSkipsLaterBlocks, at('ossec@3.7').disabledSkipsLaterBlocks]).toEqual([
      true,
      false,
    ]);
    expect([at('ossec@4.2').caStoreAccepted, at('wazuh@3.0').caStoreAccepted]).toEqual([false, true]);
  });

  it("carries each release's XML reader (os_xml_internal.h and os_xml.c across the tags)", () => {
    const at = (id: string) => parseTarget(id);
    const maxText = [
      'ossec@2.8',
      'ossec@3.7',
      'wazuh@3.1',
      'wazuh@3.2',
      'wazuh@3.4',
      'wazuh@3.5',
      'wazuh@4.14',
    ];
    expect(maxText.map((id) => at(id).xml.maxText)).toEqual([2048, 8192, 4096, 6144, 6144, 20480, 20480]);
    expect(['ossec@4.2', 'wazuh@3.7', 'wazuh@3.8'].map((id) => at(id).xml.backslashRuns)).toEqual([
      'sticky',
      'sticky',
      'toggle',
    ]);
    expect(['wazuh@4.13', 'wazuh@4.14', 'ossec@4.2'].map((id) => at(id).xml.maxAttributeDepth)).toEqual([
      null,
      48,
      null,
    ]);
    expect(
      ['ossec@3.7', 'ossec@4.2', 'wazuh@4.1', 'wazuh@4.2'].map((id) => at(id).xml.recursionMessage),
    ).toEqual([null, 'XMLERR: Max recursion level reached.', null, 'XMLERR: Max recursion level reached']);
  });

  it('carries the stock scripts and built-in ar.conf lines of each generation', () => {
    expect(parseTarget('wazuh@4.1').stockExecutables).toContain('firewall-drop.sh');
    expect(parseTarget('wazuh@4.2').stockExecutables).toContain('firewall-drop');
    expect(parseTarget('wazuh@4.2').stockExecutables).not.toContain('firewall-drop.sh');
    expect(parseTarget('wazuh@4.1').builtinArConf).toHaveLength(2);
    expect(parseTarget('wazuh@4.2').builtinArConf).toContain('restart-wazuh0 - restart-wazuh - 0');
  });

  it('renames stock scripts across the 4.2 boundary, both ways', () => {
    expect(stockRename('firewall-drop.sh', 'wazuh42')).toBe('firewall-drop');
    expect(stockRename('firewall-drop', 'wazuh3')).toBe('firewall-drop.sh');
    expect(stockRename('route-null.exe', 'ossec')).toBe('route-null.cmd');
    expect(stockRename('firewall-drop', 'wazuh42')).toBeUndefined();
    expect(stockRename('my-script.sh', 'wazuh42')).toBeUndefined();

    expect(stockRename('restart-wazuh.exe', 'ossec')).toBe('restart-ossec.cmd');
  });

  it('formats messages the way each product logs them', () => {
    const text = "Invalid command 'x' in the active response.";
    expect(daemonMessage(parseTarget('wazuh@4.14'), 'analysisd', 1303, text)).toBe(
      "(1303): Invalid command 'x' in the active response.",
    );
    expect(daemonMessage(parseTarget('ossec@3.7'), 'analysisd', 1303, text)).toBe(
      "ossec-analysisd(1303): ERROR: Invalid command 'x' in the active response.",
    );
    expect(
      xmlReadError(parseTarget('wazuh@4.14'), 'analysisd', "XMLERR: Element 'name' not closed.", 3),
    ).toBe("(1226): Error reading XML file 'etc/ossec.conf': XMLERR: Element 'name' not closed. (line 3).");
  });

  it('labels Wazuh 5.0 as a beta whose manager reads <wazuh_config> and takes responses from the indexer', () => {
    const five = parseTarget('wazuh@5.0');
    expect(five).toMatchObject({
      label: 'Wazuh 5.0 (beta)',
      beta: true,
      responsesFrom: 'indexer',
      roots: { manager: 'wazuh_config', agent: 'ossec_config' },
      configPath: 'etc/wazuh-manager.conf',
      stockCommands: [],
      stockExecutables: ['block-ip', 'disable-account'],
      builtinArConf: [],
    });
    expect(fileResponsesAbsence(five)).toMatch(/Wazuh 5.0 \(beta\) has no ar.conf/);
    const four = parseTarget('wazuh@4.14');
    expect(four).toMatchObject({ label: 'Wazuh 4.14', beta: false, responsesFrom: 'xml' });
    expect(four.roots).toEqual({ manager: 'ossec_config', agent: 'ossec_config' });
    expect(fileResponsesAbsence(four)).toBeNull();
    expect(TARGETS.filter((t) => t.beta).map((t) => t.id)).toEqual(['wazuh@5.0']);
  });

  // Two adjacent blank runs in the pattern once made a long run of blanks quadratic.
  it('reads a target with a long run of blanks in one pass', {
    timeout: FINISH_TEST_TIMEOUT_MS,
  }, async () => {
    await finishes(`
      import { parseTarget } from './src/core/targets/target.ts';
      try { parseTarget('wazuh' + ' '.repeat(1_000_000) + 'x'); } catch {}
    `);
  });
});

describe('targetOrDefault', () => {
  it('reads a known target and falls back to the default for one it does not know', () => {
    expect(targetOrDefault('ossec@3.7').id).toBe('ossec@3.7');
    expect(targetOrDefault('wazuh@9.9').id).toBe(DEFAULT_TARGET);
    expect(targetOrDefault('').id).toBe(DEFAULT_TARGET);
  });
});
