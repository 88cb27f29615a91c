// Imported by every test file that renders: jest-dom matchers, and an empty page after each test
// (the testing library only cleans up by itself when vitest globals are on, and they are not).
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent } from '@solidjs/testing-library';
import { afterEach } from 'vitest';

afterEach(cleanup);

/** Replaces a field's text the way typing does: the value changes, then an input event fires. */
export function type(field: HTMLElement, text: string): void {
  fireEvent.input(field, { target: { value: text } });
}
