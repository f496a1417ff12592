import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDocument, toProfile } from '../../core';
import { SimulatorPanel } from './simulator-panel';

afterEach(cleanup);

const doc = readDocument(`<ossec_config>
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
</ossec_config>`);

function setup() {
  const onSelect = vi.fn();
  render(
    <SimulatorPanel
      doc={doc}
      target={toProfile('wazuh@4.14')}
      blockLabel={(i) => `Response ${i}`}
      onSelect={onSelect}
    />,
  );
  return onSelect;
}

describe('SimulatorPanel', () => {
  it('plays the example alert through the file: where each response runs and for how long', () => {
    setup();
    const fired = screen.getByRole('button', { name: /Response 1/ });
    expect(fired.textContent).toContain('fires');
    expect(fired.textContent).toContain('agent 001 · undone after 600 s');
    const idle = screen.getByRole('button', { name: /Response 2/ });
    expect(idle.textContent).toContain('idle');
    expect(idle.textContent).toContain('level 10 < 12');
  });

  it('follows the alert as it is typed, and says what is wrong with it', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Alert level'), { target: { value: '13' } });
    expect(screen.getByRole('button', { name: /Response 2/ }).textContent).toContain(
      'every active agent · never undone',
    );
    fireEvent.change(screen.getByLabelText('Alert rule'), { target: { value: 'x' } });
    expect(screen.getByText('The rule ID is a number, for example 5712.')).toBeTruthy();
  });

  it('selects the block of a response', () => {
    const onSelect = setup();
    fireEvent.click(screen.getByRole('button', { name: /Response 2/ }));
    expect(onSelect).toHaveBeenCalledWith(2);
  });

  it('marks a response whose rules_group is too complex to evaluate as undecided', () => {
    const heavy =
      '\\.\\d*\\S*\\s*\\s*\\w*\\d*\\W*\\d*\\d*\\S*\\s*\\s*\\S*\\w*\\S*\\W*\\d*\\S*\\S*\\s*\\w+\\W\\p\\S+\\.\\.*';
    const tricky = readDocument(`<ossec_config>
  <command><name>a\u202Eb</name><executable>a</executable></command>
  <active-response><command>a\u202Eb</command><location>server</location><rules_group>${heavy.repeat(3)}</rules_group></active-response>
</ossec_config>`);
    render(
      <SimulatorPanel
        doc={tricky}
        target={toProfile('wazuh@4.14')}
        blockLabel={(i) => `Response ${i}`}
        onSelect={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText('Alert groups'), { target: { value: '111 '.repeat(100) } });
    const row = screen.getByRole('button', { name: /Response 1/ });
    expect(row.textContent).toMatch(/^undecided/);
    expect(row.textContent).toContain('too complex to evaluate');
    expect(screen.getByText(/Some rules_group patterns are too complex/)).toBeTruthy();
  });
});
