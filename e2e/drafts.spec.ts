import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  DRAFTS_DB,
  downloadWhole,
  dropFile,
  expectNoAxeViolations,
  importFile,
  insertTemplate,
  openFresh,
  storedDraftText,
  watchForFailures,
  xmlText,
} from './support';

const COMMUNITY = resolve(process.cwd(), '../shared/corpus/community');

test.use({ viewport: { width: 1440, height: 900 } });

/** Writes a raw record into the page's draft database, as a damaged or foreign build might have left it. */
async function putStored(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ name, key, value }) =>
      new Promise<void>((resolve, reject) => {
        type Request<T> = { result: T; error: unknown; onsuccess: () => void; onerror: () => void };
        type Tx = { objectStore(s: string): { put(v: unknown, k: string): void }; oncomplete: () => void };
        type Db = { transaction(s: string, mode: string): Tx; close(): void };
        const { indexedDB } = globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } };
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    { name: DRAFTS_DB, key, value },
  );
}

const savedStatus = (page: Page) => page.getByTestId('save-status');

/** The emergency copy the page keeps in localStorage while IndexedDB does not hold its last change. */
async function storedCopy(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const { localStorage } = globalThis as unknown as { localStorage: { getItem(k: string): string | null } };
    return localStorage.getItem('ar-studio:unsaved');
  });
}

// Each of these reloads at once, without waiting for the draft to be stored: the copy the page makes as it
// closes must bring back what IndexedDB had no time to store. (That copy holds no undo history: undo goes
// back only as far as IndexedDB had stored, so these tests do not undo past the reload.)
test('a reload right after opening a file brings it back byte for byte (a CRLF file)', async ({ page }) => {
  const failures = watchForFailures(page);
  const path = resolve(COMMUNITY, 'Whys0EZ-ossec-wazuh.conf');
  const bytes = readFileSync(path);
  await openFresh(page);
  await importFile(page, path);
  const opened = await xmlText(page);
  await page.reload();

  await expect(page.getByText(basename(path))).toBeVisible();
  await expect.poll(() => xmlText(page)).toBe(opened);
  expect(await downloadWhole(page)).toEqual(bytes);
  // IndexedDB holds it now, and the copy is gone.
  await expect.poll(() => storedDraftText(page)).toBe(bytes.toString('utf8'));
  expect(await storedCopy(page)).toBeNull();
  await expect(savedStatus(page)).toHaveText('Draft saved in this browser');
  expect(failures).toEqual([]);
});

test('a reload right after typing in a form field keeps the typed value', async ({ page }) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await insertTemplate(page, 'host-deny', 'corrected');
  await page
    .getByRole('listbox', { name: /Blocks/ })
    .getByRole('option', { name: /response/ })
    .click();
  await page.getByLabel('Timeout', { exact: true }).fill('900');
  await page.reload();

  await expect(page.getByLabel('Timeout', { exact: true })).toHaveValue('900');
  await expect.poll(() => xmlText(page)).toContain('<timeout>900</timeout>');
  await expect.poll(() => storedDraftText(page)).toContain('<timeout>900</timeout>');
  expect(await storedCopy(page)).toBeNull();
  expect(failures).toEqual([]);
});

test('a reload right after a fix keeps the fix, byte for byte', async ({ page }) => {
  const failures = watchForFailures(page);
  const path = resolve(COMMUNITY, 'SmartPT-Wazuh-XDR-ossec.conf');
  const original = readFileSync(path, 'utf8');
  await openFresh(page);
  await importFile(page, path);
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems
    .getByRole('region', { name: 'Response (no name) · line 3' })
    .getByRole('button', { name: 'Move the 4 command definitions out of the <active-response> on line 3' })
    .click();
  await page.reload();

  await expect(problems).toContainText('The target daemon accepts this file');
  // The nested definitions moved one level up (as e2e/verdicts.spec.ts shows); every other byte is the file's.
  const start = original.indexOf('<active-response>');
  const end = original.indexOf('</active-response>', start) + '</active-response>'.length;
  const inner = original.slice(
    original.indexOf('<command>', start),
    original.lastIndexOf('</command>', end) + '</command>'.length,
  );
  const fixed = original.slice(0, start) + inner.replaceAll('\n        ', '\n    ') + original.slice(end);
  expect((await downloadWhole(page)).toString('utf8')).toBe(fixed);
  expect(failures).toEqual([]);
});

