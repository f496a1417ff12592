import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocument, toProfile } from '../../core';
import { WAZUH_SSHD_GROUPS, WAZUH_SSHD_JSON } from '../../core/test-support/alerts';
import { SimulatorPanel } from './simulator-panel';

afterEach(cleanup);

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

const FILE = `<ossec_config>
  <global>
    <white_list>127.0.0.1</white_list>
    <white_list>198.51.100.0/24</white_list>
  </global>
  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>firewall-drop</command>
    <location>local</location>
    <rules_group>authentication_failed|authentication_failures</rules_group>
    <timeout>600</timeout>
  </active-response>
  <active-response>
    <command>firewall-drop</command>
    <location>all</location>
    <level>12</level>
  </active-response>
</ossec_config>`;

function setup(text = FILE) {
  const onSelect = vi.fn();
  render(
    <SimulatorPanel
      doc={readDocument(text)}
      target={toProfile('wazuh@4.14')}
      blockLabel={(i) => `Response ${i}`}
      onSelect={onSelect}
    />,
  );
  return onSelect;
}

const summary = () => screen.getByTestId('simulation-summary').textContent;
const row = (name: RegExp) => screen.getByRole('button', { name });

describe('SimulatorPanel', () => {
  it('sums up first, then each response: where it runs, or the one check that stops it', () => {
    setup();
    expect(summary()).toBe('1 of 2 responses fires, on agent 001.');
    const fired = row(/Response 1/);
    expect(fired.textContent).toContain('fires');
    expect(fired.textContent).toContain('agent 001 · undone after 600 s');
    const idle = row(/Response 2/);
    expect(idle.textContent).toContain('idle');
    expect(idle.textContent).toContain('Does not fire: level 10 is below 12.');
    expect(screen.getByTestId('white-list-line').textContent).toBe(
      'White list · 203.0.113.7 is not on it (2 entries in this file).',
    );
  });

  it('follows the alert as it is typed and names a wrong field', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Alert Level'), { target: { value: '13' } });
    expect(summary()).toBe('2 of 2 responses fire, on agent 001 and every active agent.');
    fireEvent.change(screen.getByLabelText('Alert Rule ID'), { target: { value: '57x2' } });
    expect(summary()).toBe('No alert to play: fix the field named below.');
    const field = screen.getByLabelText('Alert Rule ID');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const problem = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(problem?.textContent).toBe("Error · Rule ID: A rule ID is digits only (got '57x2').");
    fireEvent.change(screen.getByLabelText('Alert Agent'), { target: { value: '1' } });
    expect(screen.getByRole('list', { name: 'Problems with the alert' }).textContent).toContain('001, not 1');
  });

  it('shows a white-listed source IP as the reason, and no_ar as the rule stopping everything', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Alert Source IP'), { target: { value: '198.51.100.23' } });
    expect(row(/Response 1/).textContent).toContain('white-listed');
    expect(row(/Response 1/).textContent).toContain(
      '198.51.100.23 is in 198.51.100.0/24 (<white_list> on line 4)',
    );
    fireEvent.click(screen.getByLabelText(/Rule has/));
    expect(summary()).toBe('None of the 2 responses fires.');
    expect(row(/Response 1/).textContent).toContain('no_ar');
  });

  it('fills the alert from a pasted alerts.json line, after showing what it read', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Paste alert' }));
    const dialog = screen.getByRole('dialog', { name: 'Paste an alert' });
    const use = within(dialog).getByRole('button', { name: 'Use this alert' }) as HTMLButtonElement;
    expect(use.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Alert text'), { target: { value: 'not an alert' } });
    expect(within(dialog).getByTestId('paste-read').textContent).toMatch(/Not an alert/);
    fireEvent.change(within(dialog).getByLabelText('Alert text'), { target: { value: WAZUH_SSHD_JSON } });
    expect(within(dialog).getByTestId('paste-read').textContent).toContain('Read as alerts.json (Wazuh)');
    fireEvent.click(use);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByLabelText('Alert Groups') as HTMLInputElement).value).toBe(WAZUH_SSHD_GROUPS);
    expect(screen.getByText('Filled from a pasted alerts.json (Wazuh) alert.')).toBeTruthy();
    expect(summary()).toBe('1 of 2 responses fires, on agent 001.');
  });

  it('draws the repeat-offender timeline with the agent-side snippet', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Repeat offences' }));
    fireEvent.change(screen.getByLabelText("The agent's repeated_offenders (minutes)"), {
      target: { value: '30,60' },
    });
    const table = screen.getByRole('table', { name: 'Repeat-offence timeline' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(cells).toEqual([
      ['1', '0:00:00', '10 min', '0:10:01', "the response's timeout (600 s)"],
      ['2', '0:10:01', '30 min', '0:40:02', 'entry 1: 30 min × 60'],
      ['3', '0:40:02', '1 h', '1:40:03', 'entry 2: 60 min × 60'],
      ['4', '1:40:03', '1 h', '2:40:04', 'past the list: entry 2 again (60 min)'],
    ]);
    expect(screen.getByText(/<repeated_offenders>30,60<\/repeated_offenders>/)).toBeTruthy();
    expect(screen.getByText(/Where this setting lives:/).closest('p')?.textContent).toContain(
      "in the agent's own /var/ossec/etc/ossec.conf.",
    );
  });

  it('selects the block of a response, and opens the same view larger', () => {
    const onSelect = setup();
    fireEvent.click(row(/Response 2/));
    expect(onSelect).toHaveBeenCalledWith(2);
    fireEvent.click(screen.getByRole('button', { name: 'Open the simulator in a larger view' }));
    const dialog = screen.getByRole('dialog', { name: 'Simulate an alert' });
    expect(within(dialog).getByTestId('simulation-summary').textContent).toBe(
      '1 of 2 responses fires, on agent 001.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: /Response 1/ }));
    expect(onSelect).toHaveBeenCalledWith(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is off for a target that runs no response from the file', () => {
    render(
      <SimulatorPanel
        doc={readDocument(FILE)}
        target={toProfile('wazuh@5.0')}
        blockLabel={(i) => `Response ${i}`}
        onSelect={vi.fn()}
      />,
    );
    expect(summary()).toMatch(/runs no response from this file.*The simulator is off for this target\.$/);
    expect(screen.queryByLabelText('Alert Rule ID')).toBeNull();
  });

  it('says when the XML does not read', () => {
    setup('<ossec_config><active-response>');
    expect(summary()).toBe('The XML does not read, so nothing can run.');
  });
});
