import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocument, toProfile } from '../../core';
import { DeployPanel } from './deploy-panel';

afterEach(cleanup);

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

const doc = readDocument(`<ossec_config>
  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>firewall-drop</command>
    <location>defined-agent</location>
    <agent_id>004</agent_id>
    <level>10</level>
    <timeout>600</timeout>
    <repeated_offenders>30,60</repeated_offenders>
  </active-response>
</ossec_config>
`);

function setup(target = 'wazuh@4.14') {
  const handlers = { onStatus: vi.fn(), download: vi.fn(), onDownloadFile: vi.fn(), onClose: vi.fn() };
  const writeText = vi.fn(async () => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  render(
    <DeployPanel
      open
      doc={doc}
      target={toProfile(target)}
      fileRole="auto"
      initialRole="manager"
      {...handlers}
    />,
  );
  return { ...handlers, writeText };
}

const stepOf = (id: string) => screen.getByTestId(`deploy-step-${id}`);

describe('DeployPanel', () => {
  it('starts with the response’s own agent and copies a command only once its inputs are filled in', async () => {
    const { writeText, onStatus } = setup();
    expect((screen.getByLabelText('Agent ID') as HTMLInputElement).value).toBe('004');
    const run = () => within(stepOf('run')).getAllByTestId('deploy-command')[0];
    const copy = () => within(run()).getByRole('button', { name: 'Copy' }) as HTMLButtonElement;
    expect(copy().disabled).toBe(true);
    expect(run().textContent).toContain('Fill in the source IP above to copy this command.');
    fireEvent.change(screen.getByLabelText('Source IP'), { target: { value: '198.51.100.9' } });
    expect(copy().disabled).toBe(false);
    fireEvent.click(copy());
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith(
        '/var/ossec/bin/agent_control -b 198.51.100.9 -f firewall-drop600 -u 004',
      ),
    );
    expect(onStatus).toHaveBeenCalledWith('Copied the command.');
    fireEvent.change(screen.getByLabelText('Source IP'), { target: { value: '1.2.3.4; reboot' } });
    expect(screen.getByText('An IPv4 or IPv6 address, for example 203.0.113.7.')).toBeTruthy();
  });

  it('follows the install type and warns about agent settings left in the manager’s file', () => {
    const { download, onStatus } = setup();
    expect(within(stepOf('agent-settings')).getByText(/agents never read it there/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Agent' }));
    expect(stepOf('test').textContent).toContain('/var/ossec/bin/wazuh-execd -t');
    fireEvent.click(within(stepOf('agent-settings')).getByRole('button', { name: 'Download' }));
    expect(download).toHaveBeenCalledWith(
      '<ossec_config>\n  <active-response>\n    <disabled>no</disabled>\n    <repeated_offenders>30,60</repeated_offenders>\n  </active-response>\n</ossec_config>\n',
      'agent-active-response.conf',
    );
    expect(onStatus).toHaveBeenCalledWith('Downloaded agent-active-response.conf.');
  });

  it('cites each command at the target’s release, with a link to the file', () => {
    setup('wazuh@4.1');
    const test = stepOf('test');
    expect(test.textContent).toContain('/var/ossec/bin/ossec-analysisd -t');
    expect(test.textContent).toContain('wazuh/wazuh v4.1.5');
    const link = within(test).getByRole('link', { name: 'src/analysisd/analysisd.c' });
    expect(link.getAttribute('href')).toBe(
      'https://github.com/wazuh/wazuh/blob/v4.1.5/src/analysisd/analysisd.c',
    );
    expect(stepOf('api').textContent).toContain('Wazuh 4.1.0 still uploads with PUT /manager/files');
  });
});
