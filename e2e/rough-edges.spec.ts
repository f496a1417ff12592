import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  CORPUS,
  downloadWhole,
  expectNoAxeViolations,
  importFile,
  openFresh,
  watchForFailures,
} from './support';

const WHYS0EZ = resolve(process.cwd(), '../shared/corpus/community/Whys0EZ-ossec-wazuh.conf');
const blocks = (page: Page) => page.getByRole('listbox', { name: /Blocks/ });
const status = (page: Page) => page.locator('footer [role="status"]');

/** Whether `inner` lies inside `outer` on screen (a pixel of rounding allowed), or only between its top and bottom. */
async function within(inner: Locator, outer: Locator, axis: 'both' | 'vertical' = 'both'): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  if (axis === 'vertical') return a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1;
  return (
    a.x >= b.x - 1 &&
    a.y >= b.y - 1 &&
    a.x + a.width <= b.x + b.width + 1 &&
    a.y + a.height <= b.y + b.height + 1
  );
}

test('another block opens at its form’s top', async ({ page }) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await importFile(page, WHYS0EZ);
  const form = page.getByRole('region', { name: 'Block form' });
  await blocks(page)
    .getByRole('option', { name: /response win_route-null/ })
    .click();
  await form.evaluate((pane) => {
    pane.scrollTop = pane.scrollHeight;
  });
  expect(await form.evaluate((pane) => pane.scrollTop)).toBeGreaterThan(0);
  await blocks(page)
    .getByRole('option', { name: /response firewall-drop/ })
    .click();
  await expect.poll(() => form.evaluate((pane) => pane.scrollTop)).toBe(0);

  expect(failures).toEqual([]);
});

test('the XML view follows the line a form edit changes, even far down a long block', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const notes = Array.from({ length: 80 }, (_, i) => `    <!-- note ${i + 1} -->`).join('\n');
  const text = `<ossec_config>\n  <command>\n    <name>host-deny</name>\n    <executable>host-deny</executable>\n    <timeout_allowed>yes</timeout_allowed>\n  </command>\n  <active-response>\n    <command>host-deny</command>\n    <location>local</location>\n${notes}\n    <level>7</level>\n    <timeout>600</timeout>\n  </active-response>\n</ossec_config>\n`;
  const path = testInfo.outputPath('long-block.conf');
  writeFileSync(path, text);
  await openFresh(page);
  await importFile(page, path);
  await blocks(page)
    .getByRole('option', { name: /response/ })
    .click();
  await page.getByLabel('Timeout', { exact: true }).fill('7200');
  const line = page.locator('.cm-line', { hasText: '<timeout>7200</timeout>' });
  await expect(line).toBeVisible();
  await expect.poll(() => within(line, page.locator('.cm-scroller'), 'vertical')).toBe(true);
  expect(failures).toEqual([]);
});

test('undo and redo of a move keep the moved block selected and say what they did', async ({ page }) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await importFile(page, CORPUS.ossec);
  const options = blocks(page).getByRole('option');
  await options.nth(3).click();
  await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true');
  const moved = (await options.nth(3).textContent()) ?? '';
  await page.keyboard.press('Alt+ArrowDown');
  await expect(options.nth(4)).toHaveAttribute('aria-selected', 'true');
  await expect(status(page)).toHaveText('Moved a block');

  await page.keyboard.press('Control+z');
  await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(3)).toHaveText(moved);
  await expect(status(page)).toHaveText('Undid: Moved a block');

  await page.keyboard.press('Control+Shift+z');
  await expect(options.nth(4)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(4)).toHaveText(moved);
  await expect(status(page)).toHaveText('Redid: Moved a block');
  expect(failures).toEqual([]);
});

