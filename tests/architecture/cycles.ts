// `npm run cycles`: prints every import cycle under server/, shared/ and client/, and exits 1 if there is one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKED_FOLDERS, importCycles, importGraph } from './importGraph.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cycles = importCycles(importGraph(root, CHECKED_FOLDERS));
for (const cycle of cycles) console.log(`A loop of ${cycle.length} files:\n  ${cycle.join('\n  ')}`);
console.log(cycles.length === 0 ? `No import cycles under ${CHECKED_FOLDERS.join('/, ')}/.` : `${cycles.length} import cycle(s).`);
process.exitCode = cycles.length === 0 ? 0 : 1;