test('a reload keeps the draft and its undo history', async ({ page }) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await insertTemplate(page, 'host-deny', 'corrected');
  const inserted = await xmlText(page);
  await page
    .getByRole('listbox', { name: /Blocks/ })
    .getByRole('option', { name: /response/ })
    .click();
  await page.getByLabel('Timeout', { exact: true }).fill('900');
  const edited = await xmlText(page);
  expect(edited).toContain('<timeout>900</timeout>');
  await expect.poll(() => storedDraftText(page)).toBe(edited);
  await expect(savedStatus(page)).toHaveText('Draft saved in this browser');

  await page.reload();
  await expect.poll(() => xmlText(page)).toBe(edited);
  await page.keyboard.press('Control+z');
  await expect.poll(() => xmlText(page)).toBe(inserted);
  await page.keyboard.press('Control+z');
  await expect.poll(() => xmlText(page)).toBe('');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => xmlText(page)).toBe(edited);
  expect(failures).toEqual([]);
});

test('"New" and a reload lose nothing: Recent opens the previous document, and undo goes back', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await insertTemplate(page, 'pf-block', 'corrected');
  const previous = await xmlText(page);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect.poll(() => xmlText(page)).toBe('');
  await expect.poll(() => storedDraftText(page)).toBe('');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'No active response yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Recent' }).click();
  const entry = page.getByRole('list', { name: 'Recent documents' }).getByRole('button');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Untitled draft');
  await expect(entry).toContainText(/just now · [\d.]+ (B|KB) · 2 blocks/);
  await expectNoAxeViolations(page);
  await entry.click();
  await expect.poll(() => xmlText(page)).toBe(previous);
  await expect(page.getByRole('listbox', { name: /Blocks/ }).getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect.poll(() => xmlText(page)).toBe('');
  expect(failures).toEqual([]);
});

