import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { downloadWhole, importFile, insertTemplate, openFresh, watchForFailures } from './support';

/** The line the XML view's cursor is on: its number and text, as the editor counts them. */
async function cursorLine(page: Page): Promise<{ number: number; text: string }> {
  return page.locator('.cm-content').evaluate((content) => {
    type View = {
      state: {
        selection: { main: { head: number } };
        doc: { lineAt(pos: number): { number: number; text: string } };
      };
    };
    // CodeMirror keeps its view on the content element's tile (as EditorView.findFromDOM reads it).
    const view = (content as unknown as { cmTile: { root: { view: View } } }).cmTile.root.view;
    const line = view.state.doc.lineAt(view.state.selection.main.head);
    return { number: line.number, text: line.text };
  });
}

const selectedLines = (page: Page) =>
  page.locator('.cm-selected-block').evaluateAll((lines) => lines.map((l) => l.textContent ?? ''));

async function typeAtEndOf(page: Page, lineText: string, back: number, typed: string): Promise<void> {
  await page.locator('.cm-line', { hasText: lineText }).click();
  await page.keyboard.press('End');
  for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(typed);
}

const LINE_BREAK = /\r\n|\r|\n/;

test('a CRLF file: selection, problem jumps and markers land on the right line; typing in the XML view or the form changes only what was typed', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  const path = resolve(process.cwd(), '../shared/corpus/community/Whys0EZ-ossec-wazuh.conf');
  const original = readFileSync(path);
  const text = original.toString('utf8');
  const lines = text.split(LINE_BREAK);
  await openFresh(page);
  await importFile(page, path);
  await expect(page.getByText('UTF-8 · CRLF')).toBeVisible();

  // Selecting the first response highlights exactly its lines, far down a CRLF file.
  const blocks = page.getByRole('listbox', { name: /Blocks/ });
  await blocks.getByRole('option', { name: /response win_route-null/ }).click();
  const first = lines.indexOf('<active-response>');
  await expect.poll(() => selectedLines(page)).toEqual(lines.slice(first, first + 6));

  // Jumping from a problem puts the cursor on the problem's line, and the marker sits on it.
  const problems = page.getByRole('region', { name: 'Problems' });
  const problem = problems.getByRole('button', { name: /H3 · line 284:5/ });
  await problem.click();
  await expect.poll(() => cursorLine(page)).toEqual({ number: 284, text: lines[283] });
  await expect(page.locator('.cm-line', { hasText: lines[283].trim() }).locator('.cm-lintRange')).toHaveCount(
    1,
  );

  // One keystroke in the XML view: one changed line, every CRLF kept.
  await typeAtEndOf(page, '<timeout>360</timeout>', '</timeout>'.length, '0');
  await expect(page.getByText('1 line changed since import')).toBeVisible();
  const typed = text.replace('<timeout>360</timeout>', '<timeout>3600</timeout>');
  expect((await downloadWhole(page)).toString('utf8')).toBe(typed);

  // An edit in the form: only that value changes, in the file's own line endings.
  await blocks.getByRole('option', { name: /response win_route-null/ }).click();
  await page.getByLabel('Level', { exact: true }).fill('8');
  await expect(page.getByText('2 lines changed since import')).toBeVisible();
  expect((await downloadWhole(page)).toString('utf8')).toBe(
    typed.replace('<level>6</level>', '<level>8</level>'),
  );
  expect(failures).toEqual([]);
});

test('a file mixing CRLF, LF and CR line breaks keeps each one through XML and form edits', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const text = [
    '<ossec_config>\r\n',
    '  <command>\n',
    '    <name>host-deny</name>\r',
    '    <executable>host-deny</executable>\r\n',
    '    <timeout_allowed>yes</timeout_allowed>\n',
    '  </command>\r',
    '\r\n',
    '  <active-response>\r\n',
    '    <command>host-deny</command>\n',
    '    <location>local</location>\r',
    '    <level>7</level>\r\n',
    '    <rules_group>a,b</rules_group>\r\n',
    '    <timeout>600</timeout>\n',
    '  </active-response>\r\n',
    '</ossec_config>\r\n',
  ].join('');
  const path = testInfo.outputPath('mixed.conf');
  writeFileSync(path, text);
  const lines = text.split(LINE_BREAK);
  await openFresh(page);
  await importFile(page, path);

  await page
    .getByRole('listbox', { name: /Blocks/ })
    .getByRole('option', { name: /response/ })
    .click();
  await expect.poll(() => selectedLines(page)).toEqual(lines.slice(7, 14));
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByRole('button', { name: /A11 · line 12:5/ }).click();
  await expect.poll(() => cursorLine(page)).toEqual({ number: 12, text: lines[11] });

  // A line typed after a CR-terminated line ends in CR too; the fix and the form keep every other break.
  await typeAtEndOf(page, '<location>local</location>', 0, '');
  await page.keyboard.press('Enter');
  await page.keyboard.type('<agent_id>001</agent_id>');
  await problems.getByRole('button', { name: 'Use a|b' }).click();
  await page.getByLabel('Timeout', { exact: true }).fill('900');
  const exported = (await downloadWhole(page)).toString('utf8');
  const typedLine = /<location>local<\/location>\r([ \t]*)<agent_id>001<\/agent_id>\r/.exec(exported);
  expect(typedLine).not.toBeNull();
  const expected = text
    .replace(
      '<location>local</location>\r',
      `<location>local</location>\r${typedLine?.[1]}<agent_id>001</agent_id>\r`,
    )
    .replace('a,b', 'a|b')
    .replace('<timeout>600</timeout>\n', '<timeout>900</timeout>\n');
  expect(exported).toBe(expected);
  expect(failures).toEqual([]);
});

