import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { CORPUS, expectNoAxeViolations, importFile, openFresh, watchForFailures } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** The README's screenshots are rewritten only on request (`npm run screenshots`). */
const shotPath = (name: string, outputPath: (name: string) => string) =>
  process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : outputPath(name);

async function downloadWhole(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download ossec\.conf/ }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

const blocks = (page: Page) => page.getByRole('listbox', { name: /Blocks/ });

for (const theme of ['light', 'dark'] as const) {
  test(`one response for three agents: generated as one step, shown as one group, edited once, undone once (${theme})`, async ({
    page,
  }, testInfo) => {
    const failures = watchForFailures(page);
    const original = readFileSync(CORPUS.ossec, 'utf8');
    const start = original.indexOf('<active-response>');
    const end = original.indexOf('</active-response>', start) + '</active-response>'.length;
    const block = original.slice(start, end);
    const member = (agent: string, level: string) =>
      block
        .replace(
          '<location>local</location>',
          `<location>defined-agent</location>\n    <agent_id>${agent}</agent_id>`,
        )
        .replace('<level>7</level>', `<level>${level}</level>`);
    // The file keeps a blank line between blocks, and so do the copies.
    const spread = (level: string) =>
      original.slice(0, start) +
      ['001', '002', '003'].map((agent) => member(agent, level)).join('\n\n  ') +
      original.slice(end);

    await openFresh(page, theme);
    await importFile(page, CORPUS.ossec);
    await expect(blocks(page).getByRole('option')).toHaveCount(5);
    await blocks(page)
      .getByRole('option', { name: /response\s*host-deny/ })
      .click();

    const group = page.getByTestId('agent-group');
    await group.getByRole('button', { name: 'Run on several agents…' }).click();
    const dialog = page.getByRole('dialog', { name: /Run host-deny on several agents/ });
    await dialog.getByLabel('Agent IDs').fill('001, 002 abc');
    await expect(dialog).toContainText("'abc' is not an agent ID");
    await expect(dialog.getByRole('button', { name: /Create/ })).toBeDisabled();
    await dialog.getByLabel('Agent IDs').fill('001, 002, 003');
    await expect(dialog.getByTestId('spread-preview')).toContainText('3 responses, for agents 001, 002, 003');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shotPath(`agent-ids-${theme}.png`, (n) => testInfo.outputPath(n)) });
    await dialog.getByRole('button', { name: 'Create 3 responses' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Seven blocks in the file, still five rows: the three responses are one group row.
    await expect(blocks(page).getByRole('option')).toHaveCount(5);
    const row = blocks(page).getByRole('option', { name: /response\s*host-deny/ });
    await expect(row).toContainText('3 agents');
    expect(await downloadWhole(page)).toBe(spread('7'));
    await expect(row).toContainText('001, 002, 003 · level');
    await expect(group).toContainText('Agent group');
    await expect(group.getByRole('list', { name: 'Agents in this group' }).getByRole('listitem')).toHaveText([
      '001',
      '002',
      '003',
    ]);
    await expect(group).toContainText('host-deny600 - host-deny.sh - 600');
    await expect(page.getByLabel('Agent ID', { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shotPath(`agent-group-${theme}.png`, (n) => testInfo.outputPath(n)) });

    // One edit of the level changes all three; the export is the original with exactly that.
    await page.getByLabel('Level', { exact: true }).fill('10');
    await expect(page.getByText('Edited level in 3 responses')).toBeVisible();
    expect(await downloadWhole(page)).toBe(spread('10'));

    // One undo puts every level back; the next undoes the group.
    await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
    await expect(page.getByLabel('Level', { exact: true })).toHaveValue('7');
    expect(await downloadWhole(page)).toBe(spread('7'));
    await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
    await expect(row).not.toContainText('agents');
    expect(await downloadWhole(page)).toBe(original);
    await page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' }).click();
    await expect(row).toContainText('3 agents');

    // Add and remove an agent from the group's panel.
    await group.getByLabel('Agent ID to add').fill('2');
    await expect(group).toContainText("'2' is the same agent as '002'.");
    await group.getByLabel('Agent ID to add').fill('004');
    await group.getByRole('button', { name: 'Add agent' }).click();
    await expect(row).toContainText('4 agents');
    await group.getByRole('button', { name: 'Remove agent 002' }).click();
    await expect(row).toContainText('001, 003, 004 · level');
    const edited = await downloadWhole(page);
    expect(edited).not.toContain('<agent_id>002</agent_id>');
    expect(edited.match(/<agent_id>\d+<\/agent_id>/g)).toEqual([
      '<agent_id>001</agent_id>',
      '<agent_id>003</agent_id>',
      '<agent_id>004</agent_id>',
    ]);
    expect(failures).toEqual([]);
  });
}
