/**
 * npm run restore -- <archive> [--force]
 *
 * Restores a backup made by `npm run backup` into DATABASE_URL, or (unset) into the embedded
 * server in DATA_DIR, which is created when the data directory is empty. Refuses a target that
 * already holds data unless --force is given. Order of work, so a failure leaves nothing
 * half-restored: verify the archive checksum → extract next to the media folder → verify every
 * file against the manifest → restore the database in one transaction → swap the media folder in.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { extract, list } from 'tar'
import { openDatabase, runningPostmaster, type Database } from '../cms/db/embeddedPostgres'
import { databaseUrl, dataDir, debug, embeddedDatabase, mediaDir, payloadSecretFromEnv } from '#core/config'
import {
  archiveEntryProblem,
  archiveMac,
  checksumFileOf,
  DUMP_FILE,
  listFiles,
  macFileOf,
  macMatches,
  MANIFEST_FILE,
  sha256File,
  type BackupManifest,
} from './lib/backupFormat'
import { findPgTool, runPgTool } from './lib/pgTools'

class Refused extends Error {}

const args = process.argv.slice(2)
const force = args.includes('--force')
const archiveArg = args.find((a) => !a.startsWith('--'))

/** The secret the archive's HMAC is keyed with: PAYLOAD_SECRET, else the data directory's generated one. */
function installationSecret(): string {
  const secret = payloadSecretFromEnv()
  if (secret) return secret
  const file = path.join(dataDir, 'payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  throw new Refused(
    'Backups are checked with the PAYLOAD_SECRET of the installation that made them: set PAYLOAD_SECRET, or copy its .data/payload-secret into DATA_DIR. Nothing was restored.',
  )
}

async function verifyChecksum(archive: string) {
  // The plain SHA-256 (optional) tells damage apart from forgery in the message.
  const sumFile = checksumFileOf(archive)
  if (existsSync(sumFile)) {
    const expected = readFileSync(sumFile, 'utf8').trim().split(/\s+/)[0]
    const actual = await sha256File(archive)
    if (expected !== actual)
      throw new Refused(`The archive does not match its checksum (expected ${expected}, got ${actual}): it is damaged or was changed. Nothing was restored.`)
  }
  const macFile = macFileOf(archive)
  if (!existsSync(macFile))
    throw new Refused(
      `The keyed checksum ${path.basename(macFile)} is missing next to the archive; it proves the archive was made by this installation. Nothing was restored.`,
    )
  if (!macMatches(readFileSync(macFile, 'utf8'), await archiveMac(archive, installationSecret()))) {
    throw new Refused(
      `The archive does not match its keyed checksum (${path.basename(macFile)}): it was changed, or made with another PAYLOAD_SECRET. Set the PAYLOAD_SECRET of the installation that made it. Nothing was restored.`,
    )
  }
}

/** Lists the archive before extracting anything: one symlink, hard link or stray path refuses it whole. */
async function verifyEntries(archive: string) {
  const problems: string[] = []
  await list({
    file: archive,
    onReadEntry: (entry) => {
      const problem = archiveEntryProblem({ path: entry.path, type: entry.type })
      if (problem) problems.push(problem)
    },
  })
  if (problems.length)
    throw new Refused(
      `The archive holds entries a backup never has (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}). Nothing was restored.`,
    )
}

