/**
 * Line diff of two texts, as `diff -u` and `patch` see them: a line is everything up to and including its
 * `\n`, so a line that only changed its ending (CRLF → LF) is a changed line, and a last line without a
 * newline differs from the same line with one. Myers' O(ND) algorithm in linear space, after the common
 * leading and trailing lines are set aside, so a few edits in a 2 MB file compare only what lies between
 * the first and the last edit.
 */

/** A run of lines that differ: `[aStart, aEnd)` of the old text became `[bStart, bEnd)` of the new one. */
export interface LineChange {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface LineDiff {
  /** The old text's lines, each with its terminator. */
  a: string[];
  b: string[];
  /** In order, never touching each other: between two changes there is at least one common line. */
  changes: LineChange[];
}

/** Each line with its `\n` (or `\r\n`); the last one has none when the text does not end with a newline. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

export function diffLines(before: string, after: string): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  return { a, b, changes: diffSequences(a, b) };
}

/**
 * Above this many edit steps in one stretch the search stops looking for the shortest script and splits
 * where it got furthest (as GNU diff does when a comparison is "too expensive"): the result is still an
 * exact script, only not always the shortest, and a file pasted over another does not freeze the page.
 */
const MIN_COST_LIMIT = 256;

export function diffSequences(a: readonly string[], b: readonly string[]): LineChange[] {
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]) => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      let id = ids.get(lines[i]);
      if (id === undefined) {
        id = ids.size;
        ids.set(lines[i], id);
      }
      out[i] = id;
    }
    return out;
  };
  const x = intern(a);
  const y = intern(b);
  const removed = new Uint8Array(x.length);
  const added = new Uint8Array(y.length);
  new Myers(x, y, removed, added).run();
  return collect(removed, added);
}

/** Turns the per-line marks into runs; unmarked lines pair up in order, as the common subsequence. */
function collect(removed: Uint8Array, added: Uint8Array): LineChange[] {
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < removed.length || j < added.length) {
    if (i < removed.length && j < added.length && !removed[i] && !added[j]) {
      i++;
      j++;
      continue;
    }
    const aStart = i;
    const bStart = j;
    while (i < removed.length && removed[i]) i++;
    while (j < added.length && added[j]) j++;
    changes.push({ aStart, aEnd: i, bStart, bEnd: j });
  }
  return changes;
}

class Myers {
  private readonly forward: Int32Array;
  private readonly backward: Int32Array;
  private readonly offset: number;
  private readonly costLimit: number;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly removed: Uint8Array,
    private readonly added: Uint8Array,
  ) {
    const size = a.length + b.length;
    this.offset = size + 1;
    this.forward = new Int32Array(2 * size + 3);
    this.backward = new Int32Array(2 * size + 3);
    this.costLimit = Math.max(MIN_COST_LIMIT, Math.ceil(Math.sqrt(size)) * 2);
  }

  /** Works through the stretches left to compare with an explicit stack, so no input is too long to recurse. */
  run(): void {
    const { a, b } = this;
    const stack: number[] = [0, a.length, 0, b.length];
    while (stack.length > 0) {
      let bHi = stack.pop() as number;
      let bLo = stack.pop() as number;
      let aHi = stack.pop() as number;
      let aLo = stack.pop() as number;
      while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
        aLo++;
        bLo++;
      }
      while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
        aHi--;
        bHi--;
      }
      if (aLo === aHi || bLo === bHi) {
        this.removed.fill(1, aLo, aHi);
        this.added.fill(1, bLo, bHi);
        continue;
      }
      const [xStart, yStart, xEnd, yEnd] = this.middleSnake(aLo, aHi, bLo, bHi);
      // The right-hand stretch is pushed first so that the left one is worked on first.
      stack.push(xEnd, aHi, yEnd, bHi);
      stack.push(aLo, xStart, bLo, yStart);
    }
  }

  /**
   * The middle snake of the shortest edit script of `a[aLo, aHi)` → `b[bLo, bHi)` (both non-empty, first
   * and last lines differing): its start and end, in absolute indexes. Past the cost limit, a point on the
   * furthest-reaching forward path (with an empty snake).
   */
  private middleSnake(aLo: number, aHi: number, bLo: number, bHi: number): [number, number, number, number] {
    const { a, b, forward: vf, backward: vb, offset } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    vf[offset + 1] = 0;
    vb[offset + delta - 1] = n;
    const maxD = Math.ceil((n + m) / 2);
    for (let d = 0; d <= maxD; d++) {
      if (d > this.costLimit) return this.furthest(aLo, bLo, n, m, d - 1);
      for (let k = -d; k <= d; k += 2) {
        let x =
          k === -d || (k !== d && vf[offset + k - 1] < vf[offset + k + 1])
            ? vf[offset + k + 1]
            : vf[offset + k - 1] + 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x++;
          y++;
        }
        vf[offset + k] = x;
        if (odd && k >= delta - (d - 1) && k <= delta + (d - 1) && x >= vb[offset + k]) {
          return [aLo + x0, bLo + y0, aLo + x, bLo + y];
        }
      }
      for (let k = delta - d; k <= delta + d; k += 2) {
        let x =
          k === delta + d || (k !== delta - d && vb[offset + k - 1] < vb[offset + k + 1] - 1)
            ? vb[offset + k - 1]
            : vb[offset + k + 1] - 1;
        let y = x - k;
        const x1 = x;
        const y1 = y;
        while (x > 0 && y > 0 && a[aLo + x - 1] === b[bLo + y - 1]) {
          x--;
          y--;
        }
        vb[offset + k] = x;
        if (!odd && k >= -d && k <= d && x <= vf[offset + k]) {
          return [aLo + x, bLo + y, aLo + x1, bLo + y1];
        }
      }
    }
    // Unreachable for valid input: two paths of cost ⌈(n+m)/2⌉ always meet.
    return [aHi, bHi, aHi, bHi];
  }

  /** The point of the forward paths of cost `d` that got furthest, as an empty snake to split at. */
  private furthest(
    aLo: number,
    bLo: number,
    n: number,
    m: number,
    d: number,
  ): [number, number, number, number] {
    const { forward: vf, offset } = this;
    let bestX = 0;
    let bestY = 0;
    for (let k = -d; k <= d; k += 2) {
      const x = Math.min(vf[offset + k], n);
      const y = x - k;
      if (y < 0 || y > m) continue;
      if (x + y > bestX + bestY) {
        bestX = x;
        bestY = y;
      }
    }
    // A split must leave two smaller stretches; failing that, the whole stretch is one change.
    if (bestX + bestY === 0 || (bestX === n && bestY === m)) return [aLo + n, bLo, aLo + n, bLo];
    return [aLo + bestX, bLo + bestY, aLo + bestX, bLo + bestY];
  }
}
