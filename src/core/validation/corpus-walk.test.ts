import { describe, expect, it } from 'vitest';
import { applyOps } from '../model/edit';
import { readDocument } from '../model/read';
import type { ConfigDocument, Diagnostic } from '../model/types';
import type { RoleOption } from '../targets/role';
import { corpusFiles } from '../test-support/corpus';
import { decodeBytes } from '../xml/encoding';
import { validate } from './validate';

/**
 * Every file of the corpus as its admin would open it, and what they are told, by severity, codes in
 * document order. A community file is checked as a whole file on the default target with its role read
 * from the file; a stock file on its own release and role; an install template as the snippet it is.
 * A change in what any file gets told shows here.
 */
interface Expected {
  target?: string;
  role?: RoleOption;
  snippet?: boolean;
  error?: string;
  warning?: string;
  info?: string;
}

const TOLD: Record<string, Expected> = {
  'community/83uzzal-wazuh-soc-security-lab-blueteam-wazuh-ossec.conf': { info: 'C11' },
  // Markdown fences around a root-less snippet: refused as a file, read as a snippet it is fine.
  'community/Antana5-wazuh_active_response-ossec.conf': { error: 'X3', info: 'C11 H3' },
  'community/Arno19012001-tfe-ids-ips-siem-wazuh-ossec.conf': { info: 'A21' },
  'community/Brad-Edwards-aptl-wazuh_manager.conf': { info: 'C11 C3' },
  // `…100219}`: the brace stops rule matching; the fix drops it.
  'community/CCDC-RIT-Logging-Scripts-ossec.conf': { warning: 'A12', info: 'C11 C11 H3' },
  'community/EvilTom1-Wazuh-Config-ossec.conf': { error: 'X1', info: 'R1 R1' },
  'community/KiteVision-Wazuh-ossec.conf': { error: 'X3', info: 'C11' },
  // A response "commented out" with # is live; the fix comments it out.
  'community/KnnnZzz-Wazuh_SIEM-ossec.conf': { warning: 'H4', info: 'C11 C11' },
  'community/Machacasauro-SOC-BlueTeam-Lab-ossec-ossec.conf': { warning: 'A4', info: 'C11 H2 H4' },
  'community/NS-Projects-Unina-Blue_Vs_Red_1-wazuh_manager.conf': { warning: 'C9', info: 'C11 C11' },
  'community/Noureddine-0-Wazuh-Swarm-wazuh_manager.conf': { info: 'C11 C3' },
  'community/Nyx-Sentinel-SOAR-FortiGate-configs-wazuh-ossec.conf': { info: 'C11' },
  'community/STCybersec-Wazuh-Endpoint-Security-Active-Response-ossec.conf': { error: 'X3', info: 'C11 H3' },
  // Four definitions inside a response: one C12, and each user pointed at it.
  'community/SmartPT-Wazuh-XDR-ossec.conf': { error: 'C12 A2 A2 A2 A2' },
  'community/Whys0EZ-ossec-syslog_remote.conf': { error: 'X3 A2 A2' },
  'community/Whys0EZ-ossec-wazuh.conf': { info: 'H3' },
  'community/atas-s-wazuh-yara-ossec.conf': { info: 'C11' },
  'community/brypreez-security-sentinel-ossec.conf': { warning: 'C9', info: 'C11 C3 C3' },
  'community/csalab-id-csaf-wazuh_manager.conf': { info: 'C11' },
  'community/czaraf-wazuh-ossec.conf': { info: 'C11 C3 C11 C11 C11 H3 H3 H3 H3' },
  'community/jennifergates-OSSEC-ossec.conf': { info: 'C11 C3 C11 C3 C11 C3' },
  // `<extra_args>srcip</extra_args>` written as if it were <expect>.
  'community/lguifer-Blue_Team-wazuh-ossec.conf': { info: 'H6 C11 H6 C3 C11 H3 H1 H2 H2 H3' },
  // Helm values: two whole ossec.conf in YAML, and loose sections outside any root.
  'community/morgoved-wazuh-helm-example-values.yaml': {
    error: 'X3 X3 X3 X3',
    warning: 'C9 C9 C9 C9 C9 C9 C9 C9 C9',
    info: 'C11 C3 C9 C11 C3 C11 C3 C11 C3 C11 C3 C11 C3 C11 C3 C11 C3 C11 C3 C9 C11 C3 C11 C3 C11 C3 C11 C3 C11 C3 C11 C3 C11 C3',
  },
  'fragments/ossec-3.7.0-active-response.template': { target: 'ossec@3.7', snippet: true, info: 'A2 A2' },
  'fragments/ossec-3.7.0-ar-disable-account.template': { target: 'ossec@3.7', snippet: true },
  'fragments/ossec-3.7.0-ar-routenull.template': { target: 'ossec@3.7', snippet: true },
  'fragments/wazuh-3.13.6-ar-commands.template': { target: 'wazuh@3.13', snippet: true },
  'fragments/wazuh-4.14.7-ar-commands.template': { snippet: true },
  'fragments/wazuh-4.14.7-ar-definitions.template': { snippet: true },
  'fragments/wazuh-puppet-_default_activeresponse.erb': { role: 'agent', snippet: true, info: 'A17 A17' },
  'fragments/wazuh-puppet-default_commands.erb': { snippet: true, info: 'C9 C11 C11 C11 C11' },
  'ossec-2.8.1-server-ossec-server.conf': { target: 'ossec@2.8', role: 'manager' },
  'ossec-2.8.1-windows-agent-ossec.conf': { target: 'ossec@2.8', role: 'agent' },
  'ossec-3.7.0-agent-ossec-agent.conf': { target: 'ossec@3.7', role: 'agent' },
  'ossec-3.7.0-etc-ossec.conf': { target: 'ossec@3.7', role: 'manager' },
  'ossec-3.7.0-local-ossec-local.conf': { target: 'ossec@3.7', role: 'manager' },
  'ossec-3.7.0-server-ossec-server.conf': { target: 'ossec@3.7', role: 'manager' },
  'ossec-3.7.0-windows-agent-ossec.conf': { target: 'ossec@3.7', role: 'agent' },
  // Configuration-management templates: placeholders the daemon would read literally.
  'templated/wazuh-ansible-4.14.7-var-ossec-etc-ossec-server.conf.j2': {
    error: 'X1 C5 A15 A2 A3 A8',
    warning: 'C10 C10 A7 A12 A13 A18',
    info: 'C11 H4 H4',
  },
  'templated/wazuh-puppet-_activeresponse.erb': { error: 'X3 A1 X1 A20', warning: 'C12' },
  'wazuh-3.0.0-manager-ossec-server.conf': { target: 'wazuh@3.0', role: 'manager' },
  'wazuh-3.13.6-agent-ossec-agent.conf': { target: 'wazuh@3.13', role: 'agent' },
  'wazuh-3.13.6-manager-ossec-server.conf': { target: 'wazuh@3.13', role: 'manager' },
  'wazuh-3.13.6-windows-agent-ossec.conf': { target: 'wazuh@3.13', role: 'agent' },
  'wazuh-3.13.6-windows-pre-vista-agent-ossec-pre6.conf': { target: 'wazuh@3.13', role: 'agent' },
  'wazuh-4.1.5-manager-ossec-server.conf': { target: 'wazuh@4.1', role: 'manager' },
  'wazuh-4.1.5-windows-agent-ossec.conf': { target: 'wazuh@4.1', role: 'agent', info: 'A17 A17' },
  'wazuh-4.14.7-agent-ossec-agent.conf': { role: 'agent' },
  'wazuh-4.14.7-local-ossec-local.conf': { role: 'manager' },
  'wazuh-4.14.7-manager-ossec-server.conf': { role: 'manager' },
  'wazuh-4.14.7-shared-agent.conf': { info: 'X3' },
  'wazuh-4.14.7-windows-agent-ossec.conf': { role: 'agent', info: 'A17 A17' },
  'wazuh-4.2.0-manager-ossec-server.conf': { target: 'wazuh@4.2', role: 'manager' },
  'wazuh-4.9.2-manager-ossec-server.conf': { target: 'wazuh@4.9', role: 'manager' },
  'wazuh-docker-4.9.2-multi-node-wazuh_worker.conf': { target: 'wazuh@4.9', role: 'manager' },
  'wazuh-docker-4.9.2-single-node-wazuh_manager.conf': { target: 'wazuh@4.9', role: 'manager' },
};

