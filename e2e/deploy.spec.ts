import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { CORPUS, expectNoAxeViolations, importFile, openFresh, watchForFailures } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** The README's screenshots are rewritten only on request (`npm run screenshots`). */
const shotPath = (name: string, outputPath: (name: string) => string) =>
  process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : outputPath(name);

/** What the page put on the clipboard (the e2e code has no DOM types; this runs in the browser). */
const clipboard = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );

async function openDeploy(page: Page) {
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  return page.getByRole('dialog', { name: /Deploy to/ });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the deploy panel for a Wazuh 4.14 manager and an agent: cited commands, copied as shown (${theme})`, async ({
    page,
    context,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const failures = watchForFailures(page);
    await openFresh(page, theme);
    await importFile(page, CORPUS.wazuhWithResponses);
    const dialog = await openDeploy(page);
    await expect(dialog).toHaveAccessibleName('Deploy to Wazuh 4.14');

    const test = dialog.getByTestId('deploy-step-test');
    await expect(test.getByTestId('deploy-command')).toHaveText([/\/var\/ossec\/bin\/wazuh-analysisd -t/]);
    await expect(test).toContainText('wazuh/wazuh v4.14.7');
    await expect(test.getByRole('link', { name: 'src/analysisd/analysisd.c' })).toHaveAttribute(
      'href',
      'https://github.com/wazuh/wazuh/blob/v4.14.7/src/analysisd/analysisd.c',
    );
    await expect(dialog.getByTestId('deploy-step-ar-conf').locator('pre')).toHaveText(
      'firewall-drop600 - firewall-drop - 600\nprocess-killer0 - process-killer.sh - 0\nfile-deleter0 - file-deleter.sh - 0\nfirewall-drop3600 - firewall-drop - 3600',
    );

    // The run-by-hand command waits for its inputs, then copies exactly what it shows.
    const run = dialog.getByTestId('deploy-step-run').getByTestId('deploy-command').first();
    await expect(run.getByRole('button', { name: 'Copy' })).toBeDisabled();
    await dialog.getByLabel('Source IP').fill('203.0.113.7');
    await dialog.getByLabel('Agent ID').fill('001');
    await expect(run.locator('code')).toHaveText(
      '/var/ossec/bin/agent_control -b 203.0.113.7 -f firewall-drop600 -u 001',
    );
    await page.screenshot({ path: shotPath(`deploy-${theme}.png`, (n) => testInfo.outputPath(n)) });
    await run.getByRole('button', { name: 'Copy' }).click();
    await expect(run.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await clipboard(page)).toBe(
      '/var/ossec/bin/agent_control -b 203.0.113.7 -f firewall-drop600 -u 001',
    );
    await expect(page.getByRole('status')).toHaveText('Copied the command.');

    const api = dialog.getByTestId('deploy-step-api');
    await expect(api.getByTestId('deploy-command').nth(1)).toContainText(
      'TOKEN=$(curl -sS --fail -u wazuh -X POST "$WAZUH_API/security/user/authenticate?raw=true")',
    );
    await expect(api).toContainText('"$WAZUH_API/manager/configuration/validation?pretty=true"');
    await expectNoAxeViolations(page);

    // The agent side: execd's test mode and the settings each agent needs, as a download.
    await dialog.getByRole('radio', { name: 'Agent' }).check();
    await expect(dialog.getByTestId('deploy-step-test').getByTestId('deploy-command')).toHaveText([
      /\/var\/ossec\/bin\/wazuh-execd -t/,
    ]);
    const settings = dialog.getByTestId('deploy-step-agent-settings');
    await expect(settings.locator('pre')).toHaveText(
      '<active-response>\n  <disabled>no</disabled>\n</active-response>',
    );
    const download = page.waitForEvent('download');
    await settings.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('agent-active-response.conf');
    expect(readFileSync(await file.path(), 'utf8')).toBe(
      '<ossec_config>\n  <active-response>\n    <disabled>no</disabled>\n  </active-response>\n</ossec_config>\n',
    );
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shotPath(`deploy-agent-${theme}.png`, (n) => testInfo.outputPath(n)) });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Deploy', exact: true })).toBeFocused();
    expect(failures).toEqual([]);
  });
}

test('an OSSEC target gets its own daemons and no API; a manager file’s repeated_offenders is flagged for agents', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const path = testInfo.outputPath('ossec-manager.conf');
  writeFileSync(
    path,
    `<ossec_config>
  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop.sh</executable>
    <expect>srcip</expect>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>firewall-drop</command>
    <location>all</location>
    <level>10</level>
    <timeout>600</timeout>
    <repeated_offenders>30,60,120</repeated_offenders>
  </active-response>
</ossec_config>
`,
  );
  await openFresh(page);
  await page.getByLabel('Target').selectOption('ossec@3.7');
  await importFile(page, path);
  const dialog = await openDeploy(page);
  await expect(dialog).toHaveAccessibleName('Deploy to OSSEC 3.7');
  await expect(dialog.getByTestId('deploy-step-test')).toContainText('/var/ossec/bin/ossec-analysisd -t');
  await expect(dialog.getByTestId('deploy-step-restart')).toContainText(
    '/var/ossec/bin/ossec-control restart',
  );
  await expect(dialog.getByTestId('deploy-step-api')).toHaveCount(0);
  await expect(dialog.getByTestId('deploy-step-run')).toContainText('without looking it up in ar.conf');
  const settings = dialog.getByTestId('deploy-step-agent-settings');
  await expect(settings).toContainText("is in the manager's file: agents never read it there");
  await expect(settings.locator('pre')).toContainText('<repeated_offenders>30,60,120</repeated_offenders>');
  await expectNoAxeViolations(page);
  expect(failures).toEqual([]);
});
