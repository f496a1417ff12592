import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { insertTemplate, openFresh, watchForFailures, xmlText } from './support';

/** What the problems list must show for each example as documented, on the default target (Wazuh 4.14). */
const DEFECTS: Record<string, string[]> = {
  'restart-ossec': ['C11 · line 3', 'C3 · line 4'],
  'win_route-null': ['C11 · line 3', 'C3 · line 4'],
  'pf-block': ['C11 · line 3', 'C3 · line 4', 'A11 · line 10'],
  'firewall-drop': [
    'X1 · line 2',
    'C11 · line 3',
    'C3 · line 4',
    'A2 · line 7',
    'A11 · line 9',
    'A19 · line 11',
  ],
  'host-deny': ['C11 · line 3', 'C3 · line 4'],
  'mail-test': ['C11 · line 3', 'C3 · line 5'],
};

const template = (file: string) => readFileSync(resolve(process.cwd(), 'public/templates', file), 'utf8');

test('each documented example shows its text, its blocks and its defects; the corrected one has no error', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  const blocks = page.getByRole('listbox', { name: /Blocks/ });

  for (const [id, defects] of Object.entries(DEFECTS)) {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await insertTemplate(page, id, 'as documented');
    await expect.poll(() => xmlText(page)).toBe(template(`${id}.xml`));
    await expect(blocks.getByRole('option')).toHaveCount(2);
    await expect(blocks.getByRole('option').first()).toContainText(
      id === 'firewall-drop' ? 'firewall-drop' : id,
    );
    for (const defect of defects) await expect(problems).toContainText(defect);

    await page.getByRole('button', { name: 'New', exact: true }).click();
    await insertTemplate(page, id, 'corrected');
    await expect.poll(() => xmlText(page)).toBe(template(`${id}.corrected.xml`));
    await expect(blocks.getByRole('option')).toHaveCount(2);
    await expect(problems).toContainText('0 errors');
    await expect(problems).toContainText('The target daemon accepts this file');
  }
  expect(failures).toEqual([]);
});
