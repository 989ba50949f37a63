import { createReadStream } from 'node:fs'
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { S3Config } from './config'
import { CACHE_ALERTS, headersFor, surrogateKeysFor, type Manifest } from './objects'
import { alertFileName } from '#core/alertBanner'
import type { MissionHosts } from '#core/siteRouting'

/** What the bucket says is live for a mission: written last by every successful deploy. */
export type LiveManifest = Manifest & { deploymentId: number | null; deployedAt: string }

/**
 * One mission's slice of the bucket: site objects under `<prefix><code>/`, and the live
 * manifest under `<prefix>_deploy/<code>.json` (outside the site, so it is never purged or
 * linked, and a reader of the site cannot mistake it for a page).
 */
export class MissionBucket {
  readonly client: S3Client
  constructor(
    readonly config: S3Config,
    readonly code: string,
  ) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      maxAttempts: 3,
      // S3-compatible servers (s3rver, older MinIO/Ceph) do not decode the SDK's default
      // aws-chunked uploads with a trailing checksum and store the chunk framing as the object's
      // bytes; send plain bodies unless the API requires a checksum.
      ...(config.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
    })
  }

  get sitePrefix() {
    return `${this.config.prefix}${this.code}/`
  }
  get manifestKey() {
    return `${this.config.prefix}_deploy/${this.code}.json`
  }

  async readLiveManifest(): Promise<LiveManifest | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.manifestKey }))
      return JSON.parse(await res.Body!.transformToString()) as LiveManifest
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null
      throw error
    }
  }

  async writeLiveManifest(manifest: LiveManifest) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.manifestKey,
        Body: JSON.stringify(manifest),
        ContentType: 'application/json',
        CacheControl: 'no-store',
      }),
    )
  }

  /** `<prefix>_alerts/<code>.json`: the mission's alert file, read by the edge worker on every page. Outside the site, so deploys never delete it. */
  get alertKey() {
    return `${this.config.prefix}_alerts/${alertFileName(this.code)}`
  }

  async writeAlertFile(body: string) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.alertKey,
        Body: body,
        ContentType: 'application/json; charset=utf-8',
        CacheControl: CACHE_ALERTS,
      }),
    )
  }

  /** `<prefix>_deploy/hosts.json`: host → mission code of the missions on their own domain, for the edge worker's routing. */
  async writeHosts(hosts: MissionHosts) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: `${this.config.prefix}_deploy/hosts.json`,
        Body: JSON.stringify(hosts),
        ContentType: 'application/json',
        CacheControl: 'public, max-age=60',
      }),
    )
  }

  /** Relative paths of every object actually under the mission's prefix. */
  async listFiles(): Promise<string[]> {
    const files: string[] = []
    let token: string | undefined
    do {
      const res = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.sitePrefix, ContinuationToken: token }))
      for (const o of res.Contents ?? []) if (o.Key) files.push(o.Key.slice(this.sitePrefix.length))
      token = res.IsTruncated ? res.NextContinuationToken : undefined
    } while (token)
    return files
  }

  async upload(file: string, source: string, sha256: string, size: number) {
    const h = headersFor(file)
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.sitePrefix + file,
        Body: createReadStream(source),
        ContentLength: size,
        ContentType: h.contentType,
        ContentLanguage: h.contentLanguage,
        CacheControl: h.cacheControl,
        // A Fastly service copies x-amz-meta-surrogate-key into Surrogate-Key (docs/cdn.md), so purges can name keys.
        Metadata: { sha256, 'surrogate-key': surrogateKeysFor(this.code, file).join(' ') },
      }),
    )
  }

  async delete(files: string[]) {
    for (let i = 0; i < files.length; i += 1000) {
      const batch = files.slice(i, i + 1000)
      const res = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: batch.map((f) => ({ Key: this.sitePrefix + f })), Quiet: true } }),
      )
      if (res.Errors?.length) throw new Error(`Could not delete ${res.Errors.length} object(s), e.g. ${res.Errors[0]!.Key}: ${res.Errors[0]!.Message}`)
    }
  }

  destroy() {
    this.client.destroy()
  }
}
