/**
 * Exact request order of `balance roundrobin` (HAProxy's weighted fair
 * round robin) for one thread group, from a cold start with static weights
 * and no maxconn. Model and verification: haproxy-semantics.md §3.5.
 */

/** HAProxy scales user weights by 16 for dynamic algorithms (§3.2). */
const WEIGHT_SCALE = 16;
/** Largest effective weight (256 × 16); tree keys are measured from it. */
const MAX_EWEIGHT = 4096;

interface Slot {
  readonly index: number;
  readonly ew: number;
  npos: number;
  rweight: number;
  key: number;
  /** Insertion stamp: equal keys keep insertion order, as HAProxy's trees do. */
  stamp: number;
}

class OrderedTree {
  private readonly items: Slot[] = [];

  insert(slot: Slot, key: number, stamp: number): void {
    slot.key = key;
    slot.stamp = stamp;
    this.items.push(slot);
  }

  first(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.items) {
      if (best === undefined || s.key < best.key || (s.key === best.key && s.stamp < best.stamp)) {
        best = s;
      }
    }
    return best;
  }

  remove(slot: Slot): void {
    const at = this.items.indexOf(slot);
    if (at >= 0) {
      this.items.splice(at, 1);
    }
  }
}

/**
 * Returns the indexes (into `weights`) of the servers chosen by the first `n`
 * roundrobin requests.
 *
 * Contract: `weights` are configured weights in declaration order; entries
 * that are not finite or ≤ 0 never appear (not usable). Returns `[]` when no
 * weight is positive or `n` ≤ 0. Over every full cycle of Σw requests each
 * server i appears exactly w_i times. Runtime weight changes, slowstart and
 * maxconn are not modelled (they make the order depend on history).
 *
 * @example fwrrSequence([1, 2, 3], 6) // [2, 1, 2, 0, 2, 1]  (s3 s2 s3 s1 s3 s2)
 */
export function fwrrSequence(weights: readonly number[], n: number): number[] {
  const slots: Slot[] = [];
  weights.forEach((w, index) => {
    if (Number.isFinite(w) && w > 0) {
      slots.push({ index, ew: Math.floor(w) * WEIGHT_SCALE, npos: 0, rweight: 0, key: 0, stamp: 0 });
    }
  });
  const out: number[] = [];
  if (slots.length === 0 || n <= 0) {
    return out;
  }
  const total = slots.reduce((sum, s) => sum + s.ew, 0);
  let stamp = 0;
  let currWeight = total;
  let currPos = total;
  const nextWeight = total;
  const curr = new OrderedTree();
  let init = new OrderedTree();
  let next = new OrderedTree();
  const queueByWeight = (tree: OrderedTree, s: Slot): void => tree.insert(s, MAX_EWEIGHT - s.ew, stamp++);
  for (const s of slots) {
    queueByWeight(init, s);
  }

  const pick = (): Slot | undefined => {
    const head = curr.first();
    if (head !== undefined && head.npos <= currPos) {
      curr.remove(head);
      return head;
    }
    // A hole in `curr` (or an empty `curr`): servers not yet placed come first.
    const fresh = init.first();
    if (fresh !== undefined) {
      init.remove(fresh);
      fresh.npos = 0;
      fresh.rweight = 0;
      return fresh;
    }
    return undefined;
  };

  while (out.length < n) {
    let s = pick();
    if (s === undefined) {
      // Everyone has moved past this window: the next window starts over.
      [init, next] = [next, init];
      currWeight = nextWeight;
      currPos = currWeight;
      s = pick();
      if (s === undefined) {
        break;
      }
    }
    if (s.npos === 0) {
      s.npos = currPos;
    }
    s.npos += Math.floor(nextWeight / s.ew);
    s.rweight += nextWeight % s.ew;
    if (s.rweight >= s.ew) {
      s.rweight -= s.ew;
      s.npos += 1;
    }
    currPos += 1;
    out.push(s.index);
    if (s.npos >= 2 * currWeight || s.npos >= currWeight + nextWeight) {
      s.npos -= currWeight;
      queueByWeight(next, s);
    } else {
      curr.insert(s, 256 * s.npos + Math.floor((MAX_EWEIGHT + s.rweight - s.ew) / WEIGHT_SCALE), stamp++);
    }
  }
  return out;
}
