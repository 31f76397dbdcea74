// Typo repair against the words the bot knows ("pathces" → "patches", "lamda" → "lambda").
// A symmetric-delete index (the SymSpell idea) keeps each look-up to a few hash probes.

/** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** How far a word of this length may be from a known word and still count as a typo of it. */
export function allowedDistance(length: number): number {
  if (length < 4) return 0; // "ecs" vs "eks": short words are too close to guess
  if (length < 8) return 1;
  return 2;
}

function deletes(word: string, depth: number, into: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(d)) {
      into.add(d);
      deletes(d, depth - 1, into);
    }
  }
}

export class SpellingCorrector {
  private readonly known: Set<string>;
  private readonly targets: string[];
  /** A word or one of its single deletions → the known words it came from; built on first need. */
  private indexCache: Map<string, string[]> | undefined;
  /** Corrections already worked out; bounded so that odd input cannot grow it without end. */
  private readonly memo = new Map<string, string | null>();
  private static readonly MEMO_LIMIT = 5000;

  constructor(words: Iterable<string>) {
    this.known = new Set(words);
    this.targets = [...this.known];
  }

  /** Most messages have no typo, so a short-lived `ask` never pays for the index. */
  private get index(): Map<string, string[]> {
    if (this.indexCache) return this.indexCache;
    const index = new Map<string, string[]>();
    const add = (key: string, word: string): void => {
      const list = index.get(key);
      if (list) {
        if (!list.includes(word)) list.push(word);
      } else index.set(key, [word]);
    };
    for (const w of this.targets) {
      if (w.length < 3) continue;
      add(w, w);
      const ds = new Set<string>();
      deletes(w, 1, ds);
      for (const d of ds) add(d, w);
    }
    this.indexCache = index;
    return index;
  }

  /** Marks a word as known without making it a correction target. */
  addKnown(word: string): void {
    this.known.add(word);
  }

  isKnown(word: string): boolean {
    return this.known.has(word);
  }

  /** The known word this one is most likely a typo of, or null when none is close enough. */
  correct(word: string): string | null {
    if (this.known.has(word)) return word;
    const max = allowedDistance(word.length);
    if (max === 0 || /[0-9]/.test(word)) return null;
    const cached = this.memo.get(word);
    if (cached !== undefined) return cached;
    const probes = new Set<string>([word]);
    deletes(word, max, probes);
    let best: string | null = null;
    let bestScore = Infinity;
    const index = this.index;
    for (const p of probes) {
      const candidates = index.get(p);
      if (!candidates) continue;
      for (const c of candidates) {
        const d = editDistance(word, c, max);
        if (d > max) continue;
        // Typos rarely hit the first letter; prefer candidates that keep it, then shorter distance.
        const score = d * 2 + (c[0] === word[0] ? 0 : 3) + Math.abs(c.length - word.length) * 0.1;
        if (score < bestScore || (score === bestScore && best !== null && c < best)) {
          best = c;
          bestScore = score;
        }
      }
    }
    // A changed first letter on a short word is more often a different word than a typo.
    if (best !== null && best[0] !== word[0] && word.length < 6) best = null;
    if (this.memo.size >= SpellingCorrector.MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, best);
    return best;
  }
}
