// One structured logger for the whole process, on pino: JSON lines on stderr, filtered by LOG_LEVEL.
import pino from 'pino';
import type { LogLevel } from './config';

export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

// Never let a secret reach the log, whatever a caller passes in and however deep it sits.
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[-_]?key/i;
export const REDACTED = '[redacted]';
// Deep enough for request headers inside an SDK's error; anything deeper is not worth a log line.
const MAX_DEPTH = 8;
const TOO_DEEP = '[too deep]';

/**
 * A copy of `value` with every secret-named key's value replaced, at any depth up to MAX_DEPTH, and every
 * Error turned into pino's serialised form (type, message, stack, cause and its own fields) first, so an
 * error carrying a request's headers is redacted too. pino's own `redact` needs each path spelled out,
 * which cannot reach a key at an arbitrary depth.
 */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return redactSecrets(pino.stdSerializers.err(value), depth, seen);
  // Dates, Buffers and the like already say how they appear in JSON.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1, seen));
    const out: Fields = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? REDACTED : redactSecrets(v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value); // the same object twice side by side is not a cycle
  }
}

const redactFields = (fields: Fields): Fields => redactSecrets(fields) as Fields;

function wrap(p: pino.Logger): Logger {
  // Arrow functions: callers (Bolt's logger adapter) pass these methods around unbound.
  return {
    debug: (msg, fields) => p.debug(fields ?? {}, msg),
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
    // pino applies its bindings formatter to the root's bindings only, so a child's are redacted here.
    child: (fields) => wrap(p.child(redactFields(fields))),
  };
}

/**
 * `write` receives one JSON line at a time, synchronously (tests collect them; the default is stderr).
 * Each line: level (as its name), time (ISO 8601), the fields of the logger and of the call, msg.
 */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l), base: Fields = {}): Logger {
  const root = pino(
    {
      level,
      base: null, // no pid or hostname: one process per container, and the platform adds where it ran
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactFields(fields),
      },
      // redactSecrets has already run pino's err serializer on every Error, at any key; running it again
      // would rename the plain object it made to type "Object".
      serializers: { err: (err: unknown) => err },
    },
    { write },
  );
  return wrap(Object.keys(base).length > 0 ? root.child(redactFields(base)) : root);
}
