import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { CORPUS, importFile, openFresh, watchForFailures } from './support';

async function downloadWhole(page: Page): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download ossec\.conf/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ossec.conf');
  return readFileSync(await file.path());
}

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
  // The two Wazuh files define commands but no response, so the timeout edited is the command's own.
  {
    name: 'Wazuh 4.14 manager: one command timeout_allowed',
    path: CORPUS.wazuh,
    option: /command\s*firewall-drop/,
    change: async (page: Page) => page.getByLabel('Timeout allowed').selectOption('no'),
    expected: (original: string) =>
      withBlockEdited(original, '<command>', '<name>firewall-drop</name>', (b) =>
        b.replace('<timeout_allowed>yes</timeout_allowed>', '<timeout_allowed>no</timeout_allowed>'),
      ),
  },
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
      .click();
    await c.change(page);
    const edited = (await downloadWhole(page)).toString('utf8');
    expect(edited).toBe(c.expected(original.toString('utf8')));
    expect(failures).toEqual([]);
  });
}
