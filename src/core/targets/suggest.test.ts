import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { suggestTarget } from './suggest';
import { parseTarget } from './target';

const four = readDocument(
  '<ossec_config>\n  <command><name>a</name><executable>a</executable></command>\n</ossec_config>\n',
);
const five = readDocument('<wazuh_config>\n  <global/>\n</wazuh_config>\n');
const agent = readDocument('<ossec_config>\n  <client/>\n</ossec_config>\n');

describe('suggestTarget', () => {
  it('suggests 5.0 for a <wazuh_config> file checked against 4.x', () => {
    expect(suggestTarget(five, parseTarget('wazuh@4.14'), 'auto')).toMatchObject({
      to: 'wazuh@5.0',
      label: 'Wazuh 5.0 (beta)',
      migrate: false,
    });
  });

  it('suggests 4.14 and the migration for a 4.x manager file while 5.0 is selected', () => {
    expect(suggestTarget(four, parseTarget('wazuh@5.0'), 'auto')).toMatchObject({
      to: 'wazuh@4.14',
      migrate: true,
    });
  });

  it('is quiet when the file and the target agree, and for a 5.0 agent', () => {
    expect(suggestTarget(four, parseTarget('wazuh@4.14'), 'auto')).toBeNull();
    expect(suggestTarget(five, parseTarget('wazuh@5.0'), 'auto')).toBeNull();
    expect(suggestTarget(agent, parseTarget('wazuh@5.0'), 'auto')).toBeNull();
    expect(suggestTarget(readDocument(''), parseTarget('wazuh@5.0'), 'auto')).toBeNull();
  });
});