test('pasted text opens without a separate read step; adding its blocks selects the first one', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await importFile(page, CORPUS.ossec);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page
    .getByLabel('Pasted XML')
    .fill(
      '<!-- from the wiki -->\n<command>\n  <name>mail-test</name>\n  <executable>mail-test.sh</executable>\n</command>\n',
    );
  await expect(page.getByTestId('import-summary')).toContainText('1 command');
  await page.getByRole('button', { name: 'Add its blocks to this document' }).click();
  const selected = blocks(page).locator('[aria-selected="true"]');
  await expect(selected).toContainText('mail-test');
  await expect(page.getByLabel('Executable', { exact: true })).toHaveValue('mail-test.sh');
  expect(failures).toEqual([]);
});

test('keyboard and screen-reader details: input before its remove button, a visible focus ring, whole group headings', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await importFile(page, CORPUS.ossec);
  await blocks(page)
    .getByRole('option', { name: /response host-deny/ })
    .click();
  await page.getByLabel('Level', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Remove <level> from the block' })).toBeFocused();

  await page.locator('.cm-content').focus();
  const outline = await page.locator('.cm-editor').evaluate((editor) => {
    type Styles = { getComputedStyle(element: unknown): { outlineWidth: string; outlineStyle: string } };
    const style = (globalThis as unknown as Styles).getComputedStyle(editor);
    return `${style.outlineWidth} ${style.outlineStyle}`;
  });
  expect(outline).toBe('2px solid');

  // The first block's group (a file-level group, such as a <global> white-list warning, may come before it).
  const heading = page
    .getByRole('region', { name: 'Problems' })
    .getByRole('heading', { level: 3 })
    .filter({ hasText: '· line' })
    .first();
  await expect(heading).toHaveText(/· line \d+, \d+ problems?$/);
  expect(failures).toEqual([]);
});

test('a block row with a long rule list stays inside the list, with its badges and count', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const ids = Array.from({ length: 30 }, (_, i) => 100900 + i).join(',');
  const text = `<ossec_config>\n  <command>\n    <name>firewall-drop-with-a-rather-long-name</name>\n    <executable>firewall-drop</executable>\n    <timeout_allowed>yes</timeout_allowed>\n  </command>\n  <active-response>\n    <command>firewall-drop-with-a-rather-long-name</command>\n    <location>local</location>\n    <rules_id>${ids}</rules_id>\n    <timeout>600</timeout>\n    <repeated_offenders>1,2</repeated_offenders>\n  </active-response>\n</ossec_config>\n`;
  const path = testInfo.outputPath('long.conf');
  writeFileSync(path, text);
  await openFresh(page);
  await importFile(page, path);
  const row = blocks(page).getByRole('option', { name: /response/ });
  const list = blocks(page);
  await expect(row.getByText('stateful')).toBeVisible();
  expect(await within(row.getByText('stateful'), list)).toBe(true);
  expect(await within(row.locator('.tabular-nums').first(), list)).toBe(true);
  await expect(row.getByTitle(new RegExp(`rules ${ids}`))).toHaveCount(1);
  expect(failures).toEqual([]);
});

test('on a phone the page is one column: import, edit a block and export, dialogs on screen', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openFresh(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  expect(await within(dialog, page.locator('body'))).toBe(true);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('A file').click();
  await (await chooser).setFiles(CORPUS.ossec);
  await page.getByRole('button', { name: 'Open as the document' }).click();
  await blocks(page)
    .getByRole('option', { name: /response host-deny/ })
    .click();
  const level = page.getByLabel('Level', { exact: true });
  await level.scrollIntoViewIfNeeded();
  await level.fill('9');
  const original = readFileSync(CORPUS.ossec, 'utf8');
  const exported = (await downloadWhole(page)).toString('utf8');
  expect(exported).toBe(
    original.replace(/(<command>host-deny<\/command>\s*<location>local<\/location>\s*<level>)7/, '$19'),
  );
  const widths = await page.evaluate(() => {
    type Window = { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    const view = globalThis as unknown as Window;
    return [view.document.documentElement.scrollWidth, view.innerWidth];
  });
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  await expectNoAxeViolations(page);
  expect(failures).toEqual([]);
});
