/**
 * Results derived from immutable model objects, kept between builds of one
 * document. A line object that survived an edit (same text, same place)
 * yields the same directive, the same keyword diagnostics and, when a whole
 * section survived, the same proxy: an edit costs what it touched, not the
 * whole file. Weak tables: entries die with their keys.
 */
export class BuildMemo {
  private readonly tables = new Map<string, WeakMap<object, unknown>>();
  private readonly lastRuns = new Map<string, unknown>();

  /** What a step named `name` left from the last build, for a lockstep walk over mostly unchanged inputs. */
  last<V>(name: string): V | undefined {
    return this.lastRuns.get(name) as V | undefined;
  }

  remember<V>(name: string, value: V): void {
    this.lastRuns.set(name, value);
  }

  /** The weak table named `name` (created once; callers keep it for a build). */
  table<V>(name: string): WeakTable<V> {
    let t = this.tables.get(name);
    if (!t) {
      t = new WeakMap();
      this.tables.set(name, t);
    }
    return new WeakTable<V>(t as WeakMap<object, V>);
  }
}

/** One table of a BuildMemo. */
export class WeakTable<V> {
  constructor(private readonly map: WeakMap<object, V>) {}

  /**
   * The value cached for `key` when `valid` accepts it, else the result of
   * `make` (then cached). `valid` checks the inputs that are not the key.
   */
  get(key: object, valid: (cached: V) => boolean, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined && valid(hit)) {
      return hit;
    }
    const value = make();
    this.map.set(key, value);
    return value;
  }
}

/** Same length and the same elements (by identity). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}