test('a 2 MB draft survives a reload, byte for byte', async ({ page }) => {
  test.setTimeout(120_000);
  const failures = watchForFailures(page);
  await openFresh(page);
  const logs = Array.from(
    { length: 24_000 },
    (_, i) =>
      `  <localfile>\n    <log_format>syslog</log_format>\n    <location>/var/log/app-${i}.log</location>\n  </localfile>\n`,
  ).join('');
  const text = `<ossec_config>\n  <command>\n    <name>host-deny</name>\n    <executable>host-deny</executable>\n    <timeout_allowed>yes</timeout_allowed>\n  </command>\n${logs}</ossec_config>\n`;
  expect(text.length).toBeGreaterThan(2_000_000);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('A file').click();
  await (await chooser).setFiles({
    name: 'big.conf',
    mimeType: 'application/xml',
    buffer: Buffer.from(text),
  });
  await page.getByRole('button', { name: 'Open as the document' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => storedDraftText(page), { timeout: 30_000 }).toBe(text);

  await page.reload();
  await expect(page.getByText('big.conf')).toBeVisible();
  await expect(page.getByRole('listbox', { name: /Blocks/ }).getByRole('option')).toHaveCount(1);
  expect(await downloadWhole(page)).toEqual(Buffer.from(text));
  expect(failures).toEqual([]);
});

test('a damaged localStorage draft of an earlier version: the page opens, says so and offers it for download', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  const damaged = '{"version":1,"savedAt":"2026-01-01T00:00:00.000Z","text":"<command>\\n  <name>mine</name>';
  await page.evaluate((value) => {
    const { localStorage } = globalThis as unknown as {
      localStorage: { setItem(k: string, v: string): void };
    };
    localStorage.setItem('ar-studio:draft', value);
  }, damaged);
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(notice).toContainText('it is not valid JSON');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download what was stored' }).click();
  expect(await readFile(await (await download).path(), 'utf8')).toBe(damaged);

  // The page works: a template goes in, and the kept copy is still offered after the next reload.
  await insertTemplate(page, 'host-deny', 'corrected');
  await expect.poll(() => storedDraftText(page)).toContain('host-deny');
  await page.reload();
  await expect(page.getByRole('listbox', { name: /Blocks/ }).getByRole('option')).toHaveCount(2);
  const kept = page.getByRole('alert').filter({ hasText: 'Kept aside on' });
  await expect(kept).toContainText('not valid JSON');
  await kept.getByRole('button', { name: 'Delete the kept copy' }).click();
  await expect(kept).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(failures).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a stored draft of a newer version is kept aside and never written over (${theme}); screenshots`, async ({
    page,
  }, testInfo) => {
    const failures = watchForFailures(page);
    await openFresh(page, theme);
    const newer = { version: 7, savedAt: '2027-01-01T00:00:00.000Z', layout: 'unknown to this build' };
    await putStored(page, 'draft', newer);
    await page.reload();

    const notice = page.getByRole('alert').filter({ hasText: 'newer version of AR Studio' });
    await expect(notice).toContainText('format 7');
    await expect(page.getByRole('heading', { name: 'No active response yet' })).toBeVisible();
    await expectNoAxeViolations(page);
    await insertTemplate(page, 'pf-block', 'corrected');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('button', { name: 'Recent' }).click();
    await expect(page.getByRole('list', { name: 'Recent documents' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`drafts-${theme}.png`) });
    await page.keyboard.press('Escape');

    await insertTemplate(page, 'host-deny', 'corrected');
    await expect.poll(() => storedDraftText(page)).toContain('host-deny');
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download what was stored' }).click();
    expect(JSON.parse(await readFile(await (await download).path(), 'utf8'))).toEqual({
      draft: newer,
      snapshots: {},
      originals: {},
    });
    expect(failures).toEqual([]);
  });
}

/** A draft saved by `page`, and a second tab on it, which waits read-only while `page` edits. */
async function openSecondTab(page: Page) {
  await openFresh(page);
  await insertTemplate(page, 'host-deny', 'corrected');
  await expect.poll(() => storedDraftText(page)).toContain('host-deny');
  const second = await page.context().newPage();
  const secondFailures = watchForFailures(second);
  await second.goto('/');
  await expect(second.getByTestId('tab-notice')).toContainText('Another tab is editing this draft');
  return { second, secondFailures };
}

test('two tabs: the second offers to take over, and the first becomes read-only; closing hands editing back', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const { second, secondFailures } = await openSecondTab(page);
  const offer = second.getByTestId('tab-notice');
  await expect.poll(() => xmlText(second)).toBe(await xmlText(page));
  await expect(second.getByRole('button', { name: 'New', exact: true })).toBeDisabled();
  await expectNoAxeViolations(second);

  // The first tab still edits; the second follows its saves.
  await insertTemplate(page, 'pf-block', 'corrected');
  await expect.poll(() => xmlText(second)).toBe(await xmlText(page));

  await offer.getByRole('button', { name: 'Take over editing' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('tab-notice')).toContainText('Another tab took over editing this draft');
  await expect(page.getByRole('button', { name: 'New', exact: true })).toBeDisabled();
  await expect(page.getByTestId('save-status')).toContainText('Read-only');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('read-only-tab.png') });

  await expect(page.getByRole('button', { name: 'Undo (Ctrl+Z)' })).toBeDisabled();
  await second.getByRole('button', { name: 'New', exact: true }).click();
  await expect.poll(() => xmlText(page)).toBe('');

  await second.close();
  await expect(page.getByTestId('tab-notice')).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('this tab edits it now');
  await expect(page.getByRole('button', { name: 'New', exact: true })).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('listbox', { name: /Blocks/ }).getByRole('option')).toHaveCount(4);
  expect([...failures, ...secondFailures]).toEqual([]);
});

test('two tabs: a read-only tab refuses a dropped file and says why; closing the editing tab right after a change hands that change on', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  const { second, secondFailures } = await openSecondTab(page);

  await dropFile(second, 'dropped.conf', '<command>\n  <name>dropped</name>\n</command>\n');
  await expect(
    second.getByText(
      'dropped.conf is not opened: another tab is editing this draft. Take over editing, then import it again.',
    ),
  ).toBeVisible();
  await expect(second.getByRole('dialog')).toHaveCount(0);

  // The editing tab changes a value and is closed at once: the waiting tab edits from that change.
  await page
    .getByRole('listbox', { name: /Blocks/ })
    .getByRole('option', { name: /response/ })
    .click();
  await page.getByLabel('Timeout', { exact: true }).fill('900');
  await page.close();
  await expect(second.getByTestId('tab-notice')).toHaveCount(0);
  await expect(second.getByLabel('Timeout', { exact: true })).toHaveValue('900');
  await expect(second.getByLabel('Timeout', { exact: true })).toBeEditable();
  await expect.poll(() => storedDraftText(second)).toContain('<timeout>900</timeout>');
  expect(await storedCopy(second)).toBeNull();
  expect([...failures, ...secondFailures]).toEqual([]);
});