const files = new Map(corpusFiles().map((f) => [f.name, f]));

function open(name: string): { doc: ConfigDocument; told: Diagnostic[]; expected: Expected } {
  const file = files.get(name);
  if (!file) throw new Error(`${name} is not in the corpus`);
  const expected = TOLD[name];
  const { text, encoding } = decodeBytes(file.bytes);
  const doc = readDocument(text, encoding, expected.snippet ?? false);
  const told = validate(doc, { target: expected.target ?? 'wazuh@4.14', role: expected.role ?? 'auto' });
  return { doc, told, expected };
}

const codes = (told: Diagnostic[], severity: Diagnostic['severity']) =>
  told
    .filter((d) => d.severity === severity)
    .map((d) => d.code)
    .join(' ');

/** The document after the admin clicks the fix of the first finding with this code (and title). */
function afterFix(name: string, code: string, title?: string) {
  const { doc, told, expected } = open(name);
  const finding = told.find((d) => d.code === code && d.fix && (!title || d.fix.title === title));
  if (!finding?.fix) throw new Error(`${name} has no ${code} fix`);
  const fixed = applyOps(doc, finding.fix.ops);
  const target = expected.target ?? 'wazuh@4.14';
  return { finding, fixed, told: validate(fixed, { target, role: expected.role ?? 'auto' }) };
}

