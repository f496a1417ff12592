import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, importFile, openFresh, watchForFailures } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

const shotPath = (name: string, outputPath: (name: string) => string) =>
  process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : outputPath(name);

/** A 4.x manager file with one response of each status. */
const MIXED = `<ossec_config>
  <global>
    <jsonout_output>yes</jsonout_output>
  </global>

  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>

  <command>
    <name>block-ssh</name>
    <executable>block-ssh.sh</executable>
    <timeout_allowed>yes</timeout_allowed>
    <extra_args>--severity high</extra_args>
  </command>

  <active-response>
    <command>firewall-drop</command>
    <location>local</location>
    <level>10</level>
    <timeout>600</timeout>
  </active-response>

  <active-response>
    <command>block-ssh</command>
    <location>defined-agent</location>
    <agent_id>001</agent_id>
    <rules_id>5760</rules_id>
    <timeout>60</timeout>
  </active-response>

  <active-response>
    <command>firewall-drop</command>
    <location>server</location>
    <rules_group>authentication_failed</rules_group>
  </active-response>
</ossec_config>
`;

for (const theme of ['light', 'dark'] as const) {
  test(`a 4.x file checked as 5.0 opens the migration view: statuses, copy, downloads, axe (${theme})`, async ({
    page,
    context,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const failures = watchForFailures(page);
    const file = testInfo.outputPath('mixed.conf');
    writeFileSync(file, MIXED);
    await openFresh(page, theme);
    await importFile(page, file);

    await page.getByLabel('Target').selectOption('wazuh@5.0');
    await expect(page.getByRole('status').filter({ hasText: 'written for 4.x or OSSEC' })).toBeVisible();
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText('accepts and ignores <active-response>');
    await problems.getByRole('button', { name: 'Migrate to 5.0', exact: true }).first().click();

    const view = page.getByRole('dialog', { name: 'Migrate to Wazuh 5.0 (beta)' });
    await expect(view).toBeVisible();
    await expect(view.getByTestId('migration-counts')).toContainText('3 responses');
    await expect(view.getByTestId('migration-counts')).toContainText('1 exact');
    await expect(view.getByTestId('migration-counts')).toContainText('1 needs review');
    await expect(view.getByTestId('migration-counts')).toContainText('1 cannot migrate');
    const cards = view.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) });
    await expect(cards).toHaveCount(3);
    await expect(cards.nth(0)).toContainText('exact');
    await expect(cards.nth(0)).toContainText('firewall-drop-local');
    await expect(cards.nth(1)).toContainText('needs review');
    await expect(cards.nth(1)).toContainText('Rewriting the script for 5.0');
    await expect(cards.nth(2)).toContainText('cannot migrate');
    await expect(cards.nth(2)).toContainText('install an agent on the manager host');

    await cards.nth(0).getByText('Definition', { exact: true }).click();
    await cards.nth(0).getByRole('button', { name: 'Copy the definition of firewall-drop-local' }).click();
    const copied = JSON.parse(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    );
    expect(copied.config_id).toBe('ar-studio-firewall-drop-local');
    expect(copied.config.active_response).toEqual({
      type: 'stateful',
      stateful_timeout: 600,
      executable: 'block-ip',
      location: 'local',
    });
    await cards.nth(0).getByText('Monitor', { exact: true }).click();
    await expect(cards.nth(0)).toContainText('active_response_monitor');

    const bundleDownload = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Download bundle (JSON)' }).click();
    const bundleFile = await (await bundleDownload).path();
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
    expect(bundle.definitions.bodies.map((d: { config_id: string }) => d.config_id)).toEqual([
      'ar-studio-firewall-drop-local',
      'ar-studio-block-ssh-defined-agent-001',
    ]);
    expect(bundle.monitors.bodies).toHaveLength(2);

    const reportDownload = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Download report (Markdown)' }).click();
    const report = await reportDownload;
    expect(report.suggestedFilename()).toBe('mixed-5.0-migration.md');
    expect(readFileSync(await report.path(), 'utf8')).toContain(
      '# mixed.conf: migrating active response to Wazuh 5.0 (beta)',
    );

    const cleanedDownload = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Download cleaned manager file' }).click();
    const cleaned = readFileSync(await (await cleanedDownload).path(), 'utf8');
    expect(cleaned).not.toContain('<command>');
    expect(cleaned).toContain('<jsonout_output>yes</jsonout_output>');
    await expect(
      view.getByRole('region', { name: 'Diff of wazuh-manager.conf against mixed.conf' }),
    ).toContainText('<name>firewall-drop</name>');

    await expectNoAxeViolations(page);
    await view.getByRole('heading', { name: 'Responses' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath(`migration-${theme}.png`, (n) => testInfo.outputPath(n)) });
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    expect(failures).toEqual([]);
  });
}

test('a <wazuh_config> file checked as 4.x suggests the 5.0 target, which shows its verdicts', async ({
  page,
}, testInfo) => {
  const failures = watchForFailures(page);
  const file = testInfo.outputPath('wazuh-manager.conf');
  writeFileSync(file, MIXED.replaceAll('ossec_config', 'wazuh_config'));
  await openFresh(page);
  await importFile(page, file);
  const suggestion = page.getByRole('status').filter({ hasText: "Wazuh 5.0 manager's file" });
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole('button', { name: 'Check against Wazuh 5.0 (beta)' }).click();
  await expect(page.getByLabel('Target')).toHaveValue('wazuh@5.0');
  await expect(suggestion).toHaveCount(0);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText("(1230): Invalid element in the configuration: 'command'.");
  await expect(problems).toContainText('2 errors');
  await expect(page.getByRole('region', { name: 'Simulate an alert' })).toContainText('The simulator is off');
  expect(failures).toEqual([]);
});
