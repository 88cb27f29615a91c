// The tablet's rep session token lives in localStorage, so a reload keeps the tablet paired.
const KEY = 'boothlink.repToken';

export function readRepToken(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function writeRepToken(token: string): void {
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage switched off: the tablet stays paired until the page is closed.
  }
}
