// A compiled copy of data/ and intents/ (validated JSON), written at build time, so that a cold
// `whosejob ask` skips YAML parsing and schema checks. It is used only while every source file
// still has the content it was compiled from; any edit falls back to reading the YAML.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RawKnowledge, Sources } from './load';

const CACHE_VERSION = 1;

interface CacheFile {
  version: number;
  digest: string;
  raw: RawKnowledge;
}

/** One digest over the names and contents of every source file. */
export function sourcesDigest(sources: Sources): string | undefined {
  const hash = createHash('sha1');
  try {
    for (const dir of [sources.dataDir, sources.intentsDir]) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
        hash.update(`${dir === sources.dataDir ? 'data' : 'intents'}/${name}\0`);
        hash.update(readFileSync(join(dir, name)));
      }
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

export function readCache(file: string, sources: Sources): RawKnowledge | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cache.version !== CACHE_VERSION || cache.digest !== sourcesDigest(sources)) return undefined;
    return cache.raw;
  } catch {
    return undefined; // a damaged cache is only a slower start
  }
}

export function writeCache(file: string, sources: Sources, raw: RawKnowledge): void {
  const digest = sourcesDigest(sources);
  if (!digest) return;
  const cache: CacheFile = { version: CACHE_VERSION, digest, raw };
  writeFileSync(file, JSON.stringify(cache));
}
