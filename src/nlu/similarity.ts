// Nearest example: how close a message is to each intent's examples, once names are replaced by
// slots ("who patches rds" and "who patches {service}" both read "who {task} {service}").
import type { IntentName } from './intent-schema';

export interface Example {
  intent: IntentName;
  tokens: string[];
}

function features(tokens: readonly string[]): string[] {
  const out = new Set<string>(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return [...out];
}

export class ExampleIndex {
  private readonly idf = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private readonly norms: number[] = [];
  private readonly intents: IntentName[] = [];
  private readonly unseenIdf: number;

  constructor(examples: readonly Example[]) {
    const docs = examples.map((e) => features(e.tokens));
    const df = new Map<string, number>();
    for (const doc of docs) for (const f of doc) df.set(f, (df.get(f) ?? 0) + 1);
    const n = Math.max(1, docs.length);
    for (const [f, count] of df) this.idf.set(f, Math.log(1 + n / count));
    this.unseenIdf = Math.log(1 + n);
    docs.forEach((doc, i) => {
      this.intents.push(examples[i]!.intent);
      let norm = 0;
      for (const f of doc) {
        const w = this.idf.get(f)!;
        norm += w * w;
        const list = this.postings.get(f);
        if (list) list.push(i);
        else this.postings.set(f, [i]);
      }
      this.norms.push(Math.sqrt(norm) || 1);
    });
  }

  /** The best cosine similarity per intent, in 0..1. */
  score(tokens: readonly string[]): Map<IntentName, number> {
    const q = features(tokens);
    let qNorm = 0;
    const dots = new Map<number, number>();
    for (const f of q) {
      const w = this.idf.get(f) ?? this.unseenIdf; // words no example has still count against similarity
      qNorm += w * w;
      const list = this.postings.get(f);
      if (!list) continue;
      for (const i of list) dots.set(i, (dots.get(i) ?? 0) + w * w);
    }
    qNorm = Math.sqrt(qNorm) || 1;
    const best = new Map<IntentName, number>();
    for (const [i, dot] of dots) {
      const s = dot / (qNorm * this.norms[i]!);
      const intent = this.intents[i]!;
      if (s > (best.get(intent) ?? 0)) best.set(intent, s);
    }
    return best;
  }
}
