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
