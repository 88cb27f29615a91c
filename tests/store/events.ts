// Hand-made events and journal lines. No vitest import: the crash-writer child process uses it too.
import type { Booth, FairEvent } from '../../server/domain/types.ts';

export function booth(id: string, pairingCode = 'K7MX-P3QR'): Booth {
  return {
    id,
    slug: `acme-${id}`,
    employer: `ACME ${id}`,
    booth: 'A1',
    description: 'Rockets and anvils.',
    website: 'https://acme.example',
    roles: ['Engineering'],
    place: 'Table 3',
    status: 'open',
    pairingCode,
    createdAt: '2026-03-01T09:00:00.000Z',
  };
}

export function boothCreated(id: string, pairingCode?: string): FairEvent {
  return { type: 'booth.created', booth: booth(id, pairingCode) };
}

export function codeReset(boothId: string, pairingCode: string): FairEvent {
  return { type: 'booth.codeReset', boothId, pairingCode };
}

/** A journal line as the file store writes it; with a `reply` beside the key, as journals written before replies were dropped. */
export function journalLine(seq: number, events: FairEvent[], key?: string, reply?: unknown): string {
  const keyed = key === undefined ? {} : reply === undefined ? { key } : { key, reply };
  return `${JSON.stringify({ seq, ...keyed, events })}\n`;
}