const FILES = [
  {
    name: 'a Latin-1 file with CRLF line breaks',
    encoding: 'latin1' as const,
    text: [
      '<!-- r\u00e9seau: \u00e9quipe s\u00e9curit\u00e9 -->\r\n',
      '<ossec_config>\r\n',
      '  <command>\r\n',
      '    <name>host-deny</name>\r\n',
      '    <executable>host-deny</executable>\r\n',
      '    <timeout_allowed>yes</timeout_allowed>\r\n',
      '  </command>\r\n',
      '\r\n',
      '  <active-response>\r\n',
      '    <!-- pare-feu: d\u00e9j\u00e0 vu -->\r\n',
      '    <command>host-deny</command>\r\n',
      '    <location>local</location>\r\n',
      '    <level>7</level>\r\n',
      '    <rules_group>a,b</rules_group>\r\n',
      '    <timeout>600</timeout>\r\n',
      '  </active-response>\r\n',
      '</ossec_config>\r\n',
    ].join(''),
  },
  {
    name: 'a UTF-8 file mixing CRLF, LF and CR',
    encoding: 'utf8' as const,
    text: [
      '<ossec_config>\r\n',
      '  <command>\n',
      '    <name>host-deny</name>\r',
      '    <executable>host-deny</executable>\r\n',
      '    <timeout_allowed>yes</timeout_allowed>\n',
      '  </command>\r',
      '\r\n',
      '  <active-response>\r\n',
      '    <command>host-deny</command>\n',
      '    <location>local</location>\r',
      '    <level>7</level>\r\n',
      '    <rules_group>a,b</rules_group>\r\n',
      '    <timeout>600</timeout>\n',
      '  </active-response>\r\n',
      '</ossec_config>\r\n',
    ].join(''),
  },
];

for (const file of FILES) {
  test(`${file.name}: the XML view, a fix, the form and a template change only their own bytes`, async ({
    page,
  }, testInfo) => {
    const failures = watchForFailures(page);
    const path = testInfo.outputPath('edited.conf');
    writeFileSync(path, Buffer.from(file.text, file.encoding));
    await openFresh(page);
    await importFile(page, path);
    await page
      .getByRole('listbox', { name: /Blocks/ })
      .getByRole('option', { name: /response/ })
      .click();

    await typeAtEndOf(page, '<timeout>600</timeout>', '</timeout>'.length, '0');
    await page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: 'Use a|b' }).click();
    await page.getByLabel('Level', { exact: true }).fill('10');
    await insertTemplate(page, 'firewall-drop', 'corrected');

    const expected = file.text
      .replace('<timeout>600</timeout>', '<timeout>6000</timeout>')
      .replace('a,b', 'a|b')
      .replace('<level>7</level>', '<level>10</level>');
    const bytes = await downloadWhole(page);
    const exported = bytes.toString(file.encoding);
    expect(Buffer.from(exported, file.encoding).equals(bytes)).toBe(true);
    // The template is one insertion: the edited file stands on both sides of it, byte for byte.
    let at = 0;
    while (at < expected.length && expected[at] === exported[at]) at++;
    const inserted = exported.slice(at, at + exported.length - expected.length);
    expect(exported.slice(0, at) + exported.slice(at + inserted.length)).toBe(expected);
    expect(inserted).toContain('<command>firewall-drop</command>');
    // A new block takes one kind of line break, the file's own (CRLF for the Latin-1 file).
    const breaks = new Set(inserted.match(/\r\n|\r|\n/g));
    expect(breaks.size).toBe(1);
    if (file.encoding === 'latin1') expect([...breaks]).toEqual(['\r\n']);
    expect(failures).toEqual([]);
  });
}
