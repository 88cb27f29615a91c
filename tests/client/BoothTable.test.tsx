// The organiser's booth table on a big fair: a page of rows, the live numbers from the server's
// figures, and a keyboard focus that stays in the table when the pager's button gives out.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { type } from './dom.ts';
import { BoothTable } from '../../client/pages/admin/BoothTable.tsx';
import type { AdminStats, BoothAdmin } from '../../shared/protocol.ts';

const booth = (i: number): BoothAdmin => ({
  id: `b${i}`, slug: `employer-${i}`, employer: `Employer ${i}`, booth: String(i), description: '', website: '', roles: [], place: '',
  status: 'open', reps: [], fairName: 'Career Fair', timeZone: 'UTC', waiting: 0, pairingCode: 'ABCD-EFGH',
  createdAt: '2026-05-01T08:00:00.000Z', url: `http://fair.local/b/employer-${i}`, introductions: 0, tablets: [],
});
const BOOTHS = Array.from({ length: 60 }, (_, i) => booth(i + 1));
const STATS: AdminStats = {
  students: 9, introductions: 9, requests: 4, accepted: 2, attended: 0,
  booths: [{ id: 'b60', introductions: 7, pending: 3, accepted: 2, employer: 'Employer 60', booth: '60', status: 'open', tabletsOnline: 1 }],
  day: { date: '2026-05-01', timeZone: 'UTC', quarters: [] },
};

const table = () =>
  render(() => <BoothTable booths={BOOTHS} stats={STATS} resetCode={vi.fn()} revokeTablet={vi.fn()} onChanged={vi.fn()} />);

describe('BoothTable', () => {
  it('shows 25 booths a page and the last page holds the last booth with its live numbers', () => {
    table();
    expect(screen.getAllByTestId('booth-row')).toHaveLength(25);
    expect(screen.getByText('Booths 1–25 of 60.')).toBeInTheDocument();
    const last = screen.getByRole('button', { name: 'Last' });
    last.focus();
    fireEvent.click(last);
    expect(screen.getByText('Booths 51–60 of 60.')).toBeInTheDocument();
    const row = screen.getAllByTestId('booth-row').at(-1)!;
    expect(within(row).getAllByRole('cell').slice(-3).map((cell) => cell.textContent)).toEqual(['7', '3', '2']);
    // Last is disabled now: the focus goes to the table rather than to the top of the page.
    expect(last).toBeDisabled();
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Booth table' }));
  });

  it('searches from the first page, whatever page was open', () => {
    table();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    type(screen.getByRole('searchbox', { name: 'Find a booth' }), '7');
    expect(screen.getByText('6 of 60 booths match “7”.')).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader').map((cell) => cell.firstChild?.textContent)).toEqual(
      ['Employer 7', 'Employer 17', 'Employer 27', 'Employer 37', 'Employer 47', 'Employer 57'],
    );
  });
});
