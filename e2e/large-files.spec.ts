import { expect, test } from '@playwright/test';
import { generateConfig } from '../bench/generate';
import { insertTemplate, openFresh, watchForFailures, xmlText } from './support';

/** About 10 MB: long enough to read that the progress, the cancel and the page around them can be seen. */
const BIG = () => Buffer.from(generateConfig(52_000));

async function pickBigFile(page: import('@playwright/test').Page, name: string, buffer: Buffer) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('A file').click();
  await (await chooser).setFiles({ name, mimeType: 'application/xml', buffer });
}

test('a large file is read with a progress bar and can be cancelled: the document stays as it was', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const failures = watchForFailures(page);
  await openFresh(page);
  await insertTemplate(page, 'host-deny', 'corrected');
  const before = await xmlText(page);

  await pickBigFile(page, 'big.conf', BIG());
  const progress = page.getByRole('progressbar', { name: 'Reading big.conf' });
  await expect(progress).toBeVisible();
  // The cancel button is reached by keyboard, as any other.
  await page.getByRole('button', { name: 'Cancel reading' }).focus();
  await page.keyboard.press('Enter');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('import-summary')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open as the document' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await xmlText(page)).toBe(before);
  await expect(page.getByRole('listbox', { name: /Blocks/ }).getByRole('option')).toHaveCount(2);
  expect(failures).toEqual([]);
});

test('the page takes input while a large file is read, then opens it', async ({ page }) => {
  test.setTimeout(180_000);
  const failures = watchForFailures(page);
  await openFresh(page);
  await pickBigFile(page, 'big.conf', BIG());
  const progress = page.getByRole('progressbar', { name: 'Reading big.conf' });
  await expect(progress).toBeVisible();
  // Typing is handled while the file is still being read: the read runs off the page's thread.
  const paste = page.getByLabel('Pasted XML');
  await paste.fill('<command>');
  await expect(paste).toHaveValue('<command>');
  await expect(progress).toBeVisible();
  // With the box empty again, the file is what the dialog imports: its summary comes when the read is done.
  await paste.fill('');
  await expect(page.getByTestId('import-summary')).toContainText('26000 commands', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Open as the document' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0, { timeout: 60_000 });
  await expect(
    page
      .getByRole('listbox', { name: /Blocks/ })
      .getByRole('option')
      .first(),
  ).toBeVisible();
  expect(failures).toEqual([]);
});

test('a draft holding a rules_group too complex to play does not lock the page', async ({ page }) => {
  test.setTimeout(120_000);
  const failures = watchForFailures(page);
  await openFresh(page);
  const hostile = `<ossec_config>
  <command>
    <name>host-deny</name>
    <executable>host-deny</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>host-deny</command>
    <location>local</location>
    <rules_group>${'\\.*'.repeat(12)}x</rules_group>
    <timeout>600</timeout>
  </active-response>
</ossec_config>
`;
  await pickBigFile(page, 'hostile.conf', Buffer.from(hostile));
  await page.getByRole('button', { name: 'Open as the document' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => xmlText(page)).toContain('x</rules_group>');

  // The draft is restored on reload; the page answers at once, whatever the simulator makes of the block.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'AR Studio' })).toBeVisible();
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('simulation-summary')).not.toHaveText(/Playing the alert/, {
    timeout: 60_000,
  });
  expect(failures).toEqual([]);
});
