import { describe, expect, it } from 'vitest';
import { parseTarget, TARGETS } from '../targets/target';
import { WAZUH_5 } from '../test-support/targets';
import { deployFacts } from './deploy-facts';
import { type Citation, citationUrl, sourceRef } from './sources';

function citations(value: unknown, out: Citation[] = []): Citation[] {
  if (Array.isArray(value)) for (const v of value) citations(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.quote === 'string' && typeof o.path === 'string') out.push(o as unknown as Citation);
    else for (const [key, v] of Object.entries(o)) if (key !== 'target') citations(v, out);
  }
  return out;
}

const facts = (id: string) => deployFacts(parseTarget(id));

describe('deployFacts', () => {
  it('cites every fact at the release the target models, in that product’s repository', () => {
    for (const target of [...TARGETS, WAZUH_5]) {
      const found = citations(deployFacts(target));
      expect(found.length).toBeGreaterThan(5);
      const { major, minor } = target.version;
      const tag = target.product === 'wazuh' ? `v${major}.${minor}.` : `${major}.${minor}.`;
      for (const c of found) {
        expect(c.ref).toBe(sourceRef(target));
        expect(c.ref.startsWith(tag)).toBe(true);
        expect(c.repo).toBe(target.product === 'wazuh' ? 'wazuh/wazuh' : 'ossec/ossec-hids');
        expect(c.quote.trim()).not.toBe('');
        expect(citationUrl(c)).toBe(`https://github.com/${c.repo}/blob/${c.ref}/${c.path}`);
      }
    }
  });

  it('names the daemons and the control script as each release installs them', () => {
    expect(facts('ossec@2.8').manager?.analysisd.value).toBe('ossec-analysisd');
    expect(facts('ossec@4.2').agent.control.value).toBe('ossec-control');
    expect(facts('wazuh@4.1').manager?.analysisd.value).toBe('ossec-analysisd');
    expect(facts('wazuh@4.1').manager?.control.manager.value).toBe('ossec-control');
    expect(facts('wazuh@4.2').manager?.analysisd.value).toBe('wazuh-analysisd');
    expect(facts('wazuh@4.2').agent.execd.value).toBe('wazuh-execd');
    expect(facts('wazuh@4.14').manager?.control.local.value).toBe('wazuh-control');
    for (const target of TARGETS)
      expect(deployFacts(target).configFile.value).toBe('/var/ossec/etc/ossec.conf');
  });

  it('follows agent_control: -a and the ar.conf name check from Wazuh 3.1, neither on OSSEC', () => {
    expect(facts('ossec@3.7').manager?.agentControl.allAgents).toBe(false);
    expect(facts('ossec@3.7').manager?.agentControl.checksName).toBeNull();
    expect(facts('wazuh@3.0').manager?.agentControl.allAgents).toBe(false);
    expect(facts('wazuh@3.1').manager?.agentControl.allAgents).toBe(true);
    expect(facts('wazuh@3.1').manager?.agentControl.checksName?.quote).toBe(
      'Selected active response does not exist',
    );
  });

  it('has the 4.x API only from 4.0, with each release’s login, upload and run body', () => {
    expect(facts('ossec@4.2').manager?.api).toBeNull();
    expect(facts('wazuh@3.13').manager?.api).toBeNull();
    const v40 = facts('wazuh@4.0').manager?.api;
    expect([v40?.login.value, v40?.upload.value, v40?.run.value]).toEqual(['GET', 'files', 'arguments']);
    const v41 = facts('wazuh@4.1').manager?.api;
    expect([v41?.upload.value, v41?.run.value]).toEqual(['configuration', 'arguments']);
    expect(v41?.uploadNote).toMatch(/4\.1\.0 still uploads with PUT \/manager\/files/);
    expect(facts('wazuh@4.3').manager?.api?.login.value).toBe('GET');
    const v44 = facts('wazuh@4.4').manager?.api;
    expect([v44?.login.value, v44?.run.value, v44?.uploadNote]).toEqual(['POST', 'alert', null]);
    expect(v44?.uploadUtf8Only?.quote).toMatch(/1911/);
  });

  it('has no manager side on Wazuh 5.0 and says where responses went', () => {
    const five = deployFacts(WAZUH_5);
    expect(five.manager).toBeNull();
    expect(five.managerWithoutXml?.value).toMatch(/see the migration view/);
    expect(five.managerWithoutXml?.sources.map((c) => c.path)).toEqual([
      'src/config/src/config.c',
      'docs/guide/migration/active-response.md',
    ]);
    expect(five.agent.execd.value).toBe('wazuh-execd');
    expect(five.agent.arConf).toBeNull();
  });
});
