import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** What a backup archive holds (manifest.json at its root). */
export type BackupManifest = {
  format: 'mission-publisher-backup'
  version: 1
  createdAt: string
  database: { file: 'database.dump'; serverVersion: string; dumpedWith: string; sha256: string }
  /** media/<relative path> → SHA-256, to check every file after extraction */
  media: Record<string, string>
}

export const DUMP_FILE = 'database.dump'
export const MANIFEST_FILE = 'manifest.json'

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

/** Regular files under `dir`, as sorted paths relative to it (symlinks and the like are skipped). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort()
}

/** The checksum file next to an archive, in `sha256sum -c` format. */
export const checksumFileOf = (archive: string) => `${archive}.sha256`

/**
 * The keyed checksum next to an archive (`<archive>.hmac`: "hmac-sha256 <hex>  <name>").
 * A plain SHA-256 proves only that the archive is intact: whoever can put a changed archive in
 * the backup folder can write its SHA-256 too. The HMAC is keyed with the installation's
 * PAYLOAD_SECRET (which never travels with a backup), so only an installation holding that
 * secret can produce an archive restore accepts; restoring elsewhere needs the same PAYLOAD_SECRET.
 */
export const macFileOf = (archive: string) => `${archive}.hmac`
const MAC_PURPOSE = 'mission-publisher backup archive v1'

export function archiveMac(file: string, secret: string): Promise<string> {
  // A key of its own, derived from the secret, so the MAC can never double as a session signature.
  const key = createHmac('sha256', secret).update(MAC_PURPOSE).digest()
  return new Promise((resolve, reject) => {
    const mac = createHmac('sha256', key)
    createReadStream(file)
      .on('data', (d) => mac.update(d))
      .on('error', reject)
      .on('end', () => resolve(mac.digest('hex')))
  })
}

export const macLine = (mac: string, archive: string) => `hmac-sha256 ${mac}  ${path.basename(archive)}\n`

/** Compares a MAC line's value with the computed one in constant time. */
export function macMatches(line: string, mac: string): boolean {
  const [kind, value] = line.trim().split(/\s+/)
  if (kind !== 'hmac-sha256' || !value || !/^[0-9a-f]{64}$/.test(value)) return false
  return timingSafeEqual(Buffer.from(value, 'hex'), Buffer.from(mac, 'hex'))
}

/**
 * Why an archive entry must not be extracted, or undefined when it is fine: only regular files
 * and folders, under manifest.json, database.dump or media/, with relative paths that stay
 * inside the target (no symlinks, hard links, devices, absolute paths or "..").
 */
export function archiveEntryProblem(entry: { path: string; type: string }): string | undefined {
  if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'Directory') return `"${entry.path}" is a ${entry.type}, not a file or folder`
  const p = entry.path.replaceAll('\\', '/')
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return `"${entry.path}" is an absolute path`
  const parts = p.split('/').filter((x) => x && x !== '.')
  if (parts.includes('..')) return `"${entry.path}" leads outside the restore folder`
  const top = parts[0]
  if (!(top === MANIFEST_FILE || top === DUMP_FILE || top === 'media') || (top !== 'media' && parts.length > 1))
    return `"${entry.path}" is not part of a backup`
  return undefined
}