describe('the corpus, file by file, as its admin sees it', () => {
  it('lists every file of the corpus', () => {
    expect(Object.keys(TOLD).sort()).toEqual([...files.keys()].sort());
  });

  it.each(Object.keys(TOLD))('%s', (name) => {
    const { told, expected } = open(name);
    expect({
      error: codes(told, 'error'),
      warning: codes(told, 'warning'),
      info: codes(told, 'info'),
    }).toEqual({ error: expected.error ?? '', warning: expected.warning ?? '', info: expected.info ?? '' });
  });
});

describe('the fixes the corpus gets are what its admins meant', () => {
  it('SmartPT: the four definitions become top-level commands as written, and the file is accepted', () => {
    const { finding, fixed, told } = afterFix('community/SmartPT-Wazuh-XDR-ossec.conf', 'C12');
    expect(finding.fix?.title).toBe('Move the 4 command definitions out of the <active-response> on line 3');
    expect(told.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(fixed.blocks.map((b) => b.kind).join(' ')).toBe(
      'command command command command active-response active-response active-response active-response',
    );
    expect(fixed.text).toContain(
      '    <command>\n        <name>SmartPT_AI</name>\n        <executable>SmartPT_AI.sh</executable>\n',
    );
    // Every A2 offers the same move, never a command with an invented executable.
    const { told: before } = open('community/SmartPT-Wazuh-XDR-ossec.conf');
    for (const d of before.filter((x) => x.code === 'A2')) expect(d.fix?.ops).toEqual(finding.fix?.ops);
  });

  it('KnnnZzz: the #-prefixed response is commented out and no longer read', () => {
    const { fixed, told } = afterFix('community/KnnnZzz-Wazuh_SIEM-ossec.conf', 'H4');
    expect(fixed.blocks).toHaveLength(12);
    expect(told.map((d) => d.code)).toEqual(['C11', 'C11']);
  });

  it('Machacasauro: the shell-style note is wrapped in a comment, and any becomes all', () => {
    const note = afterFix('community/Machacasauro-SOC-BlueTeam-Lab-ossec-ossec.conf', 'H4');
    expect(note.fixed.text).toContain('<timeout>1440</timeout> <!-- # Fail2ban -->');
    expect(note.told.map((d) => d.code)).toEqual(['C11', 'A4', 'H2']);
    const location = afterFix('community/Machacasauro-SOC-BlueTeam-Lab-ossec-ossec.conf', 'A4');
    expect(location.fixed.text).toContain('<location>all</location>');
  });

  it('CCDC: the stray brace leaves <rules_id>', () => {
    const { fixed, told } = afterFix('community/CCDC-RIT-Logging-Scripts-ossec.conf', 'A12');
    expect(fixed.text).toContain('100218,100219</rules_id>');
    expect(told.some((d) => d.code === 'A12')).toBe(false);
  });

  it('brypreez and NS-Projects: the duplicate no response reaches goes, the used one stays', () => {
    const brypreez = afterFix('community/brypreez-security-sentinel-ossec.conf', 'C9');
    expect(brypreez.finding.message).toContain("(it differs: <expect> none here, 'srcip' there)");
    expect(brypreez.fixed.text.match(/<name>firewall-drop<\/name>/g)).toHaveLength(1);
    expect(brypreez.fixed.text).toContain('<expect>srcip</expect>');
    const ns = afterFix('community/NS-Projects-Unina-Blue_Vs_Red_1-wazuh_manager.conf', 'C9');
    expect(ns.told.some((d) => d.code === 'C9')).toBe(false);
  });

  it('EvilTom1: the XML declaration goes and the file reads', () => {
    const { told } = afterFix('community/EvilTom1-Wazuh-Config-ossec.conf', 'X1');
    expect(told.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('root-less snippets: read as snippets, nothing is refused', () => {
    for (const name of [
      'community/Antana5-wazuh_active_response-ossec.conf',
      'community/KiteVision-Wazuh-ossec.conf',
      'community/STCybersec-Wazuh-Endpoint-Security-Active-Response-ossec.conf',
      'community/Whys0EZ-ossec-syslog_remote.conf',
    ]) {
      const { finding, fixed, told } = afterFix(name, 'X3');
      expect(finding.message).toContain('check it with --fragment');
      expect(fixed.snippet).toBe(true);
      expect(told.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});
