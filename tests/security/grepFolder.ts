// `grep -r` over a data folder, as an auditor would: every file, hidden ones (.db.json.tmp) and
// subfolders included, read as bytes; which files hold any of the strings.
import fs from 'node:fs';
import path from 'node:path';

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesIn(full) : entry.isFile() ? [full] : [];
  });
}

/** "file: string" for each file under `dir` that contains one of `needles`; empty when none does. */
export function grepFolder(dir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of filesIn(dir)) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles) if (bytes.includes(needle)) found.push(`${path.relative(dir, file)}: ${needle}`);
  }
  return found;
}

/** Names of the files in the folder (hidden ones too), to show the grep looked at something. */
export const fileNames = (dir: string): string[] => filesIn(dir).map((f) => path.relative(dir, f)).sort();
