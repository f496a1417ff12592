import { expect, test } from '@playwright/test';
import {
  CORPUS,
  expectNoAxeViolations,
  importFile,
  insertTemplate,
  openFresh,
  watchForFailures,
} from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** The README's screenshots are rewritten only on request (`npm run screenshots`), so `npm test` leaves docs/ alone. */
const shotPath = (name: string, outputPath: (name: string) => string) =>
  process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : outputPath(name);

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the page, the gallery and the import dialog (${theme}); screenshots`, async ({
    page,
  }, testInfo) => {
    const shot = (name: string) => shotPath(`${name}-${theme}.png`, (n) => testInfo.outputPath(n));
    const failures = watchForFailures(page);
    await openFresh(page, theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await expectNoAxeViolations(page);

    await importFile(page, CORPUS.ossec);
    await insertTemplate(page, 'pf-block', 'as documented');
    await page
      .getByRole('listbox', { name: /Blocks/ })
      .getByRole('option', { name: /response\s*pf-block/ })
      .click();
    await expect(page.getByLabel('Location', { exact: true })).toHaveValue('defined-agent');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot('editor') });

    await page.getByRole('button', { name: 'Templates', exact: true }).click();
    const gallery = page.getByRole('dialog', { name: 'Templates' });
    await expect(gallery.getByTestId('template-mail-test').locator('pre')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot('gallery') });
    await page.keyboard.press('Escape');
    await expect(gallery).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Templates', exact: true })).toBeFocused();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('A file').click();
    await (await chooser).setFiles(CORPUS.docker);
    await expect(page.getByTestId('import-summary')).toContainText('2 <ossec_config> roots');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot('import') });
    await page.getByRole('button', { name: 'Cancel' }).click();

    await insertTemplate(page, 'firewall-drop', 'as documented');
    await expect(page.getByTestId('xml-error')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot('xml-error') });
    expect(failures).toEqual([]);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the diff and share dialogs (${theme}); screenshots`, async ({
    page,
  }, testInfo) => {
    const shot = (name: string) => shotPath(`${name}-${theme}.png`, (n) => testInfo.outputPath(n));
    const failures = watchForFailures(page);
    await openFresh(page, theme);
    await importFile(page, CORPUS.ossec);
    const blocks = page.getByRole('listbox', { name: /Blocks/ });
    await blocks.getByRole('option', { name: /response\s*host-deny/ }).click();
    await page.getByLabel('Level', { exact: true }).fill('10');
    await page.getByLabel('Timeout', { exact: true }).fill('1800');
    await blocks.getByRole('option', { name: /command\s*disable-account/ }).click();
    await page
      .getByRole('button', { name: /Delete/ })
      .first()
      .click();

    await page.getByRole('button', { name: 'Diff', exact: true }).click();
    const diff = page.getByRole('dialog', { name: 'Changes since import' });
    await expect(diff.getByRole('list', { name: /Blocks/ }).getByRole('listitem')).toHaveCount(2);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot('diff') });
    await diff.getByText('Unified', { exact: true }).click();
    await expect(diff.getByRole('table', { name: /unified/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('button', { name: /Share as a link/ }).click();
    const share = page.getByRole('dialog', { name: 'Share this draft as a link' });
    await expect(share.getByLabel('Link')).toHaveValue(/#share=/);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot('share') });
    const link = await share.getByLabel('Link').inputValue();
    await page.keyboard.press('Escape');

    await page.goto(link);
    const open = page.getByRole('dialog', { name: 'Open a shared draft' });
    await expect(open.getByTestId('import-summary')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot('share-open') });
    expect(failures).toEqual([]);
  });
}
