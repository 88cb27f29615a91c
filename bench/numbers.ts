// Small number helpers shared by the benchmarks: percentiles and the way figures are printed.
import os from 'node:os';

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString('en')} ms`;
}

export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const count = (n: number): string => n.toLocaleString('en');

export const verdict = (ok: boolean): string => (ok ? 'within' : 'OVER');

/** The machine's load average over 1, 5 and 15 minutes, printed beside every figure: these machines are shared. */
export const loadAverage = (): string => os.loadavg().map((load) => load.toFixed(2)).join(' ');
