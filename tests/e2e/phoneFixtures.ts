// The phone-side browser tests drive the booth's side with what a tablet holds: a rep token from
// pairing and a real socket.io client on /rep, so they test the phone whatever the tablet's screen
// looks like. The booth is made by the organiser's API, as in fixtures.ts.
import type { Page } from 'playwright-core';
import { api, ask, connectRep, type RepClient, type TestServer } from '../helpers.ts';

export interface RepAtBooth {
  socket: RepClient;
  /** For pairing another tablet. */
  pairingCode: string;
  /** The booth's visitor card id of the student named, once they shared. */
  visitorId(name: string): Promise<string>;
  /** The booth's request card id of the student named (their newest). */
  requestId(name: string): Promise<string>;
}

/** Creates a booth through the API and pairs a rep's tablet to it, as a socket. */
export async function boothWithRep(
  server: TestServer,
  booth: { employer: string; booth: string },
  rep: { name: string; title: string; email: string },
): Promise<RepAtBooth> {
  const created = await (await api(server.url, '/api/admin/booths', { token: server.adminToken, json: booth })).json();
  const paired = await (await api(server.url, '/api/rep/pair', { json: { code: created.pairingCode, pin: '2468', ...rep } })).json();
  const socket = await connectRep(server.url, paired.token);
  const load = async () => {
    const reply = await ask(socket, 'rep:load');
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  };
  return {
    socket,
    pairingCode: created.pairingCode,
    async visitorId(name) {
      const visitor = (await load()).visitors.find((v) => v.student.name === name);
      if (!visitor) throw new Error(`${name} is not among ${booth.employer}'s visitors`);
      return visitor.introductionId;
    },
    async requestId(name) {
      const request = (await load()).requests.find((r) => r.student.name === name);
      if (!request) throw new Error(`${name} has no request at ${booth.employer}`);
      return request.id;
    },
  };
}

/** Marks the page as it is now; `stillSamePage` is false after a reload or a navigation that reloads. */
export async function markPage(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => Object.assign(window, { boothlinkTestMark: true }));
  return () => page.evaluate(() => 'boothlinkTestMark' in window);
}
