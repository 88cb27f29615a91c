// Exactly once, checked from the outside after a flaky run: every action answered "ok" once,
// every effect in the fair exactly once, every outbox empty, every tablet showing what the server has.
import type { RepView, RequestCard } from '../../../shared/protocol.ts';
import type { FairState, InterviewRequest, Introduction } from '../../../server/domain/types.ts';
import type { FairJson } from '../../../server/http/formats/fairJson.ts';
import { ask, connectRep } from '../../helpers.ts';
import type { FlapRun } from './run.ts';

/** A collection's entities, from memory (a Map) or from fair.json (an object by id). */
const entities = <T>(collection: Map<string, T> | Record<string, T>): T[] => (collection instanceof Map ? [...collection.values()] : Object.values(collection));

/** The problems found, in words; none means the run was exactly once. `state` is the server's memory or its fair.json. */
export async function checkExactlyOnce(url: string, state: FairState | FairJson, run: FlapRun): Promise<string[]> {
  const problems: string[] = run.unsettled ? [`the run never settled: ${run.unsettled}`] : [];
  for (const device of [...run.phones, ...run.tablets]) {
    if (device.outbox.items().length > 0) problems.push(`${device.label}: ${device.outbox.items().length} actions still in its outbox`);
    // Nothing in this script is refused the first time: a refusal means a resent action was decided again.
    for (const { item, reply } of device.answers) {
      if (!reply.ok) problems.push(`${device.label}: ${item.event} ${JSON.stringify(item.input)} was decided twice; the repeat got "${reply.error.message}"`);
    }
  }

  const requests = entities<InterviewRequest>(state.requests);
  for (const phone of run.phones) {
    for (const note of phone.asked) {
      const made = requests.filter((r) => r.note === note).length;
      if (made !== 1) problems.push(`request "${note}" exists ${made} times`);
    }
  }
  const asked = run.phones.reduce((n, p) => n + p.asked.length, 0);
  if (requests.length !== asked) problems.push(`${requests.length} requests in the fair for ${asked} asked`);
  const introductions = entities<Introduction>(state.introductions).length;
  if (introductions !== run.phones.length * run.slugs.length) problems.push(`${introductions} introductions for ${run.phones.length * run.slugs.length} shares`);
  for (const r of requests.filter((r) => r.status !== 'declined')) problems.push(`request "${r.note}" is ${r.status}, not declined once by its tablet`);

  // Every tablet's list equals the server's.
  for (const [i, tablet] of run.tablets.entries()) {
    const loader = await connectRep(url, run.tokens[i]!);
    const loaded = await ask(loader, 'rep:load');
    loader.disconnect();
    if (!loaded.ok) {
      problems.push(`${tablet.label}: rep:load failed: ${loaded.error.message}`);
      continue;
    }
    const mismatch = differences(loaded.data, [...tablet.requests.values()], [...tablet.visitors.keys()]);
    if (mismatch) problems.push(`${tablet.label} differs from the server: ${mismatch}`);
    if (tablet.seq() !== loaded.data.seq) problems.push(`${tablet.label} is at number ${tablet.seq()}, the booth at ${loaded.data.seq}`);
  }
  return problems;
}

function differences(truth: RepView, requests: RequestCard[], visitorIds: string[]): string {
  const key = (r: RequestCard) => `${r.id}:${r.status}:${r.updatedAt}`;
  const mine = requests.map(key).sort().join(',');
  const theirs = truth.requests.map(key).sort().join(',');
  if (mine !== theirs) return `requests ${mine} ≠ ${theirs}`;
  if (visitorIds.sort().join(',') !== truth.visitors.map((v) => v.introductionId).sort().join(',')) return 'visitors differ';
  return '';
}
