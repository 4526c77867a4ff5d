/**
 * The logging surface the server needs. Deliberately tiny so a host can pass pino, winston or
 * `console` itself; tests pass {@link silentLogger} or a recorder.
 */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Logs to the console (stderr for warnings and errors). */
export const consoleLogger: Logger = {
  info: (message, meta) => (meta ? console.log(message, meta) : console.log(message)),
  warn: (message, meta) => (meta ? console.warn(message, meta) : console.warn(message)),
  error: (message, meta) => (meta ? console.error(message, meta) : console.error(message)),
};

/** Drops everything. */
export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
};
