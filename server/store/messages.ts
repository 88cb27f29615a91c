// What the store tells people. Every message says what happened and what to do next.
import path from 'node:path';

/** Given to a client whose action could not be made durable. */
export const SAVE_FAILED_MESSAGE =
  'The server could not save that (disk full or failing). Nothing was changed; free some space or check the disk, then try again.';

/** Given to a client whose action arrived while the server was shutting down. */
export const CLOSED_MESSAGE = 'The server is shutting down and could not save that. Try again in a moment.';

export function unwritableFolderMessage(dir: string, error: unknown): string {
  return `Cannot write to the data folder ${dir}: ${reason(error)}. Choose another with DATA_DIR.`;
}

export function folderInUseMessage(dir: string, pid: number): string {
  return `Another Boothlink server is already using the data folder ${dir} (pid ${pid}). Stop it first, or set DATA_DIR to another folder.`;
}

export function damagedJournalMessage(file: string, line: number, problem: string): string {
  return `${file} line ${line} is damaged: ${problem}; restore the file from a backup, or delete that line to start without it.`;
}

/** db.json is unreadable and the journal no longer reaches back to seq 1 (it was compacted). */
export function damagedSnapshotMessage(file: string, problem: string): string {
  return `${file} is not a readable Boothlink snapshot (${problem}) and the journal no longer holds the whole fair to rebuild it; restore ${path.basename(file)} from a backup.`;
}

/** Logged when a damaged db.json was rebuilt from a journal that still starts at seq 1. */
export function rebuiltSnapshotMessage(file: string, problem: string): string {
  return `${file} is not a readable Boothlink snapshot (${problem}); rebuilt the fair from the journal, which holds all of it, and ${path.basename(file)} will be replaced at the next snapshot.`;
}

/** db.json is gone but the journal does not start at seq 1: starting empty would throw the fair away. */
export function missingSnapshotMessage(file: string, journal: string, firstSeq: number): string {
  return `${file} is missing but ${journal} starts at seq ${firstSeq}, so the fair before it is only in a snapshot; restore ${path.basename(file)} from a backup.`;
}

/** A segment starts past the end of what comes before it: a segment is missing. */
export function missingRecordsMessage(file: string, firstSeq: number, before: string, beforeSeq: number): string {
  return `${file} starts at seq ${firstSeq} but ${before} ends at seq ${beforeSeq}, so the changes in between are missing; restore journal.prev.jsonl from a backup.`;
}

/** A start found an erasure or purge whose data is still in the files, and could not wipe it. */
export function unfinishedWipeMessage(dir: string, why: string): string {
  return `An erasure or purge recorded in ${dir} was stopped before its data left the folder's files, and wiping it now failed: ${why}. ` +
    'Boothlink will not serve the fair until it is wiped: free some space or check the disk, then start it again.';
}

/** A file or the folder stays open to other users: what it is, why, and the command that closes it. */
export function notOwnerOnlyMessage(target: string, mode: number, wanted: number, why: string): string {
  const octal = (bits: number) => bits.toString(8).padStart(3, '0');
  return `${target} can be read by other users of this computer (mode ${octal(mode)}) and could not be made owner-only: ${why}. ` +
    `It holds students' contact details: run chmod ${octal(wanted)} '${target}' as its owner, or choose a folder on another disk with DATA_DIR.`;
}

export function unreadableFileMessage(file: string, error: unknown): string {
  return `Cannot read ${file}: ${reason(error)}. Check the data folder's permissions, or choose another with DATA_DIR.`;
}

/** A short, human reason for a file-system error, without the stack of syscall details. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way where a folder should be';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
