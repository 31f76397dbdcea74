// Bolt's Logger interface on top of ours, so Bolt's own messages share the same structured log.
import { LogLevel as BoltLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log';

const RANK: Record<BoltLevel, number> = { [BoltLevel.DEBUG]: 10, [BoltLevel.INFO]: 20, [BoltLevel.WARN]: 30, [BoltLevel.ERROR]: 40 };
const FROM_CONFIG: Record<string, BoltLevel> = { debug: BoltLevel.DEBUG, info: BoltLevel.INFO, warn: BoltLevel.WARN, error: BoltLevel.ERROR };

export function boltLogger(log: Logger, level: string): BoltLogger {
  let current: BoltLevel = FROM_CONFIG[level] ?? BoltLevel.INFO;
  // Bolt logs whole payloads at debug level: format them only when that level is on.
  const emit = (at: BoltLevel, write: (text: string, fields: Record<string, unknown>) => void, parts: unknown[]): void => {
    if (RANK[at] < RANK[current]) return;
    const text = parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
    write(text, { source: 'bolt' });
  };
  return {
    debug: (...m: unknown[]) => emit(BoltLevel.DEBUG, log.debug, m),
    info: (...m: unknown[]) => emit(BoltLevel.INFO, log.info, m),
    warn: (...m: unknown[]) => emit(BoltLevel.WARN, log.warn, m),
    error: (...m: unknown[]) => emit(BoltLevel.ERROR, log.error, m),
    setLevel: (l: BoltLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => undefined,
  };
}
