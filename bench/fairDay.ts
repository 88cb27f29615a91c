// The day the benchmark fairs are held: today. A fair dated further back than its retention days
// is purged by the server itself as it starts (server/realtime/retention.ts), which would leave a
// benchmark measuring an empty fair.
export const FAIR_DATE = new Date().toISOString().slice(0, 10);
/** 08:00 UTC on that day: the first action of a generated fair. */
export const FAIR_START_MS = Date.parse(`${FAIR_DATE}T08:00:00Z`);
