import pg from 'pg'

type HealthClient = { client: pg.Client; ready: Promise<unknown> }
const clients = new Map<string, HealthClient>()

/**
 * The health check's own database connection, one per process and database, outside Payload's
 * pool: a monitor must get an answer when every pooled connection is busy — that is when it
 * matters most. Reconnects on the next check after an error.
 */
function healthClient(connectionString: string): HealthClient {
  let entry = clients.get(connectionString)
  if (!entry) {
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 3_000,
      statement_timeout: 3_000,
      query_timeout: 4_000,
      application_name: 'mission-publisher health',
    })
    const drop = () => {
      if (clients.get(connectionString)?.client === client) clients.delete(connectionString)
      void client.end().catch(() => {})
    }
    client.on('error', drop)
    entry = { client, ready: client.connect().catch((error: unknown) => (drop(), Promise.reject(error))) }
    clients.set(connectionString, entry)
  }
  return entry
}

/** Ends this process's health connection to `connectionString` (cms/db/closePayload.ts). */
export async function closeHealthConnection(connectionString: string | undefined) {
  const entry = connectionString ? clients.get(connectionString) : undefined
  if (!entry) return
  clients.delete(connectionString!)
  await entry.client.end().catch(() => {})
}

export async function healthQuery<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const entry = healthClient(connectionString)
  await entry.ready
  try {
    return (await entry.client.query<T>(sql)).rows
  } catch (error) {
    entry.client.emit('error', error) // a broken connection is replaced on the next check
    throw error
  }
}
