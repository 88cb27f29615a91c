import { describe, expect, it } from 'vitest';
import { textToWindows, windowsToText } from '../../client/pages/admin/windows.ts';

describe('interview windows as text', () => {
  it('round-trips "13:00-17:00, 18:00-19:00"', () => {
    const text = '13:00-17:00, 18:00-19:00';
    const parsed = textToWindows(text);
    expect(parsed).toEqual({ ok: true, windows: [{ start: '13:00', end: '17:00' }, { start: '18:00', end: '19:00' }] });
    expect(parsed.ok && windowsToText(parsed.windows)).toBe(text);
  });

  it('accepts an en dash, spaces, one-digit hours and semicolons or new lines between windows', () => {
    expect(textToWindows(' 9:30 – 12:00 ;13:00–17:00\n18:00 - 19:00, ')).toEqual({
      ok: true,
      windows: [
        { start: '09:30', end: '12:00' },
        { start: '13:00', end: '17:00' },
        { start: '18:00', end: '19:00' },
      ],
    });
  });

  it('names the part it cannot read and shows how to write it', () => {
    const parsed = textToWindows('13:00-17:00, after lunch');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toBe(
      '“after lunch” is not a window. Write each as HH:MM-HH:MM, like 13:00-17:00.',
    );
  });

  it('refuses two windows with no separator between them', () => {
    expect(textToWindows('13:00-17:00 18:00-19:00').ok).toBe(false);
  });
});
