import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openFresh, watchForFailures } from './support';

/** A name that shows as "denyexe.png" when its right-to-left override is displayed raw. */
const SPOOF = 'deny\u202Egnp.exe';

const FILE = `<ossec_config>
  <command>
    <name>${SPOOF}</name>
    <executable>deny.sh</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>${SPOOF}</command>
    <location>local</location>
    <level>3</level>
  </active-response>
</ossec_config>
`;

/** Opens the import dialog and picks a file made of `buffer`, named `name`. */
async function chooseImportFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('A file').click();
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer });
}

test('characters that do not show are spelt out in the import summary, list, form, problems and simulator', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await chooseImportFile(page, 'evil\u202Efnoc.conf', Buffer.from(FILE));
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('evil⟨U+202E⟩fnoc.conf');
  await expect(summary).toContainText('U+202E RIGHT-TO-LEFT OVERRIDE');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Open as the document' }).click();

  const list = page.getByRole('listbox', { name: /Blocks/ });
  await expect(list.getByRole('option').first()).toContainText('deny⟨U+202E⟩gnp.exe');
  await list.getByRole('option').first().click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue(SPOOF);
  await expect(page.getByTestId('field-name-revealed')).toHaveText(
    'Holds characters that do not show: deny⟨U+202E⟩gnp.exe',
  );

  // The warning names the character and reads left to right: nothing in it turns the text around.
  const problems = page.getByRole('region', { name: 'Problems' });
  const warning = problems.getByText(/holds the hidden character U\+202E RIGHT-TO-LEFT OVERRIDE/).first();
  await expect(warning).toBeVisible();
  expect(await warning.evaluate((el) => (el as unknown as { dir: string }).dir)).toBe('ltr');
  const shown = await page.locator('main').evaluate((main) => main.textContent);
  expect(shown).not.toContain('\u202E');

  const simulator = page.getByRole('region', { name: 'Simulate an alert' });
  await expect(simulator.getByRole('button', { name: /deny⟨U\+202E⟩gnp\.exe/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/hidden-characters.png' });
  expect(failures).toEqual([]);
});

test('a file over the size limit is refused with the limit, and the document stays', async ({ page }) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await chooseImportFile(page, 'huge.conf', Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
  const alert = page.getByRole('dialog').getByRole('alert');
  await expect(alert).toHaveText(
    'huge.conf is 16,777,217 bytes (16.0 MB); AR Studio reads documents of up to 16,777,216 bytes (16.0 MB), far above any real ossec.conf, so that checking one never runs out of memory. Your document was left as it was.',
  );
  await expect(page.getByRole('button', { name: 'Open as the document' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'No active response yet' })).toBeVisible();
  expect(failures).toEqual([]);
});
