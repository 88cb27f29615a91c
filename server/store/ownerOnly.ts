// The data folder holds students' emails and phones, reps' details, live pairing codes and the
// organiser's token: no other user of the laptop may read it. A new folder is made owner-only
// (dataDir.ts) and new files too (io.ts); this checks, at every start, what is already there: a
// folder made by an older version or by hand (755 under the usual umask), files copied in with
// wider modes, a backup made with `cp`.
// Whatever cannot be tightened is said, with why and what to do; the start goes on, as the folder
// is still the organiser's choice (a USB stick that keeps no permissions, say).
import path from 'node:path';
import { OWNER_ONLY_FOLDER } from './dataDir.ts';
import { OWNER_ONLY_FILE, type StoreIo } from './io.ts';
import { notOwnerOnlyMessage, reason, unreadableFileMessage } from './messages.ts';

/** Group and others: read, write, search. */
const OPEN_TO_OTHERS = 0o077;
const PERMISSION_BITS = 0o777;

/**
 * Makes `dir` 700 and every file directly in it 600 where they allow more. A symbolic link is
 * left alone: chmod would change what it points to, which may be outside the folder. Subfolders
 * are not entered: the store makes none, and the folder's own 700 already closes them.
 */
export async function keepOwnerOnly(io: StoreIo, dir: string, log: (line: string) => void): Promise<void> {
  if (process.platform === 'win32') return; // modes mean little there; the folder inherits its parent's ACL
  const tightened: string[] = [];
  const tighten = async (target: string, mode: number, wanted: number): Promise<void> => {
    if ((mode & OPEN_TO_OTHERS) === 0) return;
    try {
      await io.chmod(target, wanted);
      // Some disks (FAT, exFAT, shared folders) accept a chmod and keep the old mode.
      if (((await io.lstat(target)).mode & OPEN_TO_OTHERS) !== 0) throw new Error('the disk does not keep permissions');
      tightened.push(target);
    } catch (error) {
      log(notOwnerOnlyMessage(target, mode & PERMISSION_BITS, wanted, reason(error)));
    }
  };

  let names: string[];
  try {
    await tighten(dir, (await io.lstat(dir)).mode, OWNER_ONLY_FOLDER);
    names = await io.readdir(dir);
  } catch (error) {
    throw new Error(unreadableFileMessage(dir, error), { cause: error });
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const entry = await io.lstat(file).catch(() => undefined); // gone meanwhile: nothing to keep closed
    if (entry?.isFile()) await tighten(file, entry.mode, OWNER_ONLY_FILE);
  }
  if (tightened.length > 0) {
    const names = tightened.map((target) => (target === dir ? 'the folder' : path.basename(target)));
    log(`Made ${names.join(', ')} in ${dir} readable by their owner only; other users of this computer could read them.`);
  }
}
