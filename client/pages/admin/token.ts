// The organiser link carries the admin token in the URL fragment (never sent to any server).
// On first load it moves to sessionStorage and leaves the address bar, history and screenshots.
const KEY = 'boothlink.adminToken';
let memory = '';

export function takeAdminToken(): string {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    memory = fromLink;
    try {
      sessionStorage.setItem(KEY, fromLink);
    } catch {
      // Storage switched off: the token lives as long as this page.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  try {
    return sessionStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function forgetAdminToken(): void {
  memory = '';
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
