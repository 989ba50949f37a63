import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { create as createTar } from 'tar'
import { describe, expect, it } from 'vitest'
import { archiveMac, macLine } from '../../scripts/lib/backupFormat'
import { findPgTool, runPgTool } from '../../scripts/lib/pgTools'

/**
 * `npm run restore` on archives nobody made with `npm run backup`: one carrying a symlink in
 * media/ (pointing at a file outside the data directory) and one whose checksum is right but
 * unkeyed. Both are refused before anything is extracted or restored.
 */
const root = process.env.MP_TEST_ROOT!
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

async function freshDatabase(): Promise<string> {
  const name = `x_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: process.env.MP_TEST_PG_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(process.env.MP_TEST_PG_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

async function tables(url: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n as number
  } finally {
    await c.end()
  }
}

/** A well-formed archive (manifest, a real dump with one table) whose media/ holds a symlink to `linkTarget`. */
async function forgedArchive(linkTarget: string) {
  const dir = mkdtempSync(path.join(root, 'forged-'))
  const source = await freshDatabase()
  const c = new pg.Client({ connectionString: source })
  await c.connect()
  await c.query('CREATE TABLE planted (x int)')
  await c.end()
  const stage = path.join(dir, 'stage')
  mkdirSync(path.join(stage, 'media'), { recursive: true })
  await runPgTool(findPgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', '--file', path.join(stage, 'database.dump')], source)
  symlinkSync(linkTarget, path.join(stage, 'media', 'logo.png'))
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')
  const manifest = {
    format: 'mission-publisher-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: { file: 'database.dump', serverVersion: '15', dumpedWith: 'pg_dump', sha256: sha(path.join(stage, 'database.dump')) },
    media: {},
  }
  writeFileSync(path.join(stage, 'manifest.json'), JSON.stringify(manifest))
  const archive = path.join(dir, 'forged.tar.gz')
  // No `follow`: the symlink goes into the archive as a link, as an attacker would pack it.
  await createTar({ gzip: true, file: archive, cwd: stage, portable: true }, ['manifest.json', 'database.dump', 'media'])
  writeFileSync(`${archive}.sha256`, `${sha(archive)}  forged.tar.gz\n`)
  return archive
}

function freshDataDir() {
  const dir = mkdtempSync(path.join(root, 'restore-target-'))
  chmodSync(dir, 0o755)
  return dir
}

describe('restore refuses archives it did not make', () => {
  it('an archive with a correct but unkeyed checksum (no HMAC with this installation’s secret)', async () => {
    const archive = await forgedArchive('/etc/hostname')
    const target = await freshDatabase()
    const dataDir = freshDataDir()
    const r = await npm(['restore', '--', archive], { DATABASE_URL: target, DATA_DIR: dataDir })
    expect(r.code, r.out).toBe(1)
    expect(r.out).toMatch(/keyed checksum forged\.tar\.gz\.hmac is missing/)
    expect(await tables(target)).toBe(0)
    expect(existsSync(path.join(dataDir, 'media'))).toBe(false)
    // A MAC made with another secret is refused the same way.
    writeFileSync(`${archive}.hmac`, macLine(await archiveMac(archive, 'someone-elses-secret'), archive))
    const other = await npm(['restore', '--', archive], { DATABASE_URL: target, DATA_DIR: dataDir })
    expect(other.code, other.out).toBe(1)
    expect(other.out).toMatch(/does not match its keyed checksum/)
    expect(await tables(target)).toBe(0)
  })

  it('an archive carrying a symlink, even with a valid HMAC: nothing extracted, nothing restored', async () => {
    const archive = await forgedArchive('/etc/hostname')
    writeFileSync(`${archive}.hmac`, macLine(await archiveMac(archive, process.env.PAYLOAD_SECRET!), archive))
    const target = await freshDatabase()
    const dataDir = freshDataDir()
    const r = await npm(['restore', '--', archive], { DATABASE_URL: target, DATA_DIR: dataDir })
    expect(r.code, r.out).toBe(1)
    expect(r.out).toMatch(/"media\/logo\.png" is a SymbolicLink/)
    expect(await tables(target)).toBe(0)
    const media = path.join(dataDir, 'media')
    if (existsSync(media)) for (const f of readdirSync(media)) expect(lstatSync(path.join(media, f)).isSymbolicLink()).toBe(false)
    expect(readdirSync(dataDir).filter((f) => f.startsWith('.restore-'))).toEqual([])
  })
})