async function userTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const r = await client.query(
      `SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    )
    return r.rows.map((row) => row.t as string)
  } finally {
    await client.end()
  }
}

async function main() {
  if (!archiveArg) throw new Refused('Usage: npm run restore -- <archive.tar.gz> [--force]')
  const archive = path.resolve(archiveArg)
  if (!existsSync(archive)) throw new Refused(`No such archive: ${archiveArg}`)
  const pgRestore = findPgTool('pg_restore')

  console.log('Checking the archive checksum …')
  await verifyChecksum(archive)
  await verifyEntries(archive)

  mkdirSync(dataDir, { recursive: true })
  // Extracted next to the media folder so it can be moved in with a rename (same file system).
  const work = path.join(dataDir, `.restore-${process.pid}`)
  let db: Database | undefined
  try {
    rmSync(work, { recursive: true, force: true })
    mkdirSync(work, { recursive: true })
    // Checked above; tar also refuses absolute paths and '..' itself, and the filter extracts files and folders only.
    await extract({ file: archive, cwd: work, strict: true, filter: (p, entry) => !archiveEntryProblem({ path: p, type: (entry as { type: string }).type }) })
    const manifestFile = path.join(work, MANIFEST_FILE)
    if (!existsSync(manifestFile)) throw new Refused('This is not a Mission Publisher backup (no manifest.json inside).')
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest
    if (manifest.format !== 'mission-publisher-backup' || manifest.version !== 1)
      throw new Refused(`Unsupported backup format ${manifest.format} v${manifest.version}.`)
    if ((await sha256File(path.join(work, DUMP_FILE))) !== manifest.database.sha256) throw new Refused('The database dump inside the archive is damaged.')
    const extracted = listFiles(path.join(work, 'media'))
    const expected = Object.keys(manifest.media).sort()
    if (JSON.stringify(extracted) !== JSON.stringify(expected)) throw new Refused('The media files inside the archive do not match its manifest.')
    for (const f of expected) {
      if ((await sha256File(path.join(work, 'media', f))) !== manifest.media[f]) throw new Refused(`The media file ${f} inside the archive is damaged.`)
    }
    console.log(`Archive of ${manifest.createdAt}: database (PostgreSQL ${manifest.database.serverVersion}) and ${expected.length} media files, all intact.`)

    const existingMedia = listFiles(mediaDir)
    if (existingMedia.length && !force) {
      throw new Refused(
        `The media folder ${mediaDir} already holds ${existingMedia.length} files. Restore into an empty data directory, or pass --force to replace them.`,
      )
    }
    const embedded = !(databaseUrl() && !embeddedDatabase())
    if (embedded && runningPostmaster(path.join(dataDir, 'postgres'))) {
      // Restoring under a running `npm start` would swap data out from under it.
      throw new Refused(`The embedded database in ${dataDir} is in use (is "npm start" running?). Stop it first; nothing was changed.`)
    }
    db = await openDatabase({ dataDir, mode: 'own', log: (l) => console.log(l) })
    const tables = await userTables(db.url)
    if (tables.length && !force) {
      throw new Refused(
        `The target database already has ${tables.length} tables (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}). ` +
          `Restore into an empty database, or pass --force to replace its contents. Nothing was changed.`,
      )
    }
    // One transaction: with --force the old objects are dropped and the backup's created together,
    // so a failed restore leaves the target as it was.
    if (tables.length) console.log(`--force: replacing the contents of the ${tables.length} tables of the target database …`)
    console.log('Restoring the database …')
    await runPgTool(
      pgRestore,
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        ...(tables.length ? ['--clean', '--if-exists'] : []),
        '--dbname',
        new URL(db.url).pathname.slice(1),
        path.join(work, DUMP_FILE),
      ],
      db.url,
    )

    let keptAside: string | undefined
    if (existsSync(mediaDir)) {
      keptAside = existingMedia.length ? `${mediaDir}.before-restore-${Date.now()}` : undefined
      if (keptAside) renameSync(mediaDir, keptAside)
      else rmSync(mediaDir, { recursive: true, force: true })
    }
    mkdirSync(path.join(work, 'media'), { recursive: true })
    renameSync(path.join(work, 'media'), mediaDir)
    console.log(`Restored the database and ${expected.length} media files into ${embedded ? dataDir : 'DATABASE_URL'}.`)
    if (keptAside) console.log(`The previous media files were moved to ${keptAside}; delete it once you have checked the restore.`)
  } finally {
    rmSync(work, { recursive: true, force: true })
    await db?.stop()
  }
}

try {
  await main()
  process.exit(0)
} catch (error) {
  console.error(`\nrestore failed: ${error instanceof Error ? error.message : String(error)}`)
  if (debug() && !(error instanceof Refused)) console.error(error)
  process.exit(1)
}
