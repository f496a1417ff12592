import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  CORPUS,
  expectNoAxeViolations,
  importFile,
  insertTemplate,
  openFresh,
  watchForFailures,
  xmlText,
} from './support';

const COMMUNITY = resolve(process.cwd(), '../shared/corpus/community');
const SMARTPT = resolve(COMMUNITY, 'SmartPT-Wazuh-XDR-ossec.conf');
const ROOTLESS = resolve(COMMUNITY, 'STCybersec-Wazuh-Endpoint-Security-Active-Response-ossec.conf');

async function download(page: Page, name: RegExp): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  return readFileSync(await (await file).path());
}

test('SmartPT: the definitions nested in a response are moved out from the problems list, bytes as expected', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  const original = readFileSync(SMARTPT, 'utf8');
  await openFresh(page);
  await importFile(page, SMARTPT);
  const problems = page.getByRole('region', { name: 'Problems' });
  const holder = problems.getByRole('region', { name: 'Response (no name) · line 3' });
  await expect(holder).toContainText('C12 · line 3:5');
  await expect(holder).toContainText(
    "The <command> definitions 'SmartPT_AI', 'Users_and_groups_alerts', 'Admin_Process_Detection' and 'network_access_violation_AIR' sit inside this <active-response>",
  );
  await expect(holder).toContainText('(1281): Missing options in the active response configuration.');
  // The responses that use them point at the definitions; none offers to invent a command.
  await expect(problems).toContainText("'SmartPT_AI' is defined only inside the <active-response> on line 3");
  await expect(problems.getByRole('button', { name: /^Create the command/ })).toHaveCount(0);
  await expect(problems).toContainText('The target daemon refuses this file');
  await expectNoAxeViolations(page);

  await holder
    .getByRole('button', { name: 'Move the 4 command definitions out of the <active-response> on line 3' })
    .click();
  await expect(problems).toContainText('The target daemon accepts this file');

  // The holder gives way to the definitions as written, one level up; every other byte is the file's.
  const start = original.indexOf('<active-response>');
  const end = original.indexOf('</active-response>', start) + '</active-response>'.length;
  const inner = original.slice(
    original.indexOf('<command>', start),
    original.lastIndexOf('</command>', end) + 10,
  );
  const expected = original.slice(0, start) + inner.replaceAll('\n        ', '\n    ') + original.slice(end);
  expect((await download(page, /Download ossec\.conf/)).toString('utf8')).toBe(expected);

  // One undo brings the file back as imported.
  await page.keyboard.press('Control+z');
  await expect.poll(() => xmlText(page)).toBe(original);
  expect(failures).toEqual([]);
});

test('a root-less file opened as a file is refused as the daemon refuses it; read or added as a snippet it is not', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  const original = readFileSync(ROOTLESS);
  await openFresh(page);
  await importFile(page, ROOTLESS);
  const problems = page.getByRole('region', { name: 'Problems' });
  const xmlHeader = page.getByRole('region', { name: 'XML' });
  await expect(problems).toContainText('The target daemon refuses this file');
  await expect(problems).toContainText(
    'This file has no <ossec_config> root: the daemon reads ossec.conf only inside one and refuses the file at its first element, <command>.',
  );
  await expect(problems).toContainText('Add its blocks to this document');
  await expect(problems).toContainText("(1230): Invalid element in the configuration: 'command'.");
  await expect(xmlHeader).toContainText('whole file');

  // Its fix reads the same text as a snippet: nothing is refused, and undo makes it a file again.
  await problems.getByRole('button', { name: 'Read it as a snippet', exact: true }).click();
  await expect(problems).toContainText('The target daemon accepts this file');
  await expect(xmlHeader).toContainText('snippet');
  await page.keyboard.press('Control+z');
  await expect(problems).toContainText('The target daemon refuses this file');
  await page.keyboard.press('Control+Shift+z');
  await expect(problems).toContainText('The target daemon accepts this file');

  // A reload keeps it a snippet.
  await page.reload();
  await expect(problems).toContainText('The target daemon accepts this file');
  await expect(xmlHeader).toContainText('snippet');

  // Added to an empty document, the same file is a snippet from the start, and exports as one.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await importFile(page, ROOTLESS, 'blocks');
  await expect(xmlHeader).toContainText('snippet');
  await expect(problems).toContainText('The target daemon accepts this file');
  expect((await download(page, /Download fragment/)).equals(original)).toBe(true);
  expect(failures).toEqual([]);
});

test('a problem inside a block is listed under that block, and clicking it selects the block', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const text =
    '<ossec_config>\n  <command>\n    <name>host-deny</name>\n    <executable>host-deny</executable>\n    <timeout_allowed>yes</timeout_allowed>\n  </command>\n  <active-response>\n    <command>host-deny</command>\n    <location>local</location>\n    <level>7<![CDATA[ at least 7 ]]>--></level>\n    <timeout>600</timeout>\n  </active-response>\n</ossec_config>\n';
  const path = testInfo.outputPath('cdata-in-response.conf');
  writeFileSync(path, text);
  await openFresh(page);
  await importFile(page, path);
  const options = page.getByRole('listbox', { name: /Blocks/ }).getByRole('option');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');

  const group = page
    .getByRole('region', { name: 'Problems' })
    .getByRole('region', { name: 'Response host-deny · line 7' });
  await expect(group).toContainText('X2 · line 10:13');
  await group.getByRole('button', { name: /does not know CDATA/ }).click();
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Level', { exact: true })).toHaveValue('7');
  // The block list counts it on its block too.
  await expect(options.nth(1)).toContainText('1');
  expect(failures).toEqual([]);
});

test('a corrected template in a manager file that defines its command adds only the response', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await importFile(page, CORPUS.wazuh);
  const options = page.getByRole('listbox', { name: /Blocks/ }).getByRole('option');
  const before = await options.count();
  await insertTemplate(page, 'firewall-drop', 'corrected');
  await expect(options).toHaveCount(before + 1);
  await expect(options.nth(before)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').first()).toContainText('using the firewall-drop already defined');
  const xml = await xmlText(page);
  expect(xml.match(/<name>firewall-drop<\/name>/g)).toHaveLength(1);
  await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('C9');
  expect(failures).toEqual([]);
});
