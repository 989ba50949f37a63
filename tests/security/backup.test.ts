import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { seed } from '../../cms/seed'
import { mediaDir } from '#core/config'
import { openEmbeddedPostgres } from '../../cms/db/embeddedPostgres'
import { listFiles } from '../../scripts/lib/backupFormat'
import { createTestPayload } from '../helpers/payload'
import { freePort } from '../helpers/globalSetup'

/**
 * `npm run backup` then `npm run restore` on the demo data, run as the real npm commands in
 * child processes, compared table by table (every collection, locale, version and job row)
 * and file by file.
 */
let payload: Payload
let close: () => Promise<void>
let sourceUrl: string
let archive: string
const root = process.env.MP_TEST_ROOT!
const backupDir = mkdtempSync(path.join(root, 'backups-'))
const projectRoot = path.resolve(import.meta.dirname, '../..')

function npm(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: projectRoot, env: { ...process.env, ...env, NODE_ENV: 'production' } })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, out }))
  })
}

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

/** Row count and a hash of every row's full text, per table; the order of rows does not matter. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await query<{ t: string }>(url, `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
  const result: Record<string, { rows: number; md5: string }> = {}
  for (const { t } of tables) {
    const [r] = await query<{ rows: string; md5: string }>(
      url,
      `SELECT count(*) AS rows, md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) AS md5 FROM (SELECT t::text AS x FROM public.${pg.escapeIdentifier(t)} t) s`,
    )
    result[t] = { rows: Number(r!.rows), md5: r!.md5 }
  }
  return result
}

const articlesPerLocale = (url: string) =>
  query(url, `SELECT _locale::text AS locale, count(*)::int AS n FROM articles_locales WHERE title IS NOT NULL GROUP BY 1 ORDER BY 1`)

function mediaHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  )
}

async function freshDatabase(): Promise<string> {
  const name = `r_${randomBytes(5).toString('hex')}`
  await query(process.env.MP_TEST_PG_URL!, `CREATE DATABASE ${name}`)
  const url = new URL(process.env.MP_TEST_PG_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(root, 'restore-'))
  chmodSync(dir, 0o755) // the embedded server runs as an unprivileged user when the tests run as root
  return dir
}

beforeAll(async () => {
  process.env.SEED_PASSWORD ??= 'demo-password-for-tests'
  ;({ payload, close, databaseUrl: sourceUrl } = await createTestPayload())
  await seed(payload, () => {})
})

afterAll(async () => {
  await close?.()
})

describe('backup', () => {
  it('writes one timestamped archive with a SHA-256 checksum file', async () => {
    const r = await npm(['backup'], { DATABASE_URL: sourceUrl, BACKUP_DIR: backupDir })
    expect(r.code, r.out).toBe(0)
    archive = /^archive=(.+)$/m.exec(r.out)![1]!.trim()
    expect(path.dirname(archive)).toBe(backupDir)
    expect(path.basename(archive)).toMatch(/^mission-publisher-\d{8}-\d{6}Z\.tar\.gz$/)
    const [sum, name] = readFileSync(`${archive}.sha256`, 'utf8').trim().split(/\s+/)
    expect(name).toBe(path.basename(archive))
    expect(sum).toBe(createHash('sha256').update(readFileSync(archive)).digest('hex'))
    expect(statSync(archive).mode & 0o077).toBe(0) // password hashes and drafts: owner only
  })
})

describe('restore', () => {
  it('into a fresh DATABASE_URL: every table, locale and media file identical', async () => {
    const target = await freshDatabase()
    const dataDir = freshDataDir()
    const r = await npm(['restore', '--', archive], { DATABASE_URL: target, DATA_DIR: dataDir })
    expect(r.code, r.out).toBe(0)

    const before = await fingerprint(sourceUrl)
    const after = await fingerprint(target)
    expect(Object.keys(before)).toContain('articles_locales')
    expect(before.articles!.rows).toBeGreaterThan(10)
    expect(after).toEqual(before)
    const perLocale = await articlesPerLocale(target)
    expect(perLocale.map((l) => l.locale)).toEqual(['ar', 'en', 'vi']) // ar: eg-cairo's Arabic demo articles
    expect(perLocale).toEqual(await articlesPerLocale(sourceUrl))

    const sourceMedia = mediaHashes(mediaDir)
    expect(Object.keys(sourceMedia).length).toBeGreaterThan(20)
    expect(mediaHashes(path.join(dataDir, 'media'))).toEqual(sourceMedia)
  })

  it('into an empty data directory (embedded PostgreSQL): identical article counts per locale', async () => {
    const dataDir = freshDataDir()
    const port = await freePort()
    const r = await npm(['restore', '--', archive], { DATABASE_URL: undefined, MP_EMBEDDED_DB: undefined, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) })
    expect(r.code, r.out).toBe(0)
    const db = await openEmbeddedPostgres({ dataDir, port, mode: 'own' })
    try {
      expect(await articlesPerLocale(db.url)).toEqual(await articlesPerLocale(sourceUrl))
      expect(await fingerprint(db.url)).toEqual(await fingerprint(sourceUrl))
    } finally {
      await db.stop()
    }
    expect(mediaHashes(path.join(dataDir, 'media'))).toEqual(mediaHashes(mediaDir))
  })

  it('refuses a database that already holds data unless --force, and then replaces it', async () => {
    const target = await freshDatabase()
    const dataDir = freshDataDir()
    expect((await npm(['restore', '--', archive], { DATABASE_URL: target, DATA_DIR: dataDir })).code).toBe(0)
    await query(target, `UPDATE articles_locales SET title = 'changed after the backup'`)
    const changed = await fingerprint(target)

    const refused = await npm(['restore', '--', archive], { DATABASE_URL: target, DATA_DIR: freshDataDir() })
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/target database already has \d+ tables .* pass --force/)
    expect(await fingerprint(target)).toEqual(changed)

    const mediaRefused = await npm(['restore', '--', archive], { DATABASE_URL: await freshDatabase(), DATA_DIR: dataDir })
    expect(mediaRefused.code).toBe(1)
    expect(mediaRefused.out).toMatch(/media folder .* already holds \d+ files/)

    const forced = await npm(['restore', '--', archive, '--force'], { DATABASE_URL: target, DATA_DIR: dataDir })
    expect(forced.code, forced.out).toBe(0)
    expect(await fingerprint(target)).toEqual(await fingerprint(sourceUrl))
  })

  it('refuses a damaged archive before touching the target', async () => {
    const damaged = path.join(backupDir, 'damaged.tar.gz')
    const bytes = readFileSync(archive)
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    writeFileSync(damaged, bytes)
    writeFileSync(`${damaged}.sha256`, readFileSync(`${archive}.sha256`, 'utf8').replace(path.basename(archive), 'damaged.tar.gz'))
    const target = await freshDatabase()
    const dataDir = freshDataDir()
    const r = await npm(['restore', '--', damaged], { DATABASE_URL: target, DATA_DIR: dataDir })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/does not match its checksum/)
    expect(await fingerprint(target)).toEqual({})
    expect(existsSync(path.join(dataDir, 'media'))).toBe(false)
  })

  it('says clearly when pg_dump is missing', async () => {
    const emptyBin = mkdtempSync(path.join(root, 'nobin-'))
    const r = await npm(['backup'], { DATABASE_URL: sourceUrl, BACKUP_DIR: backupDir, PG_BIN: emptyBin })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/pg_dump was not found.*apt-get install postgresql-client/s)
  })
})
