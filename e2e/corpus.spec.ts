import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { CORPUS, downloadWhole, importFile, openFresh, watchForFailures } from './support';

/** The original with one block's text changed by `edit`, every other byte as it was. */
function withBlockEdited(
  original: string,
  opening: string,
  marker: string,
  edit: (block: string) => string,
): string {
  let start = original.indexOf(opening);
  while (start !== -1) {
    const end = original.indexOf(`</${opening.slice(1)}`, start);
    const block = original.slice(start, end);
    if (block.includes(marker)) return original.slice(0, start) + edit(block) + original.slice(end);
    start = original.indexOf(opening, end);
  }
  throw new Error(`No ${opening} block with ${marker}`);
}

const CASES = [
  {
    name: 'OSSEC 3.7 server: one response timeout',
    path: CORPUS.ossec,
    option: /response\s*host-deny/,
    change: async (page: Page) => page.getByLabel('Timeout', { exact: true }).fill('900'),
    expected: (original: string) =>
      withBlockEdited(original, '<active-response>', '<command>host-deny</command>', (b) =>
        b.replace('<timeout>600</timeout>', '<timeout>900</timeout>'),
      ),
  },
  {
    name: 'Wazuh 4.x manager: one response timeout',
    path: CORPUS.wazuhWithResponses,
    option: /response\s*firewall-drop/,
    change: async (page: Page) => page.getByLabel('Timeout', { exact: true }).fill('900'),
    expected: (original: string) =>
      withBlockEdited(original, '<active-response>', '<command>firewall-drop</command>', (b) =>
        b.replace('<timeout>600</timeout>', '<timeout>900</timeout>'),
      ),
  },
  {
    name: 'Wazuh 4.14 stock manager: one command timeout_allowed',
    path: CORPUS.wazuh,
    option: /command\s*firewall-drop/,
    change: async (page: Page) => page.getByLabel('Timeout allowed').selectOption('no'),
    expected: (original: string) =>
      withBlockEdited(original, '<command>', '<name>firewall-drop</name>', (b) =>
        b.replace('<timeout_allowed>yes</timeout_allowed>', '<timeout_allowed>no</timeout_allowed>'),
      ),
  },
  // The docker files define commands but no response, so the timeout edited is the command's own.
  {
    name: 'Wazuh docker multi-root manager: one command timeout_allowed',
    path: CORPUS.docker,
    option: /command\s*host-deny/,
    change: async (page: Page) => page.getByLabel('Timeout allowed').selectOption('no'),
    expected: (original: string) =>
      withBlockEdited(original, '<command>', '<name>host-deny</name>', (b) =>
        b.replace('<timeout_allowed>yes</timeout_allowed>', '<timeout_allowed>no</timeout_allowed>'),
      ),
  },
];

for (const c of CASES) {
  test(`${c.name}: an unedited download is byte for byte; one edit changes only its block`, async ({
    page,
  }) => {
    const failures = watchForFailures(page);
    const original = readFileSync(c.path);
    await openFresh(page);
    await importFile(page, c.path);
    expect((await downloadWhole(page)).equals(original)).toBe(true);

    await page
      .getByRole('listbox', { name: /Blocks/ })
      .getByRole('option', { name: c.option })
      .first()
      .click();
    await c.change(page);
    const edited = (await downloadWhole(page)).toString('utf8');
    expect(edited).toBe(c.expected(original.toString('utf8')));
    expect(failures).toEqual([]);
  });
}

test('a Latin-1, CRLF file keeps its bytes and line endings through an edit; the fragment export holds its blocks', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const text =
    '<!-- r\u00e9seau: \u00e9quipe s\u00e9curit\u00e9 -->\r\n<ossec_config>\r\n  <command>\r\n    <name>host-deny</name>\r\n    <executable>host-deny</executable>\r\n    <timeout_allowed>yes</timeout_allowed>\r\n  </command>\r\n  <active-response>\r\n    <command>host-deny</command>\r\n    <location>local</location>\r\n    <level>7</level>\r\n    <timeout>600</timeout>\r\n  </active-response>\r\n</ossec_config>\r\n';
  const original = Buffer.from(text, 'latin1');
  const path = testInfo.outputPath('latin1-crlf.conf');
  writeFileSync(path, original);
  await openFresh(page);
  await importFile(page, path);
  await expect(page.getByText('Latin-1 · CRLF')).toBeVisible();
  expect((await downloadWhole(page)).equals(original)).toBe(true);

  await page
    .getByRole('listbox', { name: /Blocks/ })
    .getByRole('option', { name: /response/ })
    .click();
  await page.getByLabel('Level', { exact: true }).fill('10');
  const edited = await downloadWhole(page);
  expect(edited.equals(Buffer.from(text.replace('<level>7</level>', '<level>10</level>'), 'latin1'))).toBe(
    true,
  );

  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download fragment/ }).click();
  const fragment = readFileSync(await (await download).path()).toString('latin1');
  expect(fragment).toBe(
    '<command>\r\n  <name>host-deny</name>\r\n  <executable>host-deny</executable>\r\n  <timeout_allowed>yes</timeout_allowed>\r\n</command>\r\n<active-response>\r\n  <command>host-deny</command>\r\n  <location>local</location>\r\n  <level>10</level>\r\n  <timeout>600</timeout>\r\n</active-response>\r\n',
  );
  expect(failures).toEqual([]);
});
