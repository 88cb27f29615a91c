// The organiser's import form: it says what a file may hold before one is sent, and shows the
// server's sentence when a file is refused.
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import { ImportForm } from '../../client/pages/admin/ImportForm.tsx';
import type { ImportResult, Reply } from '../../shared/protocol.ts';
import { type } from './dom.ts';

const TOO_MANY = 'The CSV has more than 10,000 rows: Boothlink imports at most 10,000 booths at a time. Split the file and import each part.';

describe('ImportForm', () => {
  it('says how many rows and how large a file it takes, before anything is sent', () => {
    render(() => <ImportForm importCsv={vi.fn()} onImported={vi.fn()} />);
    expect(screen.getByText(/Up to 10,000 rows and 1 MB a file: split a longer list and import each part\./)).toBeInTheDocument();
  });

  it("shows the server's sentence when it refuses the file, and reports nothing imported", async () => {
    const importCsv = vi.fn(async (_csv: string): Promise<Reply<ImportResult>> => ({ ok: false, error: { code: 'INVALID', message: TOO_MANY } }));
    const onImported = vi.fn();
    render(() => <ImportForm importCsv={importCsv} onImported={onImported} />);
    type(screen.getByLabelText(/Or paste CSV/), 'employer\nACME');
    fireEvent.click(screen.getByRole('button'));
    expect(await screen.findByText(TOO_MANY)).toBeInTheDocument();
    expect(importCsv).toHaveBeenCalledWith('employer\nACME');
    expect(onImported).not.toHaveBeenCalled();
  });
});
