/**
 * Results derived from immutable model objects, kept between builds of one
 * document. A line object that survived an edit (same text, same line key)
 * yields the same directive, the same keyword diagnostics and, when a whole
 * section survived, the same proxy: an edit costs what it touched, not the
 * whole file.
 *
 * Each table keeps what the last build looked up or made, and what the
 * current build looks up or makes: entries of objects that left the model
 * go with the build after. (Weak tables did the same, but thousands of weak
 * entries per keystroke cost the garbage collector more than the work saved.)
 */
export class BuildMemo {
  private previous = new Map<string, Map<object, unknown>>();
  private current = new Map<string, Map<object, unknown>>();
  /** The tables handed out during the build under way: a table is asked for once per section or directive. */
  private tables = new Map<string, BuildTable<unknown>>();
  private readonly lastRuns = new Map<string, unknown>();

  /** What a step named `name` left from the last build, for a lockstep walk over mostly unchanged inputs. */
  last<V>(name: string): V | undefined {
    return this.lastRuns.get(name) as V | undefined;
  }

  remember<V>(name: string, value: V): void {
    this.lastRuns.set(name, value);
  }

  /** The table named `name`, for the build under way. */
  table<V>(name: string): BuildTable<V> {
    let table = this.tables.get(name);
    if (!table) {
      let now = this.current.get(name);
      if (!now) {
        now = new Map();
        this.current.set(name, now);
      }
      table = new BuildTable<unknown>(this.previous.get(name), now);
      this.tables.set(name, table);
    }
    return table as BuildTable<V>;
  }

  /** Drops the entry of `key` in table `name`: its object left the model without a whole-file build (see splice-model.ts). */
  forget(name: string, key: object): void {
    this.previous.get(name)?.delete(key);
    this.current.get(name)?.delete(key);
  }

  /** Ends a build: what it looked up or made is what the next build can reuse. */
  endBuild(): void {
    this.previous = this.current;
    this.current = new Map();
    this.tables = new Map();
  }
}

/** One table of a BuildMemo, for one build. */
export class BuildTable<V> {
  constructor(
    private readonly previous: Map<object, V> | undefined,
    private readonly current: Map<object, V>,
  ) {}

  /** The value cached for `key` by this build or the last one, unchecked. */
  peek(key: object): V | undefined {
    return this.current.get(key) ?? this.previous?.get(key);
  }

  /** Caches `value` for `key` in this build. */
  set(key: object, value: V): void {
    this.current.set(key, value);
  }

  /**
   * The value cached for `key` when `valid` accepts it, else the result of
   * `make` (then cached). `valid` checks the inputs that are not the key.
   */
  get(key: object, valid: (cached: V) => boolean, make: () => V): V {
    const hit = this.peek(key);
    const value = hit !== undefined && valid(hit) ? hit : make();
    this.current.set(key, value);
    return value;
  }
}

/**
 * `items` with `from` to `to` (exclusive) replaced by `replacement`, in one
 * new array: the model's lists (lines, directives, proxies) are long, and
 * an edit replaces a few items, most often as many as it removes.
 */
export function replaceRange<T>(items: readonly T[], from: number, to: number, replacement: readonly T[]): T[] {
  if (replacement.length === to - from) {
    const out = items.slice();
    for (let i = 0; i < replacement.length; i++) {
      out[from + i] = replacement[i] as T;
    }
    return out;
  }
  return items.slice(0, from).concat(replacement, items.slice(to));
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
