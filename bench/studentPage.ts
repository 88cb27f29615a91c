// What a phone downloads to open a booth page: every response, as sent over the wire (gzip).
import { api, startServer } from '../tests/helpers.ts';
import { device, launch } from '../tests/e2e/browser.ts';

export const STUDENT_PAGE_BUDGET_BYTES = 40 * 1024;

export interface PageWeight {
  scriptsAndStyles: number;
  everything: number;
  files: { url: string; bytes: number }[];
}

export async function measureStudentPage(): Promise<PageWeight> {
  const server = await startServer();
  const browser = await launch();
  try {
    await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: 'ACME Rockets', booth: '12' } });
    const page = await (await browser.newContext(device('Pixel 7'))).newPage();
    const files: { url: string; bytes: number; type: string }[] = [];
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      files.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize, type: request.resourceType() });
    });
    await page.goto(`${server.url}/b/acme-rockets`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'ACME Rockets' }).waitFor();
    const http = files.filter((f) => !f.url.startsWith('/socket.io/'));
    const sum = (list: typeof files) => list.reduce((n, f) => n + f.bytes, 0);
    return {
      scriptsAndStyles: sum(http.filter((f) => f.type === 'script' || f.type === 'stylesheet')),
      everything: sum(http),
      files: http.map(({ url, bytes }) => ({ url, bytes })),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
