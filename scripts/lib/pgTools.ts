import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { pgBin, searchPath } from '#core/config'

export type PgTool = 'pg_dump' | 'pg_restore'

/**
 * Finds a PostgreSQL client program: $PG_BIN (only there when set), else PATH, then Debian's versioned folders
 * (/usr/lib/postgresql/<major>/bin, newest first). The embedded server ships without them.
 */
export function findPgTool(tool: PgTool): string {
  const candidates: string[] = []
  // PG_BIN, when set, is the only place looked at: the operator chose that version.
  const bin = pgBin()
  if (bin) candidates.push(path.join(bin, tool))
  else for (const dir of searchPath()) candidates.push(path.join(dir, tool))
  const debian = '/usr/lib/postgresql'
  if (!bin && existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, 'bin', tool))
  }
  const found = candidates.find((c) => existsSync(c) && spawnSync(c, ['--version']).status === 0)
  if (!found) {
    throw new Error(
      `${tool} was not found${bin ? ` in PG_BIN (${bin})` : ''}. Backups use PostgreSQL's own client tools (version 15 or newer). ` +
        `Install them (Debian/Ubuntu: apt-get install postgresql-client; macOS: brew install libpq) ` +
        `or set PG_BIN to the folder that contains ${tool}.`,
    )
  }
  return found
}

export function pgToolVersion(bin: string): string {
  return spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()
}

/** Runs a client tool with the connection in the environment (never on the command line, where `ps` shows it). */
export function runPgTool(bin: string, args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl)
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.searchParams.get('sslmode') ? { PGSSLMODE: url.searchParams.get('sslmode')! } : {}),
  }
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} failed (exit ${code}): ${stderr.trim()}`))))
  })
}
