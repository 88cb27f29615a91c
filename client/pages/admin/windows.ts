// Interview windows as one line of text ("13:00-17:00, 18:00-19:00") and back.
import type { FairSettings } from '../../../shared/protocol.ts';

type Window = FairSettings['windows'][number];

export const windowsToText = (windows: Window[]): string => windows.map((w) => `${w.start}-${w.end}`).join(', ');

const WINDOW = /^(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})$/;
const pad = (hours: string) => hours.padStart(2, '0');

/** The windows, or an error sentence naming the part that could not be read. */
export function textToWindows(text: string): { ok: true; windows: Window[] } | { ok: false; message: string } {
  const windows: Window[] = [];
  for (const part of text.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const m = WINDOW.exec(part);
    if (!m) return { ok: false, message: `“${part}” is not a window. Write each as HH:MM-HH:MM, like 13:00-17:00.` };
    windows.push({ start: `${pad(m[1]!)}:${m[2]}`, end: `${pad(m[3]!)}:${m[4]}` });
  }
  return { ok: true, windows };
}
