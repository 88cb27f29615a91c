// The organiser's token lives in the data folder, readable by its owner only, so the printed
// organiser link stays the same across restarts; past one machine, in the fair's database.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isMissing, nodeIo, writeAll, type StoreIo } from './io.ts';
import type { PgStore } from './pg/pgStore.ts';

const TOKEN_FILE = 'admin-token';
const MIN_TOKEN_CHARS = 22; // 128 bits in base64url

const newToken = (): string => randomBytes(32).toString('base64url');

function checkedFromEnv(fromEnv: string): string {
  if (fromEnv.length < MIN_TOKEN_CHARS) throw new Error(`ADMIN_TOKEN must be at least ${MIN_TOKEN_CHARS} characters; leave it unset to have one generated.`);
  return fromEnv;
}

/** Past one machine: every process prints the same organiser link, so the token is the database's. */
export async function sharedAdminToken(store: PgStore, fromEnv: string | undefined): Promise<string> {
  return fromEnv !== undefined ? checkedFromEnv(fromEnv) : store.setting(TOKEN_FILE, newToken);
}

export async function loadAdminToken(dataDir: string, fromEnv: string | undefined, io: StoreIo = nodeIo): Promise<string> {
  if (fromEnv !== undefined) return checkedFromEnv(fromEnv);
  const file = path.join(dataDir, TOKEN_FILE);
  try {
    const token = (await io.readFile(file)).toString('utf8').trim();
    if (token.length >= MIN_TOKEN_CHARS) return token;
    throw new Error(`${file} holds no valid organiser token. Delete it to have a new one made, or set ADMIN_TOKEN.`);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const token = newToken();
  const handle = await io.open(file, 'wx'); // owner-only, like every file of the store
  try {
    await writeAll(handle, Buffer.from(`${token}\n`, 'utf8'));
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await io.fsyncDir(dataDir); // else a power cut could lose the name, and the printed link with it
  return token;
}
