/*
 * Moving model objects whose lines moved without changing. Typing in one
 * line shifts the offset of every later line, while the sections after it
 * read exactly as before: rebuilding them would cost what a first build
 * costs. Relocating a section copies what was built from it with every span
 * shifted, the previous directive and word objects replaced by the new ones,
 * and what it shares with its defaults left shared.
 */
import type { Span } from './span';

/** How the objects of one build were moved from the previous build. */
export interface Relocation {
  /** Offset added to every span of a moved object that points into the moved lines. */
  readonly shift: number;
  /** Offset in the previous text where the moved lines begin: spans before it (in a defaults section above) stay. */
  readonly since: number;
  /** A moved object of this build → the object of the previous build it was moved from. */
  readonly from: Map<object, object>;
}

/**
 * A copy of `value` (plain objects and arrays, no cycles) with every span (an
 * object of exactly `start` and `end` numbers) into the moved lines shifted. Objects in
 * `substitutes` become their substitute; objects in `kept` stay shared. An
 * object reached twice is copied twice: equal values, and no table of copies
 * to grow on every keystroke.
 */
export function relocateValue<T>(value: T, relocation: Pick<Relocation, 'shift' | 'since'>, substitutes: ReadonlyMap<object, object>, kept: ReadonlySet<object>): T {
  const { shift, since } = relocation;
  const walk = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) {
      return v;
    }
    const known = substitutes.get(v) ?? (kept.has(v) ? v : undefined);
    if (known !== undefined) {
      return known;
    }
    if (Array.isArray(v)) {
      return v.map(walk);
    }
    const o = v as Record<string, unknown>;
    if (isSpan(o)) {
      return o.start >= since ? { start: o.start + shift, end: o.end + shift } : { start: o.start, end: o.end };
    }
    const out: Record<string, unknown> = {};
    for (const key in o) {
      out[key] = walk(o[key]);
    }
    return out;
  };
  return walk(value) as T;
}

function isSpan(o: Record<string, unknown>): o is Record<string, unknown> & Span {
  if (typeof o['start'] !== 'number' || typeof o['end'] !== 'number') {
    return false;
  }
  let keys = 0;
  for (const _ in o) {
    keys++;
  }
  return keys === 2;
}

/** Every object reachable from `root`: what a relocated section shares with the defaults it builds on. */
export function reachableObjects(root: object): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) {
      continue;
    }
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      stack.push(child);
    }
  }
  return seen;
}
