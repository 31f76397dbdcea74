// Temporary copies of data/ and intents/ that a test may break without touching the real ones, and
// the two ways a broken copy is seen: loading it, and `whosejob kb check` on it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { formatProblem, KnowledgeBaseError, type Sources } from '../../src/kb/load';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';

export const ROOT = resolve(__dirname, '..', '..');

export interface KbCopy extends Sources {
  root: string;
  /** Rewrites one file of the copy, e.g. edit('data/services.yaml', (text) => …). */
  edit(file: string, change: (text: string) => string): void;
  /** Changes one file of the copy as a YAML document, e.g. editYaml('data/services.yaml', (doc) => doc.setIn([…], 'x')). */
  editYaml(file: string, change: (doc: Document) => void): void;
  remove(): void;
}

export function copyKnowledge(): KbCopy {
  const root = mkdtempSync(join(tmpdir(), 'whosejob-kb-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(ROOT, 'intents'), join(root, 'intents'), { recursive: true });
  const edit = (file: string, change: (text: string) => string): void => {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing: the test's anchor text is gone`);
    writeFileSync(path, after);
  };
  return {
    root,
    dataDir: join(root, 'data'),
    intentsDir: join(root, 'intents'),
    edit,
    editYaml(file, change) {
      edit(file, (text) => {
        const doc = parseDocument(text);
        change(doc);
        return doc.toString({ lineWidth: 0 });
      });
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

/** How problems name a file of the copy: relative to the working directory, e.g. shownIn(copy, 'data/tasks.yaml'). */
export function shownIn(copy: Sources, file: string): string {
  const dir = file.startsWith('intents/') ? copy.intentsDir : copy.dataDir;
  return relative(process.cwd(), join(dir, file.replace(/^(data|intents)\//, '')));
}

/** The problems loading the copy reports, as `file: path: message` lines (none when it loads). */
export function loadProblems(copy: Sources): string[] {
  try {
    loadKnowledgeBase(copy, null);
    return [];
  } catch (err) {
    if (!(err instanceof KnowledgeBaseError)) throw err;
    return err.problems.map(formatProblem);
  }
}

/** `whosejob kb check` on the copy, run as a user runs it: the built CLI in a process of its own. */
export function cliCheck(copy: Sources): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/whosejob.js', 'kb', 'check', '--data', copy.dataDir, '--intents', copy.intentsDir], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** One fault put into a fresh copy of the knowledge base, and the one problem it must produce. */
export interface BrokenCase {
  /** What is broken, in one file. */
  name: string;
  breakCopy(copy: KbCopy): void;
  /** The one problem reported: [file as in the copy, path, message]. */
  expected(): [string, string, string];
}

/**
 * For each case: a fresh copy broken that one way must report exactly that problem, both when it is
 * loaded and through `whosejob kb check` (as `file: path: message`, exit status 1).
 */
export function describeBrokenCopies(title: string, cases: readonly BrokenCase[]): void {
  describe.each(cases)(`${title}: $name`, ({ breakCopy, expected }) => {
    let copy: KbCopy;
    let line: string;
    beforeAll(() => {
      copy = copyKnowledge();
      breakCopy(copy);
      const [file, path, message] = expected();
      line = `${shownIn(copy, file)}: ${path}: ${message}`;
    });
    afterAll(() => copy.remove());

    test('loading it reports exactly that problem', () => {
      expect(loadProblems(copy)).toEqual([line]);
    });

    test('whosejob kb check lists it as file: path: message and exits 1', () => {
      const run = cliCheck(copy);
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 1, stdout: `${line}\n`, stderr: 'whosejob: 1 problem in the knowledge base\n' });
    });
  });
}
