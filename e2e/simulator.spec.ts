import { expect, type Page, test } from '@playwright/test';
import { WAZUH_SSHD_JSON } from '../src/core/test-support/alerts';
import { CORPUS, expectNoAxeViolations, importFile, openFresh, watchForFailures } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** The README's screenshots are rewritten only on request (`npm run screenshots`). */
const shotPath = (name: string, outputPath: (name: string) => string) =>
  process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : outputPath(name);

const simulator = (page: Page) => page.getByRole('region', { name: 'Simulate an alert' });
const summary = (page: Page) => simulator(page).getByTestId('simulation-summary');

async function pasteAlert(page: Page, text: string): Promise<void> {
  await simulator(page).getByRole('button', { name: 'Paste alert' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an alert' });
  await dialog.getByLabel('Alert text').fill(text);
  await expect(dialog.getByTestId('paste-read')).toContainText('Read as alerts.json (Wazuh)');
  await dialog.getByRole('button', { name: 'Use this alert' }).click();
  await expect(dialog).toHaveCount(0);
}

test('a pasted alerts.json line fills the alert: the summary, each response with its reason, a white-listed IP', async ({
  page,
}) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  // A real admin's Wazuh 4.x manager: firewall-drop on rules 100090 and 100092, white list 127.0.0.1.
  await importFile(page, CORPUS.wazuhWithResponses);
  await pasteAlert(page, WAZUH_SSHD_JSON);
  const panel = simulator(page);
  await expect(panel.getByLabel('Alert Rule ID')).toHaveValue('5712');
  await expect(panel.getByLabel('Alert Agent')).toHaveValue('001');
  await expect(panel.getByLabel('Alert Source IP')).toHaveValue('203.0.113.7');
  await expect(panel.getByText('Filled from a pasted alerts.json (Wazuh) alert.')).toBeVisible();
  await expect(summary(page)).toHaveText('None of the 4 responses fires.');
  await expect(panel.getByRole('button', { name: /firewall-drop · line 367/ })).toContainText(
    'Does not fire: rule 5712 is not in 100090.',
  );

  await panel.getByLabel('Alert Rule ID').fill('100090');
  await expect(summary(page)).toHaveText('1 of 4 responses fires, on agent 001.');
  const responses = panel.getByRole('list', { name: 'Responses' }).getByRole('listitem');
  await expect(responses.first()).toContainText('fires');
  await expect(responses.first()).toContainText('agent 001 · undone after 600 s');

  await panel.getByLabel('Alert Source IP').fill('127.0.0.1');
  await expect(summary(page)).toHaveText('None of the 4 responses fires.');
  await expect(panel.getByRole('button', { name: /firewall-drop · line 367/ })).toContainText(
    'the source IP is white-listed: 127.0.0.1 is in 127.0.0.1 (<white_list> on line 179)',
  );
  await expect(panel.getByTestId('white-list-line')).toHaveText(
    'White list · 127.0.0.1 is in 127.0.0.1 (line 179).',
  );

  // A response row selects its block.
  await panel.getByRole('button', { name: /firewall-drop · line 367/ }).click();
  await expect(
    page.getByRole('listbox', { name: /Blocks/ }).getByRole('option', { selected: true }),
  ).toContainText('firewall-drop');
  expect(failures).toEqual([]);
});

test('a wrong input is named, and the page goes on', async ({ page }) => {
  const failures = watchForFailures(page);
  await openFresh(page);
  await importFile(page, CORPUS.wazuhWithResponses);
  const panel = simulator(page);
  await panel.getByLabel('Alert Level').fill('17');
  await expect(summary(page)).toHaveText('No alert to play: fix the field named below.');
  await expect(panel.getByLabel('Alert Level')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByRole('list', { name: 'Problems with the alert' })).toHaveText(
    "Error · Level: A rule level is a number from 0 to 16 (got '17').",
  );
  await panel.getByLabel('Alert Level').fill('12');
  await panel.getByLabel('Alert Agent').fill('7');
  await expect(panel.getByRole('list', { name: 'Problems with the alert' })).toContainText('007, not 7');
  await panel.getByLabel('Alert Agent').fill('007');
  await panel.getByLabel('Alert Source IP').fill('10.1');
  await expect(panel.getByRole('list', { name: 'Problems with the alert' })).toContainText(
    "Wazuh 4.14 does not read '10.1' as an IPv4 or IPv6 address (inet_pton)",
  );
  await expect(summary(page)).toHaveText('None of the 4 responses fires.');
  expect(failures).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the repeat-offender timeline and the agent-side snippet in the larger view; axe (${theme}); screenshots`, async ({
    page,
  }, testInfo) => {
    const failures = watchForFailures(page);
    await openFresh(page, theme);
    await importFile(page, CORPUS.wazuhWithResponses);
    const panel = simulator(page);
    await panel.getByLabel('Alert Rule ID').fill('100090');
    await panel.getByLabel('Alert Level').fill('12');
    await panel.getByLabel('Alert Agent').fill('003');
    await expect(summary(page)).toHaveText('1 of 4 responses fires, on agent 003.');
    await expectNoAxeViolations(page);
    // The summary stays in view; the responses are what the docked panel scrolls to.
    await panel.getByTestId('white-list-line').evaluate((line) => line.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shotPath(`simulator-${theme}.png`, (n) => testInfo.outputPath(n)) });

    await panel.getByRole('button', { name: 'Open the simulator in a larger view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Simulate an alert' });
    await dialog.getByRole('button', { name: 'Repeat offences' }).click();
    await dialog
      .getByLabel('Response', { exact: true })
      .selectOption({ label: 'Response firewall-drop · line 367 · 600 s' });
    await dialog.getByLabel("The agent's repeated_offenders (minutes)").fill('30,60,120');
    await dialog.getByLabel('Offences').fill('5');
    const rows = dialog.getByRole('table', { name: 'Repeat-offence timeline' }).getByRole('row');
    await expect(rows).toHaveCount(6);
    await expect(rows.nth(1)).toHaveText(/^10:00:0010 min0:10:01the response's timeout \(600 s\)$/);
    await expect(rows.nth(2)).toHaveText(/^20:10:0130 min0:40:02entry 1: 30 min × 60$/);
    await expect(rows.nth(4)).toHaveText(/^41:40:032 h3:40:04entry 3: 120 min × 60$/);
    await expect(rows.nth(5)).toHaveText(/^53:40:042 h5:40:05past the list: entry 3 again \(120 min\)$/);
    await expect(dialog.locator('p', { hasText: 'Where this setting lives:' })).toContainText(
      "the agent's own /var/ossec/etc/ossec.conf",
    );
    await expect(dialog.locator('pre')).toHaveText(
      '<ossec_config>\n  <active-response>\n    <repeated_offenders>30,60,120</repeated_offenders>\n  </active-response>\n</ossec_config>\n',
    );
    await expectNoAxeViolations(page);
    await page.screenshot({
      path: shotPath(`simulator-timeline-${theme}.png`, (n) => testInfo.outputPath(n)),
    });

    // Offences every 5 minutes come while the block is still up: execd restarts the clock instead.
    await dialog.getByLabel('Comes back').selectOption({ label: 'every 5 minutes' });
    await expect(rows.nth(1)).toContainText('extended');
    await expect(rows.nth(2)).toContainText('still blocked: execd restarts the clock, entry 1: 30 min × 60');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(failures).toEqual([]);
  });
}
