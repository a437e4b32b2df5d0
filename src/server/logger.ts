// The process's one logger. It starts at a fixed level and main sets the level from the checked
// environment (setLogLevel): reading LOG_LEVEL here, before the check, let a wrong value crash pino
// at import with a stack trace instead of the environment check's one line.
import pino, { type Level } from 'pino';

export const logger = pino({ level: process.env.VITEST ? 'silent' : 'info' });

export function setLogLevel(level: Level | 'silent'): void {
  logger.level = level;
}
