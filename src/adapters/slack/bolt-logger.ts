// Bolt's Logger interface on top of ours, so Bolt's own messages share the same structured log.
import { LogLevel as BoltLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log';

const LEVELS: Record<string, BoltLevel> = { debug: BoltLevel.DEBUG, info: BoltLevel.INFO, warn: BoltLevel.WARN, error: BoltLevel.ERROR };

export function boltLogger(log: Logger, level: string): BoltLogger {
  let current: BoltLevel = LEVELS[level] ?? BoltLevel.INFO;
  const text = (parts: unknown[]): string => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  return {
    debug: (...m: unknown[]) => log.debug(text(m), { source: 'bolt' }),
    info: (...m: unknown[]) => log.info(text(m), { source: 'bolt' }),
    warn: (...m: unknown[]) => log.warn(text(m), { source: 'bolt' }),
    error: (...m: unknown[]) => log.error(text(m), { source: 'bolt' }),
    setLevel: (l: BoltLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => undefined,
  };
}
