// One command, end to end: decide and make durable (execute.ts), tell every screen concerned
// (realtime/broadcast.ts), and for erasure and purge wipe the files too.
import type { Command, Run } from './deps.ts';
import type { Execute } from './execute.ts';
import type { Publish } from './realtime/broadcast.ts';
import type { Store } from './store/store.ts';

export function createCommandRunner(deps: { store: Store; execute: Execute; publish: Publish; log: (line: string) => void }): Run {
  const { store, execute, publish, log } = deps;
  return async <T>(command: Command<T>) => {
    const { answer, changes } = await execute(store, command.key, command.decide, command.respond);
    const tellStudents = publish(changes);
    // The commands of one group commit each resume here in turn: every one of them tells its
    // booth's tablets before any builds its answer (a student's view walks every booth: ~0.2 ms at
    // 300 booths, which the tablets of the batch's last scan waited for once per scan before it).
    await null;
    const reply = answer();
    tellStudents(reply.ok ? command.viewOf?.(reply.data) : undefined);
    if (!reply.ok || command.scrub === undefined) return reply;
    const { notWiped } = command.scrub;
    // Only "done" once no file in the data folder holds what memory no longer does.
    return store.scrub().then(() => reply, (error: Error) => {
      log(`Could not wipe removed data from the data files: ${error.message}`);
      return { ok: false as const, error: { code: 'STORAGE' as const, message: notWiped } };
    });
  };
}
