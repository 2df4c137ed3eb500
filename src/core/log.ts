/**
 * Named loggers per subsystem, writing one JSON line per entry to stderr.
 * Callers must never pass secrets (PINs, keys, tokens) in `context`; the
 * `redact` pass below is a second line of defence, not the first.
 */
export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  child(name: string): Logger;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};
const SECRET_KEYS = /pin|secret|password|token|key|sign/i;

export type LogSink = (line: string) => void;

export function createLogger(
  name: string,
  options: { level?: Level; sink?: LogSink } = {},
): Logger {
  const min = ORDER[options.level ?? levelFromEnv()];
  const sink = options.sink ?? ((line) => process.stderr.write(`${line}\n`));

  const write = (
    level: Level,
    message: string,
    context?: Record<string, unknown>,
  ) => {
    if (ORDER[level] < min) return;
    const entry = {
      t: new Date().toISOString(),
      level,
      name,
      message,
      ...redact(context),
    };
    sink(JSON.stringify(entry));
  };

  return {
    debug: (m, c) => write('debug', m, c),
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
    child: (child) => createLogger(`${name}.${child}`, { ...options, sink }),
  };
}

function levelFromEnv(): Level {
  const value = process.env.LOCKSTEP_LOG_LEVEL;
  return value === 'debug' || value === 'warn' || value === 'error'
    ? value
    : 'info';
}

function redact(context?: Record<string, unknown>): Record<string, unknown> {
  if (!context) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    // Ids that merely mention a secret's name (passwordId, pinState) are safe.
    const isSecret =
      SECRET_KEYS.test(key) && !/(Id|State|Length|Ms)$/.test(key);
    out[key] = isSecret ? '[redacted]' : value;
  }
  return out;
}
