import { pino, type DestinationStream, type Logger } from 'pino'
import { build as prettyStream } from 'pino-pretty'
import { logFormat, logLevel, nodeEnv, production } from '#core/config'

export type LogFormat = 'json' | 'pretty'

/**
 * JSON lines in production (for the log collector), readable coloured lines in development.
 * LOG_FORMAT=json|pretty and LOG_LEVEL override the defaults. Secrets never reach the log:
 * credentials, cookies and tokens are redacted wherever they appear one or two levels deep.
 */
export function createLogger(options: { format?: LogFormat; level?: string; destination?: DestinationStream } = {}): Logger {
  const format: LogFormat = options.format ?? logFormat() ?? (production() ? 'json' : 'pretty')
  const level = options.level ?? logLevel() ?? (nodeEnv() === 'test' ? 'warn' : 'info')
  const base = {
    level,
    name: 'mission-publisher',
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'cookie',
        '*.cookie',
        'headers.authorization',
        'headers.cookie',
      ],
      censor: '[redacted]',
    },
  }
  if (format === 'json') {
    return pino({ ...base, timestamp: pino.stdTimeFunctions.isoTime }, options.destination)
  }
  return pino(
    base,
    prettyStream({
      colorize: !options.destination,
      ignore: 'pid,hostname,name',
      translateTime: 'SYS:HH:MM:ss',
      sync: true,
      destination: options.destination ?? 1,
    }),
  )
}

/** The process-wide logger; Payload uses it too (payload.config.ts), so every line has one format. */
export const logger = createLogger()
