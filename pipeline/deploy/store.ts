import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '#core/config'
import { SharedObjects, sharedBucketFromEnv, type SharedBucketConfig } from '../sharedBucket'
import type { MissionBucket } from './bucket'
import { headersFor, surrogateKeysFor } from './objects'

export type StoredEntry = { sha256: string; size: number }

/**
 * Content-addressed copy of every file ever deployed. A deployment record keeps only its
 * manifest (path → hash); rollback reads the bytes from here, so it re-deploys exactly what was
 * live even after dist/ was rebuilt. Identical files across deployments and missions are stored
 * once. Two homes: the local `DATA_DIR/deploy-store` (embedded default) and, with
 * S3_MEDIA_BUCKET set, the shared bucket (BucketContentStore), which every worker sees.
 */
export interface DeployStore {
  /** For messages: where the bytes are. */
  readonly where: string
  has(sha256: string): boolean | Promise<boolean>
  /** Stores `source` under its hash (no-op when it is there already). */
  put(source: string, sha256: string, size: number): void | Promise<void>
  /** Writes the stored bytes of `entry` as the mission's object `file`. */
  deliver(bucket: MissionBucket, file: string, entry: StoredEntry): Promise<void>
  /** Stores bytes made at deploy time (a page with the alert banner baked in) under their hash. */
  putBytes(bytes: Buffer, sha256: string): void | Promise<void>
  read(sha256: string): Buffer | Promise<Buffer>
  list(): AsyncIterable<{ sha256: string; size: number; modifiedMs: number }>
  remove(sha256s: string[]): Promise<void>
}

/** `DATA_DIR/deploy-store/<ab>/<sha256>` on this machine's disk. */
export class ContentStore implements DeployStore {
  constructor(readonly root = path.join(dataDir, 'deploy-store')) {}

  get where() {
    return this.root
  }

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
  deliver(bucket: MissionBucket, file: string, entry: StoredEntry) {
    return bucket.upload(file, this.pathOf(entry.sha256), entry.sha256, entry.size)
  }

  async *list() {
    let shards: string[] = []
    try {
      shards = readdirSync(this.root)
    } catch {
      return // no store yet: nothing was ever deployed from here
    }
    for (const shard of shards)
      for (const name of readdirSync(path.join(this.root, shard))) {
        const stat = statSync(path.join(this.root, shard, name))
        yield { sha256: name, size: stat.size, modifiedMs: stat.mtimeMs }
      }
  }

  async remove(sha256s: string[]) {
    for (const sha of sha256s) unlinkSync(this.pathOf(sha))
  }
}

/**
 * `<S3_STATE_PREFIX>deploy-store/<ab>/<sha256>` in the shared bucket. Deploys put each new file
 * here once and then copy it into the site server-side (CopyObject), so a rollback, on any
 * worker, is copies only: no bytes pass through the worker.
 */
export class BucketContentStore implements DeployStore {
  readonly objects: SharedObjects
  constructor(config: SharedBucketConfig) {
    this.objects = new SharedObjects(config, `${config.statePrefix}deploy-store/`)
  }

  get where() {
    return `s3://${this.objects.bucket}/${this.objects.prefix}`
  }

  private name(sha256: string) {
    return `${sha256.slice(0, 2)}/${sha256}`
  }

  async has(sha256: string) {
    return (await this.objects.head(this.name(sha256))) !== null
  }

  async put(source: string, sha256: string, size: number) {
    if (await this.has(sha256)) return
    await this.objects.put(this.name(sha256), createReadStream(source), 'application/octet-stream', size)
  }

  async deliver(bucket: MissionBucket, file: string, entry: StoredEntry) {
    const h = headersFor(file)
    await this.objects.copyTo(this.name(entry.sha256), {
      Bucket: bucket.config.bucket,
      Key: bucket.sitePrefix + file,
      ContentType: h.contentType,
      ContentLanguage: h.contentLanguage,
      CacheControl: h.cacheControl,
      // As MissionBucket.upload: the hash, and the surrogate keys a Fastly service reads (docs/cdn.md).
      Metadata: { sha256: entry.sha256, 'surrogate-key': surrogateKeysFor(bucket.code, file).join(' ') },
    })
  }

  async *list() {
    for await (const o of this.objects.list()) yield { sha256: path.posix.basename(o.name), size: o.size, modifiedMs: o.modifiedMs }
  }

  async putBytes(bytes: Buffer, sha256: string) {
    if (await this.has(sha256)) return
    await this.objects.put(this.name(sha256), bytes, 'application/octet-stream', bytes.length)
  }

  async read(sha256: string): Promise<Buffer> {
    const bytes = await this.objects.get(this.name(sha256))
    if (!bytes) throw new Error(`${sha256} is missing from the content store (${this.where})`)
    return bytes
  }

  async remove(sha256s: string[]) {
    await this.objects.delete(sha256s.map((s) => this.name(s)))
  }
}

/** This process's deploy store: the shared bucket's when S3_MEDIA_BUCKET is set, else the local one. */
export function defaultContentStore(): DeployStore {
  const shared = sharedBucketFromEnv()
  return shared ? new BucketContentStore(shared) : new ContentStore()
}
