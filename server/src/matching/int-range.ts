/** An inclusive integer range; open ends are ±Infinity. */
export interface IntRange {
  readonly lo: number;
  readonly hi: number;
}

const INT = /^[+-]?\d+$/;

/**
 * Parses a map_int / `-m int` key: `n`, `lo:hi`, `lo:` or `:hi`. Returns
 * undefined for anything else (HAProxy refuses such a file at load time).
 */
export function parseIntRange(key: string): IntRange | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) {
    return INT.test(key) ? { lo: Number(key), hi: Number(key) } : undefined;
  }
  const a = key.slice(0, colon);
  const b = key.slice(colon + 1);
  if ((a !== '' && !INT.test(a)) || (b !== '' && !INT.test(b)) || (a === '' && b === '')) {
    return undefined;
  }
  return { lo: a === '' ? -Infinity : Number(a), hi: b === '' ? Infinity : Number(b) };
}

/** Parses an integer sample the way a string input is cast for int matching; undefined when not an integer. */
export function parseIntInput(input: string): number | undefined {
  const t = input.trim();
  return INT.test(t) ? Number(t) : undefined;
}

export function inRange(range: IntRange, n: number): boolean {
  return n >= range.lo && n <= range.hi;
}
