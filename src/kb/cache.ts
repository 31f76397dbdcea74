// A compiled copy of data/ and intents/ (the data validated, the intents parsed), written at build
// time, so that a cold `whosejob ask` skips YAML parsing and the data's schema checks. It is used
// only while every source file still has the content it was compiled from; any edit falls back to
// reading the YAML.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeFiles, Sources } from './load';

const CACHE_VERSION = 2; // 2: intents files kept as parsed YAML, validated by the matcher at load

interface CacheFile {
  version: number;
  digest: string;
  raw: KnowledgeFiles;
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

export function readCache(file: string, sources: Sources): KnowledgeFiles | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cache.version !== CACHE_VERSION || cache.digest !== sourcesDigest(sources)) return undefined;
    return cache.raw;
  } catch {
    return undefined; // a damaged cache is only a slower start
  }
}

export function writeCache(file: string, sources: Sources, raw: KnowledgeFiles): void {
  const digest = sourcesDigest(sources);
  if (!digest) return;
  const cache: CacheFile = { version: CACHE_VERSION, digest, raw };
  writeFileSync(file, JSON.stringify(cache));
}
