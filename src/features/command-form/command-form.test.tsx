import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTarget, readDocument } from '../../core';
import { CommandForm } from './command-form';

afterEach(cleanup);

const doc = readDocument(
  '<command>\n  <name>host-deny</name>\n  <executable>host-deny.sh</executable>\n  <expect>srcip</expect>\n  <extra_args>-v</extra_args>\n  <bogus>1</bogus>\n</command>\n',
);

function setup(target = 'wazuh@4.14', readOnly = false) {
  const onSet = vi.fn();
  const onRemove = vi.fn();
  render(
    <CommandForm
      block={doc.blocks[0]}
      line={1}
      diagnostics={[
        {
          code: 'C11',
          severity: 'info',
          message: 'host-deny.sh is not shipped',
          field: 'executable',
          line: 3,
          column: 3,
          offset: 30,
        },
      ]}
      target={parseTarget(target)}
      readOnly={readOnly}
      encoding="utf-8"
      onSet={onSet}
      onRemove={onRemove}
    />,
  );
  return { onSet, onRemove };
}

describe('CommandForm', () => {
  it('shows each field as written, with its problems and help', () => {
    setup();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('host-deny');
    expect(screen.getByText('host-deny.sh is not shipped')).toBeTruthy();
    expect(screen.getByText(/ignored by Wazuh 4.14/)).toBeTruthy();
    expect(screen.getByText('<bogus>1</bogus>')).toBeTruthy();
  });

  it('writes typed values exactly and removes an element only on request', () => {
    const { onSet, onRemove } = setup();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' host-deny2 ' } });
    expect(onSet).toHaveBeenLastCalledWith('name', ' host-deny2 ');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    expect(onSet).toHaveBeenLastCalledWith('name', '');
    expect(onRemove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove <expect> from the block' }));
    expect(onRemove).toHaveBeenCalledWith('expect');
    fireEvent.change(screen.getByLabelText('Timeout allowed'), { target: { value: 'yes' } });
    expect(onSet).toHaveBeenLastCalledWith('timeout_allowed', 'yes');
  });

  it('refuses a value the daemon cannot read', async () => {
    const { onSet } = setup();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'a<b' } });
    expect(onSet).not.toHaveBeenCalled();
    expect(await screen.findByText(/Not written/)).toBeTruthy();
  });

  it('marks an option the target does not know', () => {
    setup('ossec@3.7');
    expect(screen.getByText('unknown to OSSEC 3.7')).toBeTruthy();
    expect(screen.getByText('required by OSSEC 3.7')).toBeTruthy();
  });

  it('shows a value that hides characters spelt out beside its input, the input keeping the value', () => {
    const hidden = readDocument(
      '<command>\n  <name>deny</name>\n  <executable>deny\u202Egnp.exe</executable>\n</command>\n',
    );
    render(
      <CommandForm
        block={hidden.blocks[0]}
        line={1}
        diagnostics={[]}
        target={parseTarget('wazuh@4.14')}
        readOnly={false}
        encoding="utf-8"
        onSet={vi.fn()}
        onRemove={vi.fn()}
      />,
    );
    expect((screen.getByLabelText('Executable') as HTMLInputElement).value).toBe('deny\u202Egnp.exe');
    expect(screen.getByTestId('field-executable-revealed').textContent).toBe(
      'Holds characters that do not show: deny⟨U+202E⟩gnp.exe',
    );
    expect(screen.queryByTestId('field-name-revealed')).toBeNull();
  });
});
