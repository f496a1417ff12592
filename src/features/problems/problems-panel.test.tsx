import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../core';
import { HEAVY_TEST_TIMEOUT } from '../../core/test-support/timeouts';
import { groupProblems } from './group-problems';
import { PIECE_SIZE, ProblemsPanel } from './problems-panel';

afterEach(cleanup);

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  code: 'A1',
  severity: 'warning',
  message: 'm',
  line: 1,
  column: 1,
  offset: 0,
  ...over,
});

const diagnostics = [
  diag({ code: 'A11', blockIndex: 1, severity: 'warning', message: 'comma in rules_group', offset: 50 }),
  diag({
    code: 'A2',
    blockIndex: 1,
    severity: 'error',
    message: 'firewall-block is not defined',
    offset: 40,
    fix: { title: 'Use firewall-drop', ops: [] },
  }),
  diag({ code: 'X1', severity: 'error', message: 'name not closed', line: 2, column: 22, offset: 30 }),
  diag({ code: 'C3', blockIndex: 0, severity: 'info', message: 'expect deprecated', offset: 10 }),
];

describe('groupProblems', () => {
  it('puts the groups with errors first, then document order, worst first inside', () => {
    const groups = groupProblems(diagnostics);
    expect(groups.map((g) => g.blockIndex)).toEqual([null, 1, 0]);
    expect(groups[1].diagnostics.map((d) => d.code)).toEqual(['A2', 'A11']);
  });
});

describe('ProblemsPanel', () => {
  it('lists each problem with its line and offers its fix', () => {
    const onJump = vi.fn();
    const onFix = vi.fn();
    render(
      <ProblemsPanel
        diagnostics={diagnostics}
        blockLabel={(i) => `Block ${i}`}
        onJump={onJump}
        onFix={onFix}
      />,
    );
    expect(screen.getByText(/2 errors/)).toBeTruthy();
    const block1 = screen.getByRole('region', { name: 'Block 1' });
    fireEvent.click(within(block1).getByRole('button', { name: 'Use firewall-drop' }));
    expect(onFix).toHaveBeenCalledWith(diagnostics[1]);
    fireEvent.click(screen.getByRole('button', { name: /name not closed/ }));
    expect(onJump).toHaveBeenCalledWith(diagnostics[2]);
    expect(screen.getByText(/line 2:22/)).toBeTruthy();
  });

  it('says when there is nothing to report', () => {
    render(<ProblemsPanel diagnostics={[]} blockLabel={String} onJump={vi.fn()} onFix={vi.fn()} />);
    expect(screen.getByText('No problems found.')).toBeTruthy();
    expect(screen.getByText(/accepts this file/)).toBeTruthy();
  });
});

describe('ProblemsPanel on a large file', () => {
  it(
    'lists every problem, a block with many in pieces that each say where they stand',
    () => {
      const many = Array.from({ length: PIECE_SIZE + 5 }, (_, i) =>
        diag({ code: 'H1', severity: 'info', message: `hint ${i}`, blockIndex: 7, offset: i }),
      );
      render(
        <ProblemsPanel
          diagnostics={[diag({ message: 'other', blockIndex: 2 }), ...many]}
          blockLabel={(i) => `Block ${i}`}
          onJump={vi.fn()}
          onFix={vi.fn()}
        />,
      );
      const pieces = within(screen.getByRole('list', { name: 'Problems by block' })).getAllByRole(
        'listitem',
        {
          name: '',
        },
      );
      expect(screen.getByText(`hint ${PIECE_SIZE + 4}`)).toBeTruthy();
      const continued = screen.getByRole('region', { name: 'Block 7 (continued)' });
      expect(within(continued).getAllByRole('button')).toHaveLength(5);
      expect(pieces.length).toBeGreaterThan(0);
    },
    HEAVY_TEST_TIMEOUT,
  );
});
