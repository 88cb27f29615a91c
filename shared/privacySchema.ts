// The privacy payloads: take one booth's access back, erase everything (typed confirmation, as on
// /me), purge the fair. Apart from schema.ts because the booth page loads that file, and its size
// budget has no room for what only /me and /admin use.
import * as v from 'valibot';
import { ActionId, Slug } from './schema.ts';

export const WithdrawInput = v.strictObject({ id: ActionId, slug: Slug });
export const ERASE_CONFIRMATION = 'ERASE';
export const EraseInput = v.strictObject({
  id: ActionId,
  confirm: v.literal(ERASE_CONFIRMATION, `Type ${ERASE_CONFIRMATION} to confirm that everything about you should be erased.`),
});
export const PURGE_CONFIRMATION = 'PURGE PERSONAL DATA';
export const PurgeInput = v.strictObject({
  confirm: v.literal(PURGE_CONFIRMATION, `Type ${PURGE_CONFIRMATION} exactly to confirm; nothing was deleted.`),
});
