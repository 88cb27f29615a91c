// The building blocks of the fuzz tests: a seeded PRNG (a failure names its seed and can be
// replayed with FUZZ_SEED=<seed>), values that are wrong for a kind of field, and random JSON.

export type Rng = () => number;

export { seeded } from '../helpers.ts';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Nested `levels` deep: [[[…]]] or {"a":{"a":…}}. */
export function deep(levels: number, as: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = as === 'array' ? [value] : { a: value };
  return value;
}

/** Parsed from JSON text, so `__proto__`, `constructor` and `prototype` are the object's own keys. */
export const PROTO_OBJECTS: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": 1}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
  JSON.parse('{"prototype": {"polluted": 1}}'),
];
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
/** Names an id can have that are also properties of every plain object. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** A string near the 16 KB payload cap: it reaches the server, which must refuse it politely. */
export const JUST_UNDER_CAP = 'x'.repeat(15_000);

/** Wrong for any field: nothing of the right type. */
const NOT_A_VALUE: unknown[] = [null, true, false, {}, { a: 1 }, deep(1000, 'array'), deep(1000, 'object'), ...PROTO_OBJECTS];
const NUMBERS: unknown[] = [0, 42, -1, 1.5, 1e308];
/** Strings no id, slug, code, e-mail, URL, date or time in the protocol accepts. */
export const ODD_STRINGS = [' ', '../../etc/passwd', '<img src=x onerror=alert(1)>', 'a\u0000b', '\ud800', '😀😀😀😀', 'a b c d e', '%00%2e%2e'];

export type Kind = 'text' | 'token' | 'number' | 'choice' | 'list';
export interface Field {
  kind: Kind;
  /** The schema's maximum length, for strings one over it. */
  max?: number;
  required?: boolean;
  /** More wrong values, particular to this field. */
  bad?: unknown[];
}

/** Values this field must refuse: wrong types, too long, odd strings where the field has a format. */
export function badValues(field: Field): unknown[] {
  const tooLong = field.max === undefined ? [] : ['x'.repeat(field.max + 1), JUST_UNDER_CAP];
  const byKind: Record<Kind, unknown[]> = {
    text: [...NUMBERS, [], ['x'], ...tooLong],
    token: [...NUMBERS, [], ['x'], ...tooLong, ...ODD_STRINGS, ...(field.required ? [''] : [])],
    number: ['1', '', 'NaN', [], [1], -1, 1.5],
    choice: [...NUMBERS, [], ['open'], '', 'OPEN', 'closed', ...ODD_STRINGS],
    list: [...NUMBERS, [1], [{}], [null], Array.from({ length: 21 }, (_, i) => `r${i}`), ['x'.repeat(81)], JUST_UNDER_CAP],
  };
  return [...NOT_A_VALUE, ...byKind[field.kind], ...(field.bad ?? [])];
}

/** Random JSON: any type, keys that include the prototype's names, up to `depth` levels. */
export function randomJson(rng: Rng, depth = 4): unknown {
  const roll = rng();
  if (depth === 0 || roll < 0.35) return pick(rng, [null, true, false, 0, -1, 2 ** 53, 0.5, '', 'x', ...ODD_STRINGS, ...PROTO_NAMES]);
  if (roll < 0.5) return 'y'.repeat(Math.floor(rng() * 3_000));
  if (roll < 0.75) return Array.from({ length: Math.floor(rng() * 5) }, () => randomJson(rng, depth - 1));
  const keys = Array.from({ length: Math.floor(rng() * 5) }, () => pick(rng, [...PROTO_KEYS, 'id', 'slug', 'name', 'x', `k${Math.floor(rng() * 100)}`]));
  return fromEntries(keys.map((k) => [k, randomJson(rng, depth - 1)]));
}

/** An object from entries through JSON text: a `__proto__` entry becomes an own key, not the prototype. */
export function fromEntries(entries: [string, unknown][]): Record<string, unknown> {
  return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`) as Record<string, unknown>;
}
