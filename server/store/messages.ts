// What the store tells people. Every message says what happened and what to do next.

/** Given to a client whose action could not be made durable. */
export const SAVE_FAILED_MESSAGE = 'The server could not save that. Nothing was changed; try again in a moment.';

/** Given to a client whose action arrived while the server was shutting down. */
export const CLOSED_MESSAGE = 'The server is shutting down and could not save that. Try again in a moment.';

export function unwritableFolderMessage(dir: string, error: unknown): string {
  return `Cannot write to the data folder ${dir}: ${reason(error)}. Choose another with DATA_DIR.`;
}

export function folderInUseMessage(dir: string, pid: number): string {
  return `Another Boothlink server is already using the data folder ${dir} (pid ${pid}). Stop it first, or set DATA_DIR to another folder.`;
}

export function damagedJournalMessage(file: string, line: number, problem: string): string {
  return `${file} line ${line} is damaged: ${problem}; restore it from a backup or move it aside to start an empty fair.`;
}

export function damagedSnapshotMessage(file: string, problem: string): string {
  return `${file} is not a readable Boothlink snapshot (${problem}); restore it from a backup, or move it aside to rebuild the fair from journal.jsonl.`;
}

export function unreadableFileMessage(file: string, error: unknown): string {
  return `Cannot read ${file}: ${reason(error)}. Check the data folder's permissions, or choose another with DATA_DIR.`;
}

/** A short, human reason for a file-system error, without the stack of syscall details. */
function reason(error: unknown): string {
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
