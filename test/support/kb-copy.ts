// Temporary copies of data/ and intents/ that a test may break without touching the real ones.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Sources } from '../../src/kb/load';

export const ROOT = resolve(__dirname, '..', '..');

export interface KbCopy extends Sources {
  root: string;
  /** Rewrites one file of the copy, e.g. edit('data/services.yaml', (text) => …). */
  edit(file: string, change: (text: string) => string): void;
  remove(): void;
}

export function copyKnowledge(): KbCopy {
  const root = mkdtempSync(join(tmpdir(), 'whosejob-kb-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(ROOT, 'intents'), join(root, 'intents'), { recursive: true });
  return {
    root,
    dataDir: join(root, 'data'),
    intentsDir: join(root, 'intents'),
    edit(file, change) {
      const path = join(root, file);
      const before = readFileSync(path, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${file} changed nothing: the test's anchor text is gone`);
      writeFileSync(path, after);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Replaces the first occurrence of `find`, failing loudly when the data no longer contains it. */
export function replaceOnce(text: string, find: string, by: string): string {
  const i = text.indexOf(find);
  if (i < 0) throw new Error(`anchor not found: ${JSON.stringify(find)}`);
  return text.slice(0, i) + by + text.slice(i + find.length);
}
