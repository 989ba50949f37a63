import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../../core/config'

/**
 * Content-addressed copy of every file ever deployed: `DATA_DIR/deploy-store/<ab>/<sha256>`.
 * A deployment record keeps only its manifest (path → hash); rollback reads the bytes from
 * here, so it re-deploys exactly what was live even after dist/ was rebuilt. Identical files
 * across deployments and missions are stored once.
 */
export class ContentStore {
  constructor(readonly root = path.join(dataDir, 'deploy-store')) {}

  pathOf(sha256: string) {
    return path.join(this.root, sha256.slice(0, 2), sha256)
  }

  has(sha256: string) {
    return existsSync(this.pathOf(sha256))
  }

  /** Copies `source` in under its hash; a temp name + rename keeps a killed copy from looking complete. */
  put(source: string, sha256: string) {
    const target = this.pathOf(sha256)
    if (existsSync(target)) return
    mkdirSync(path.dirname(target), { recursive: true })
    const tmp = `${target}.tmp-${process.pid}`
    copyFileSync(source, tmp)
    renameSync(tmp, target)
  }

  /** Stores bytes made at deploy time (a page with the alert banner baked in) under their hash. */
  putBytes(bytes: Buffer, sha256: string) {
    const target = this.pathOf(sha256)
    if (existsSync(target)) return
    mkdirSync(path.dirname(target), { recursive: true })
    const tmp = `${target}.tmp-${process.pid}`
    writeFileSync(tmp, bytes)
    renameSync(tmp, target)
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256))
  }
}
