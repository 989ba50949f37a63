/**
 * npm run backup — one timestamped archive of the database and the uploaded media, plus a
 * SHA-256 checksum file, in backups/ (or BACKUP_DIR).
 *
 * The database is dumped first with pg_dump (one consistent snapshot, custom format); the media
 * are packed afterwards, so every file a dumped row points to is in the archive. Derived files
 * (media-cache, built sites) and secrets (payload-secret, demo credentials) are left out:
 * the former are rebuilt, the latter must not travel with backups.
 */
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync, existsSync, statSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { create as createTar } from 'tar'
import { openDatabase, type Database } from '../cms/db/embeddedPostgres'
import { backupDirFromEnv, dataDir, debug, mediaDir, payloadSecret } from '#core/config'
import { archiveMac, checksumFileOf, DUMP_FILE, listFiles, macFileOf, macLine, MANIFEST_FILE, sha256File, type BackupManifest } from './lib/backupFormat'
import { findPgTool, pgToolVersion, runPgTool } from './lib/pgTools'

const backupDir = backupDirFromEnv()

function timestamp(d = new Date()) {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-')
}

async function main() {
  const pgDump = findPgTool('pg_dump') // fail before touching anything when the tool is missing
  let db: Database | undefined
  const name = `mission-publisher-${timestamp()}`
  const staging = path.join(backupDir, `.${name}.staging`)
  const archive = path.join(backupDir, `${name}.tar.gz`)
  try {
    db = await openDatabase({ dataDir, mode: 'join', log: (l) => console.log(l) })
    const secret = payloadSecret() // keys the archive's HMAC (scripts/lib/backupFormat.ts); after openDatabase, which says whether it is the embedded one
    // Backups hold password hashes and unpublished drafts: readable by their owner only.
    mkdirSync(backupDir, { recursive: true, mode: 0o700 })
    mkdirSync(staging, { recursive: true })

    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const serverVersion = String((await client.query('SHOW server_version')).rows[0].server_version)
    await client.end()

    console.log(`Dumping the database (PostgreSQL ${serverVersion}) …`)
    await runPgTool(pgDump, ['--format=custom', '--no-owner', '--no-privileges', '--file', path.join(staging, DUMP_FILE)], db.url)
    await db.stop()
    db = undefined

    const mediaFiles = listFiles(mediaDir)
    console.log(`Packing ${mediaFiles.length} media files …`)
    const manifest: BackupManifest = {
      format: 'mission-publisher-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database: { file: DUMP_FILE, serverVersion, dumpedWith: pgToolVersion(pgDump), sha256: await sha256File(path.join(staging, DUMP_FILE)) },
      media: {},
    }
    for (const f of mediaFiles) manifest.media[f] = await sha256File(path.join(mediaDir, f))
    writeFileSync(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2))
    // The media folder is packed through a link instead of being copied (it can be large).
    mkdirSync(mediaDir, { recursive: true })
    symlinkSync(mediaDir, path.join(staging, 'media'), 'dir')

    const partial = `${archive}.partial`
    await createTar({ gzip: true, file: partial, cwd: staging, follow: true, portable: true, mode: 0o600 }, [MANIFEST_FILE, DUMP_FILE, 'media'])
    const digest = await sha256File(partial)
    const mac = await archiveMac(partial, secret)
    renameSync(partial, archive) // a crash never leaves something that looks like a finished backup
    writeFileSync(checksumFileOf(archive), `${digest}  ${path.basename(archive)}\n`, { mode: 0o600 })
    writeFileSync(macFileOf(archive), macLine(mac, archive), { mode: 0o600 })
    const mb = (statSync(archive).size / 1e6).toFixed(1)
    console.log(`Backup written: ${path.relative(process.cwd(), archive) || archive} (${mb} MB, ${mediaFiles.length} media files)`)
    console.log(`Checksum:       ${path.relative(process.cwd(), checksumFileOf(archive))} (sha256 ${digest})`)
    console.log(`Keyed checksum: ${path.relative(process.cwd(), macFileOf(archive))} (HMAC-SHA256 keyed with PAYLOAD_SECRET; restore needs the same secret)`)
    console.log(`archive=${archive}`)
  } finally {
    rmSync(staging, { recursive: true, force: true })
    rmSync(`${archive}.partial`, { force: true })
    await db?.stop()
  }
}

try {
  await main()
  process.exit(0)
} catch (error) {
  console.error(`\nbackup failed: ${error instanceof Error ? error.message : String(error)}`)
  if (debug()) console.error(error)
  if (!existsSync(backupDir)) console.error(`(no backup was written)`)
  process.exit(1)
}
