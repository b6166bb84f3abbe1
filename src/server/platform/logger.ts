import pino from "pino";

export type Logger = pino.Logger;

/** The structured JSON logger. */
export function createLogger(level: pino.LevelWithSilent = "info"): Logger {
  return pino({ level, base: undefined, redact: ["req.headers.authorization", "req.headers.cookie"] });
}
