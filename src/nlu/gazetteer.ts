// Finds known phrases (service names, task terms, concepts, intent cues) in a stemmed word list.
// Phrases live in a trie of words, so a message is scanned once whatever the number of phrases.

export type MentionKind = 'service' | 'term' | 'concept' | 'category' | 'cue' | 'variant';

export interface PhraseEntry {
  kind: MentionKind;
  id: string;
}

export interface Mention extends PhraseEntry {
  start: number; // first word index
  end: number; // one past the last word index
}

interface Node {
  next: Map<string, Node>;
  entries: PhraseEntry[];
}

const newNode = (): Node => ({ next: new Map(), entries: [] });

export class Gazetteer {
  private readonly root = newNode();
  /** Every single word that starts or ends a phrase when two typed words are run together ("dynamo db"). */
  private readonly joinable = new Set<string>();

  add(words: readonly string[], entry: PhraseEntry): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = newNode();
        node.next.set(w, child);
      }
      node = child;
    }
    if (!node.entries.some((e) => e.kind === entry.kind && e.id === entry.id)) node.entries.push(entry);
    if (words.length === 1) this.joinable.add(words[0]!);
  }

  /** Whether these words begin some known phrase ("auto scaling" needs no gluing into one word). */
  startsPhrase(words: readonly string[]): boolean {
    let node: Node | undefined = this.root;
    for (const w of words) {
      node = node.next.get(w);
      if (!node) return false;
    }
    return true;
  }

  /** Whether a single word is the whole of some phrase (used to glue "dynamo" + "db"). */
  isPhrase(word: string): boolean {
    return this.joinable.has(word);
  }

  /**
   * All phrase occurrences. Phrases of different kinds may overlap ("iam" is a service and a task
   * term); shorter matches inside longer ones of the same kind are left for the caller to drop.
   */
  scan(words: readonly string[]): Mention[] {
    const found: Mention[] = [];
    for (let i = 0; i < words.length; i++) {
      let node: Node | undefined = this.root;
      for (let j = i; j < words.length; j++) {
        node = node.next.get(words[j]!);
        if (!node) break;
        for (const e of node.entries) found.push({ kind: e.kind, id: e.id, start: i, end: j + 1 });
      }
    }
    return found;
  }
}
