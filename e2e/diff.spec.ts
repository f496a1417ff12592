import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  downloadWhole,
  expectNoAxeViolations,
  importFile,
  openFresh,
  watchForFailures,
  xmlText,
} from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** A Latin-1 manager file with CRLF line endings and no final newline: every byte-level trap at once. */
const LATIN1 =
  '<!-- pare-feu de l\u2019\u00e9quipe s\u00e9curit\u00e9 -->\r\n<ossec_config>\r\n  <command>\r\n    <name>host-deny</name>\r\n    <executable>host-deny</executable>\r\n    <timeout_allowed>yes</timeout_allowed>\r\n  </command>\r\n  <command>\r\n    <name>route-null</name>\r\n    <executable>route-null</executable>\r\n    <timeout_allowed>yes</timeout_allowed>\r\n  </command>\r\n\r\n  <!-- r\u00e9ponse aux attaques ssh -->\r\n  <active-response>\r\n    <command>host-deny</command>\r\n    <location>local</location>\r\n    <level>7</level>\r\n    <timeout>600</timeout>\r\n  </active-response>\r\n</ossec_config>'.replace(
    '\u2019',
    "'",
  );

test('the diff names the changed blocks, reverts one by keyboard, and its .diff turns the imported file into the draft with patch -p0', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const original = Buffer.from(LATIN1, 'latin1');
  const path = testInfo.outputPath('ossec.conf');
  writeFileSync(path, original);
  await openFresh(page);
  await importFile(page, path);
  await expect(page.getByText('Latin-1 · CRLF')).toBeVisible();

  const blocks = page.getByRole('listbox', { name: /Blocks/ });
  await blocks.getByRole('option', { name: /response\s*host-deny/ }).click();
  await page.getByLabel('Level', { exact: true }).fill('10');
  await page.getByLabel('Timeout', { exact: true }).fill('1800');
  await blocks.getByRole('option', { name: /command\s*route-null/ }).click();
  await page
    .getByRole('button', { name: /Delete/ })
    .first()
    .click();
  await expect(blocks.getByRole('option')).toHaveCount(2);

  await page.getByRole('button', { name: 'Diff', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Changes since import' });
  const list = dialog.getByRole('list', { name: /Blocks/ });
  await expect(list.getByRole('listitem')).toHaveText([
    /removed\s*was line 8\s*Show the lines of command route-null/,
    /changed\s*line 15 → 10\s*Show the lines of response host-deny/,
  ]);
  const split = dialog.getByRole('table', { name: /side by side/ }).first();
  await expect(split).toContainText('<level>7</level>');
  await expect(split).toContainText('<level>10</level>');
  await expect(dialog).toContainText('no newline at end of file');
  await expectNoAxeViolations(page);

  // The unified view, chosen from the keyboard.
  await dialog.getByLabel('Side by side').focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByLabel('Unified')).toBeChecked();
  await expect(dialog.getByRole('table', { name: /unified/ }).first()).toContainText('<level>10</level>');
  await expectNoAxeViolations(page);

  // The .diff, applied to the imported file by the real patch, gives the draft's export byte for byte.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download .diff' }).click();
  const patchFile = await download;
  expect(patchFile.suggestedFilename()).toBe('ossec.conf.diff');
  const patchPath = testInfo.outputPath('ossec.conf.diff');
  copyFileSync(await patchFile.path(), patchPath);

  // Revert the removed block with the keyboard; Ctrl+Z in the dialog takes the revert back.
  await dialog.getByRole('button', { name: 'Revert command route-null (removed)' }).focus();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem')).toHaveText([
    /changed\s*line 15 → 15\s*Show the lines of response host-deny/,
  ]);
  await expect(list).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Diff', exact: true })).toBeFocused();

  const draft = await downloadWhole(page);
  const work = join(dirname(path), 'patched');
  mkdirSync(work, { recursive: true });
  copyFileSync(path, join(work, 'ossec.conf'));
  const run = spawnSync('patch', ['-p0', '-i', patchPath], { cwd: work, encoding: 'utf8' });
  expect(`${run.stdout}${run.stderr}`).toBe('patching file ossec.conf\n');
  expect(readFileSync(join(work, 'ossec.conf')).equals(draft)).toBe(true);
  expect(draft.includes(Buffer.from('r\u00e9ponse', 'latin1'))).toBe(true);

  // Reverting the changed block from the diff brings the form back to the imported values.
  await page.getByRole('button', { name: 'Diff', exact: true }).click();
  await dialog.getByRole('button', { name: 'Revert response host-deny (changed)' }).click();
  await dialog.getByRole('button', { name: 'Revert command route-null (removed)' }).click();
  await expect(dialog).toContainText('The draft is the file as imported.');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  expect((await downloadWhole(page)).equals(original)).toBe(true);
  expect(await xmlText(page)).toContain('<level>7</level>');
  expect(failures).toEqual([]);
});
