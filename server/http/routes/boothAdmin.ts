// What the organiser sees of a booth: the public view plus its pairing code, URL, counts and tablets;
// the list of every booth; and adding one booth (an import decides all its rows at once: import.ts).
import type { BoothAdmin, PairedTablet, Reply } from '../../../shared/protocol.ts';
import type { BoothFields } from '../../../shared/schema.ts';
import type { Deps } from '../../deps.ts';
import { createBooth } from '../../domain/booths.ts';
import { introductionsOfTheDay } from '../../domain/stats.ts';
import { repsOfBooth } from '../../domain/indexes.ts';
import type { Booth, FairState, Rep } from '../../domain/types.ts';
import { boothPublic } from '../../domain/views.ts';
import { newId, newPairingCode } from '../../ids.ts';
import type { Store } from '../../store/store.ts';
import { wholeFairReady, nextTurn } from '../../turns.ts';
import { compareInstants } from '../../../shared/time.ts';

export const boothUrl = (publicUrl: string, slug: string): string => `${publicUrl}/b/${slug}`;

const oldestFirst = (a: Rep, b: Rep) => compareInstants(a.pairedAt, b.pairedAt);

/** The token hash, the PIN's hash and the rep's email stay on the server. */
function tablet({ id, name, title, pairedAt, revokedAt, signedOut }: Rep): PairedTablet {
  if (!revokedAt) return { id, name, title, pairedAt };
  return signedOut ? { id, name, title, pairedAt, revokedAt, signedOut } : { id, name, title, pairedAt, revokedAt };
}

function boothAdmin(state: FairState, booth: Booth, publicUrl: string): BoothAdmin {
  return {
    ...boothPublic(state, booth),
    pairingCode: booth.pairingCode,
    createdAt: booth.createdAt,
    url: boothUrl(publicUrl, booth.slug),
    introductions: introductionsOfTheDay(state, booth.id),
    // Its own tablets, by the index: an import asks for 10,000 booths' views, the list too.
    tablets: repsOfBooth(state, booth.id).sort(oldestFirst).map(tablet),
  };
}

/** "2" before "10" (natural order); booths without a number go last; then by employer. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function byBoothNumber(a: Booth, b: Booth): number {
  if (!a.booth !== !b.booth) return a.booth ? -1 : 1;
  return collator.compare(a.booth, b.booth) || collator.compare(a.employer, b.employer);
}

/**
 * The booths' ids in booth number order, once the indexes their views count by are built (right
 * after a start they are built in turns: a view of each booth would finish the build at once, ~180
 * ms at 300,000 introductions). The sort (~20 ms at 10,000) has a turn to itself: the request's own
 * turn runs on into the next before timers and sockets get theirs.
 */
export async function boothIdsInOrder(store: Store): Promise<string[]> {
  await wholeFairReady(store.state);
  await nextTurn();
  const ids = [...store.state.booths.values()].sort(byBoothNumber).map((booth) => booth.id);
  await nextTurn();
  return ids;
}

/**
 * Each booth's organiser view as JSON, made as the answer is written, over many turns: 10,000
 * booths with two tablets each took 70-130 ms in one go. Each view reads the state as it is then
 * (a booth's code may be reset meanwhile), as the exports do. A booth gone meanwhile (memory
 * reloaded after a failed write, a purge) is left out.
 */
export function* boothViewsJson(store: Store, ids: Iterable<string>, publicUrl: string): Generator<string> {
  for (const id of ids) {
    const booth = store.state.booths.get(id);
    if (booth) yield JSON.stringify(boothAdmin(store.state, booth, publicUrl));
  }
}

/** One booth's organiser view, after a command changed it. */
export function boothAdminById(state: FairState, boothId: string, publicUrl: string): BoothAdmin {
  const booth = state.booths.get(boothId);
  if (!booth) throw new Error('The booth is missing right after it was saved.');
  return boothAdmin(state, booth, publicUrl);
}

/** Creates a booth with a fresh id and pairing code; answers with its organiser view. */
export async function addBooth(deps: Deps, fields: BoothFields): Promise<Reply<BoothAdmin>> {
  const { store, now, config, run } = deps;
  const id = newId();
  return run({
    decide: () => createBooth(store.state, { ...fields, id, pairingCode: newPairingCode() }, now()),
    respond: () => boothAdminById(store.state, id, config.publicUrl),
  });
}
