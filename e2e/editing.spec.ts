import { expect, test } from '@playwright/test';
import { dropFile, insertTemplate, openFresh, storedDraftText, watchForFailures, xmlText } from './support';

test('the XML view and the form follow each other; a broken tag keeps the form; undo restores the exact text', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await insertTemplate(page, 'host-deny', 'corrected');
  await page
    .getByRole('listbox', { name: /Blocks/ })
    .getByRole('option', { name: /response/ })
    .click();
  const timeout = page.getByLabel('Timeout', { exact: true });
  await expect(timeout).toHaveValue('600');

  // Typing in the XML view updates the form.
  await page.locator('.cm-line', { hasText: '<timeout>600</timeout>' }).click();
  await page.keyboard.press('End');
  for (let i = 0; i < '</timeout>'.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('900');
  await expect(timeout).toHaveValue('900');

  // A broken tag: the problem is shown with its line, the form keeps the last readable state.
  await page.waitForTimeout(1100); // past the typing burst, so the broken tag is its own undo step
  const before = await xmlText(page);
  await page.locator('.cm-line', { hasText: '<level>7</level>' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('<oops>');
  await expect(page.getByTestId('xml-error')).toContainText(/Line \d+, column \d+: XMLERR/);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(/X1 · line \d+:\d+/);
  await expect(timeout).toHaveValue('900');
  await expect(page.getByLabel('Level', { exact: true })).toHaveValue('7');
  await expect(timeout).toHaveAttribute('readonly', '');

  // Undo brings back the exact previous text.
  await page.keyboard.press('Control+z');
  await expect.poll(() => xmlText(page)).toBe(before);
  await expect(page.getByTestId('xml-error')).toHaveCount(0);
  await expect(timeout).not.toHaveAttribute('readonly', '');

  // A form edit flows into the XML; undo and redo from the header.
  await timeout.fill('1200');
  await expect.poll(() => xmlText(page)).toContain('<timeout>1200</timeout>');
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
  await expect.poll(() => xmlText(page)).toBe(before);
  await page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' }).click();
  await expect(timeout).toHaveValue('1200');

  // Reordering by keyboard: the response moves above its command (and the daemon would refuse that).
  const edited = await xmlText(page);
  const options = page.getByRole('listbox', { name: /Blocks/ }).getByRole('option');
  await options.nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => xmlText(page)).toMatch(/^<active-response>/);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('A2');
  await page.keyboard.press('Control+z');
  await expect.poll(() => xmlText(page)).toBe(edited);
  expect(failures).toEqual([]);
});

test('a quick fix from the problems list is one undoable edit, and a reload restores the draft', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await insertTemplate(page, 'pf-block', 'as documented');
  const documented = await xmlText(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('A11 · line 10');

  await problems.getByRole('button', { name: 'Use authentication_failed|authentication_failures' }).click();
  await expect
    .poll(() => xmlText(page))
    .toContain('<rules_group>authentication_failed|authentication_failures</rules_group>');
  await expect(problems).not.toContainText('A11');
  const fixed = await xmlText(page);
  expect(fixed).toBe(
    documented.replace(
      'authentication_failed,authentication_failures',
      'authentication_failed|authentication_failures',
    ),
  );

  await page.keyboard.press('Control+z');
  await expect.poll(() => xmlText(page)).toBe(documented);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => xmlText(page)).toBe(fixed);

  // Clicking a problem jumps to its field.
  await problems.getByRole('button', { name: /C11 · line 3/ }).click();
  await expect(page.getByRole('combobox', { name: 'Executable' })).toBeFocused();

  await expect.poll(() => storedDraftText(page)).toBe(fixed);
  await page.reload();
  await expect.poll(() => xmlText(page)).toBe(fixed);
  await expect(page.getByRole('listbox', { name: /Blocks/ }).getByRole('option')).toHaveCount(2);
  expect(failures).toEqual([]);
});

test('a file dropped anywhere on the page is summarised before it replaces anything', async ({ page }) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await insertTemplate(page, 'mail-test', 'corrected');
  const before = await xmlText(page);
  await dropFile(page, 'dropped.conf', '<command>\n  <name>dropped</name>\n  <executable>x</command>\n');
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('dropped.conf');
  // Judged as the file it is: no <ossec_config> root, and a broken tag.
  await expect(summary).toContainText(/1 command, 0 active responses, 2 errors/);
  await expect(summary).toContainText(/line 3:\d+/);
  expect(await xmlText(page)).toBe(before);
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await xmlText(page)).toBe(before);
  expect(failures).toEqual([]);
});
