import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveResponses, parseTarget, readDocument } from '../../core';
import { ActiveResponseForm } from './active-response-form';

afterEach(cleanup);

const doc = readDocument(`<command>
  <name>firewall-drop</name>
  <executable>firewall-drop</executable>
  <timeout_allowed>yes</timeout_allowed>
</command>
<active-response>
  <command>firewall-drop</command>
  <location>defined-agent</location>
  <agent_id>001</agent_id>
  <rules_group>authentication_failed,authentication_failures</rules_group>
  <timeout>600</timeout>
</active-response>
`);

function setup() {
  const onSet = vi.fn();
  const onRemove = vi.fn();
  const target = parseTarget('wazuh@4.14');
  render(
    <ActiveResponseForm
      block={doc.blocks[1]}
      line={6}
      diagnostics={[]}
      target={target}
      definedCommands={['firewall-drop']}
      response={deriveResponses(doc, target).find((r) => r.blockIndex === 1)}
      readOnly={false}
      encoding="utf-8"
      onSet={onSet}
      onRemove={onRemove}
    />,
  );
  return { onSet, onRemove };
}

describe('ActiveResponseForm', () => {
  it('shows the response at a glance: stateful or not, and what it does', () => {
    setup();
    expect(screen.getByText('stateful')).toBeTruthy();
    expect(screen.getByTestId('response-summary').textContent).toMatch(/firewall-drop/);
    expect((screen.getByLabelText('Agent ID') as HTMLInputElement).value).toBe('001');
  });

  it('edits rule groups as chips joined with |', () => {
    const { onSet } = setup();
    expect(screen.getByText('authentication_failed,authentication_failures')).toBeTruthy();
    const input = screen.getByLabelText('Rule groups');
    fireEvent.change(input, { target: { value: 'sshd' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSet).toHaveBeenLastCalledWith(
      'rules_group',
      'authentication_failed,authentication_failures|sshd',
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Remove authentication_failed,authentication_failures' }),
    );
    expect(onSet).toHaveBeenLastCalledWith('rules_group', 'sshd');
  });

  it('offers the four locations and removes on "not set"', () => {
    const { onSet, onRemove } = setup();
    const location = screen.getByLabelText('Location');
    fireEvent.change(location, { target: { value: 'all' } });
    expect(onSet).toHaveBeenLastCalledWith('location', 'all');
    fireEvent.change(screen.getByLabelText('Timeout'), { target: { value: '700' } });
    expect(onSet).toHaveBeenLastCalledWith('timeout', '700');
    fireEvent.change(screen.getByLabelText('Disabled'), { target: { value: '\u0000not-set' } });
    expect(onRemove).toHaveBeenCalledWith('disabled');
  });
});
