import { createHash } from 'node:crypto'
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
