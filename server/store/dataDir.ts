// The data folder itself: create it durably, and make renames and new files in it durable.
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { unwritableFolderMessage } from './messages.ts';

/** The data folder: only its owner may list it or reach the files in it. */
export const OWNER_ONLY_FOLDER = 0o700;

/**
 * Creates `dir` if missing, owner-only whatever the umask (a umask only takes bits away; folders
 * made above it for DATA_DIR=a/b/c are owner-only too). Each new folder's entry is fsynced into
 * its parent so it survives a power cut. An existing folder's mode is ownerOnly.ts's business.
 */
export async function ensureDataDir(dir: string): Promise<void> {
  try {
    const firstCreated = await mkdir(dir, { recursive: true, mode: OWNER_ONLY_FOLDER });
    if (firstCreated === undefined) return;
    // mkdir -p may have created several levels; walk up from `dir` to the first one it made.
    for (let created = path.resolve(dir); ; created = path.dirname(created)) {
      await fsyncDir(path.dirname(created));
      if (created === path.resolve(firstCreated) || created === path.dirname(created)) break;
    }
  } catch (error) {
    throw new Error(unwritableFolderMessage(dir, error), { cause: error });
  }
}

/**
 * Makes a folder's entries (new files, renames) durable. Windows cannot open a folder for fsync,
 * and NTFS journals its metadata anyway, so this is a no-op there.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
