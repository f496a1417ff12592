import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  downloadWhole,
  expectNoAxeViolations,
  importFile,
  openFresh,
  storedDraftText,
  watchForFailures,
} from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** A Latin-1 OSSEC file with CRLF line endings, so the link must carry every byte as it is. */
const LATIN1 =
  '<!-- r\u00e9seau: \u00e9quipe s\u00e9curit\u00e9 -->\r\n<ossec_config>\r\n  <command>\r\n    <name>host-deny</name>\r\n    <executable>host-deny.sh</executable>\r\n    <expect>srcip</expect>\r\n    <timeout_allowed>yes</timeout_allowed>\r\n  </command>\r\n  <active-response>\r\n    <command>host-deny</command>\r\n    <location>local</location>\r\n    <level>7</level>\r\n    <timeout>600</timeout>\r\n  </active-response>\r\n</ossec_config>\r\n';

test('a copied link opens the draft in another browser: summary first, then the same bytes, undoable', async ({
  page,
  browser,
}, testInfo) => {
  const failures = watchForFailures(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const original = Buffer.from(LATIN1, 'latin1');
  const path = testInfo.outputPath('ossec-server.conf');
  writeFileSync(path, original);
  await openFresh(page);
  await importFile(page, path);
  await page.getByLabel('Target').selectOption('ossec@3.7');
  await page.getByLabel('Role').selectOption('manager');

  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: /Share as a link/ }).click();
  const share = page.getByRole('dialog', { name: 'Share this draft as a link' });
  const field = share.getByLabel('Link');
  await expect(field).toHaveValue(/#share=[A-Za-z0-9_-]+$/);
  await expectNoAxeViolations(page);
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share).toContainText('Copied.');
  const link = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(link).toBe(await field.inputValue());
  expect(link.startsWith(new URL(page.url()).origin)).toBe(true);
  await page.keyboard.press('Escape');

  // Another browser, with a draft of its own.
  const other = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const otherFailures = watchForFailures(other);
  await openFresh(other);
  await other.getByRole('button', { name: 'Templates', exact: true }).click();
  await other.getByRole('button', { name: 'Insert host-deny corrected' }).click();
  const before = await downloadWhole(other);

  await other.goto(link);
  const open = other.getByRole('dialog', { name: 'Open a shared draft' });
  await expect(open.getByTestId('import-summary')).toContainText('ossec-server.conf');
  await expect(open.getByTestId('import-summary')).toContainText('Latin-1 · CRLF line endings');
  await expect(open.getByTestId('import-summary')).toContainText('1 command, 1 active response, 0 errors');
  await expect(open).toContainText('Checked as OSSEC 3.7, the manager role');
  await expectNoAxeViolations(other);
  // Nothing is replaced until the admin says so.
  await expect(other.getByRole('banner').getByText('ossec-server.conf', { exact: true })).toHaveCount(0);
  await open.getByRole('button', { name: 'Open as the document' }).click();
  await expect(open).toHaveCount(0);
  await expect(other.getByRole('banner').getByText('ossec-server.conf', { exact: true })).toHaveCount(1);
  expect(new URL(other.url()).hash).toBe('');
  await expect(other.getByLabel('Target')).toHaveValue('ossec@3.7');
  await expect(other.getByLabel('Role')).toHaveValue('manager');
  expect((await downloadWhole(other)).equals(original)).toBe(true);

  // One undo brings the receiver's own draft back; a reload keeps what was chosen, without asking again.
  await other.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
  expect((await downloadWhole(other)).equals(before)).toBe(true);
  await other.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' }).click();
  await expect(other.getByTestId('save-status')).toHaveText('Draft saved in this browser');
  expect(await storedDraftText(other)).toBe(LATIN1);
  await other.reload();
  await expect(other.getByRole('dialog')).toHaveCount(0);
  expect((await downloadWhole(other)).equals(original)).toBe(true);
  expect(failures).toEqual([]);
  expect(otherFailures).toEqual([]);
});

test('a damaged link says so and changes nothing; a draft too large for a link is offered as the file', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  const path = testInfo.outputPath('ossec-server.conf');
  writeFileSync(path, Buffer.from(LATIN1, 'latin1'));
  await importFile(page, path);
  const before = await downloadWhole(page);

  await page.goto('/#share=c2hhcmUgbWUgbm90');
  const refused = page.getByRole('dialog', { name: 'This link cannot be opened' });
  await expect(refused.getByRole('alert')).toContainText('incomplete or damaged');
  await expectNoAxeViolations(page);
  await refused.getByRole('button', { name: 'Close' }).last().click();
  await expect(refused).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  expect((await downloadWhole(page)).equals(before)).toBe(true);

  // Lines no compressor can shrink much make a link far over the limit.
  let seed = 11;
  const comments = Array.from({ length: 2500 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return `  <!-- ${seed.toString(36)} ${(seed * 7).toString(36)} -->`;
  });
  const large = `<ossec_config>\n${comments.join('\n')}\n</ossec_config>\n`;
  const largePath = testInfo.outputPath('large.conf');
  writeFileSync(largePath, large);
  await importFile(page, largePath);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: /Share as a link/ }).click();
  const share = page.getByRole('dialog', { name: 'Share this draft as a link' });
  await expect(share.getByRole('alert')).toContainText('Links longer than 16,000 characters get cut off');
  await expect(share.getByLabel('Link')).toHaveCount(0);
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await share.getByRole('button', { name: 'Download large.conf' }).click();
  expect(readFileSync(await (await download).path()).toString('utf8')).toBe(large);
  expect(failures).toEqual([]);
});

test('a link opened in a second tab while the first edits takes over editing when asked', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const original = Buffer.from(LATIN1, 'latin1');
  const path = testInfo.outputPath('ossec-server.conf');
  writeFileSync(path, original);
  await openFresh(page);
  await importFile(page, path);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: /Share as a link/ }).click();
  const link = await page.getByRole('dialog').getByLabel('Link').inputValue();
  await page.keyboard.press('Escape');
  await page
    .getByRole('listbox', { name: /Blocks/ })
    .getByRole('option', { name: /response/ })
    .click();
  await page.getByLabel('Level', { exact: true }).fill('12');

  const second = await page.context().newPage();
  const secondFailures = watchForFailures(second);
  await second.goto(link);
  const open = second.getByRole('dialog', { name: 'Open a shared draft' });
  await expect(open).toContainText('Another tab is editing your draft');
  await expectNoAxeViolations(second);
  await open.getByRole('button', { name: 'Take over editing and open' }).click();
  await expect(open).toHaveCount(0);
  await expect(page.getByTestId('tab-notice')).toContainText('Another tab took over editing this draft');
  expect((await downloadWhole(second)).equals(original)).toBe(true);
  expect([...failures, ...secondFailures]).toEqual([]);
});
