// The phone and the tablet of firstRequests.ts, in a process of their own, so that decoding their
// answers (a booth's 1,000 visitors are ~1 MB) is not counted in the server's loop. Prints "ready"
// once loaded, then reads one line, {"url","slug","code"}, and answers with its timings as one line.
import { createInterface } from 'node:readline';
import { ask, connectRep, connectStudent, studentKey } from '../../tests/helpers.ts';
import { pair } from '../../tests/http/support.ts';

export interface FirstClients {
  /** From the line's arrival: the phone has loaded its view and the booth's page. */
  phoneMs: number;
  /** From the line's arrival: the tablet has paired and shows the booth's visitors. */
  tabletMs: number;
  visitors: number;
  refused?: string;
}

async function firstClients(url: string, slug: string, code: string): Promise<FirstClients> {
  const started = performance.now();
  const phone = await connectStudent(url, studentKey());
  const view = await ask(phone, 'student:load');
  const booth = await ask(phone, 'booth:get', { slug });
  const phoneMs = performance.now() - started;
  const tablet = await connectRep(url, (await pair({ url }, code)).token);
  const visitors = await ask(tablet, 'rep:load');
  const tabletMs = performance.now() - started;
  phone.disconnect();
  tablet.disconnect();
  const refused = !view.ok || !booth.ok ? 'The phone was refused after the start.' : !visitors.ok ? 'The tablet was refused after the start.' : undefined;
  return { phoneMs, tabletMs, visitors: visitors.ok ? visitors.data.visitors.length : 0, ...(refused && { refused }) };
}

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.log('ready');
const { value } = await lines.next();
const { url, slug, code } = JSON.parse(String(value)) as { url: string; slug: string; code: string };
console.log(JSON.stringify(await firstClients(url, slug, code)));
process.exit(0);
