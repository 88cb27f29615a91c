// The booth header's queue line: how many wait and the next free slot, in the fair's time zone.
import { describe, expect, it } from 'vitest';
import { createSignal } from 'solid-js';
import { render, screen } from '@solidjs/testing-library';
import './dom.ts';
import { BoothHeader } from '../../client/pages/student/BoothHeader.tsx';
import type { BoothPublic } from '../../shared/protocol.ts';

const booth: BoothPublic = {
  id: 'b1', slug: 'acme', employer: 'ACME', booth: '12', description: '', website: '', roles: [], status: 'open', place: '',
  reps: [{ id: 'rep1', name: 'Ada Lovelace', title: 'Recruiter' }], fairName: 'Spring Fair', timeZone: 'Europe/Berlin',
  waiting: 0, nextSlot: '2026-03-12T12:20:00Z',
};

describe('the booth header’s queue', () => {
  it('shows who is waiting and the next free slot, and follows the booth live', () => {
    const [current, setCurrent] = createSignal(booth);
    render(() => <BoothHeader booth={current()} />);
    expect(screen.getByTestId('booth-queue')).toHaveTextContent(/^0 waiting · Next free slot 13:20$/);
    setCurrent({ ...booth, waiting: 3, nextSlot: '2026-03-12T13:40:00Z' });
    expect(screen.getByTestId('booth-queue')).toHaveTextContent(/^3 waiting · Next free slot 14:40$/);
    setCurrent({ ...booth, waiting: 4, nextSlot: undefined });
    expect(screen.getByTestId('booth-queue')).toHaveTextContent(/^4 waiting · No free slots left today$/);
  });

  it('lists each rep on duty with their contact card', () => {
    render(() => <BoothHeader booth={{ ...booth, reps: [...booth.reps, { id: 'rep2', name: 'Bo Chen', title: '' }] }} />);
    expect(screen.getAllByRole('link', { name: /^Save contact: / }).map((a) => a.getAttribute('href'))).toEqual([
      '/api/booths/acme/reps/rep1.vcf', '/api/booths/acme/reps/rep2.vcf',
    ]);
  });
});
