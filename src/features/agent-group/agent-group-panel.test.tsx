import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toProfile } from '../../core';
import { AgentGroupPanel, type AgentGroupPanelProps } from './agent-group-panel';

afterEach(cleanup);

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

function setup(props: Partial<AgentGroupPanelProps> = {}) {
  const handlers = { onSpread: vi.fn(), onAddAgent: vi.fn(), onRemoveAgent: vi.fn() };
  render(
    <AgentGroupPanel
      group={undefined}
      target={toProfile('wazuh@4.14')}
      command="firewall-drop"
      agentId="001"
      arConfLine="firewall-drop600 - firewall-drop - 600"
      readOnly={false}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('AgentGroupPanel', () => {
  it('asks for the agents, checks them as the target reads agent_id, and spreads the response', () => {
    const { onSpread } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Run on several agents…' }));
    const ids = screen.getByLabelText('Agent IDs') as HTMLTextAreaElement;
    expect(ids.value).toBe('001');
    fireEvent.change(ids, { target: { value: '001 000 002' } });
    expect(screen.getByText(/'000' is agent 0, the manager/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Create 2 responses' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.change(ids, { target: { value: '001\n002, 003' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create 3 responses' }));
    expect(onSpread).toHaveBeenCalledWith(['001', '002', '003']);
  });

  it('lists a group’s agents, adds a new one and refuses one already there', () => {
    const { onAddAgent, onRemoveAgent } = setup({ group: { members: [4, 6], agents: ['001', '002'] } });
    expect(screen.getByText('2 responses')).toBeTruthy();
    expect(screen.getByText('firewall-drop600 - firewall-drop - 600')).toBeTruthy();
    const input = screen.getByLabelText('Agent ID to add');
    fireEvent.change(input, { target: { value: '1' } });
    expect(screen.getByText("'1' is the same agent as '001'.")).toBeTruthy();
    fireEvent.change(input, { target: { value: '003' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onAddAgent).toHaveBeenCalledWith('003');
    fireEvent.click(screen.getByRole('button', { name: 'Remove agent 002' }));
    expect(onRemoveAgent).toHaveBeenCalledWith(6);
  });
});
