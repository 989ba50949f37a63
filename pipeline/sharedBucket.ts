import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { s3ConfigFromEnv } from './deploy/config'

/**
 * The private bucket that holds what every admin and worker must share (docs/operations.md,
 * "Shared state"): uploaded originals under `S3_MEDIA_PREFIX` (written by @payloadcms/storage-s3),
 * and under `S3_STATE_PREFIX` the image derivative cache and the deploy store. It is never the
 * public face of anything: originals of unpublished media must not be readable by URL, so
 * readers only ever get media through the admin's access-checked `/api/media/file/…` or, once
 * published, from the site bucket. Unset `S3_MEDIA_BUCKET`: everything stays on the local disk.
 */
export type SharedBucketConfig = {
  bucket: string
  mediaPrefix: string
  statePrefix: string
  client: S3ClientConfig
}

const PREFIX = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/$/

export function sharedBucketFromEnv(env: NodeJS.ProcessEnv = process.env): SharedBucketConfig | undefined {
  if (!env.S3_MEDIA_BUCKET) return undefined
  const mediaPrefix = env.S3_MEDIA_PREFIX ?? 'media/'
  const statePrefix = env.S3_STATE_PREFIX ?? '_state/'
  for (const [name, value] of [
    ['S3_MEDIA_PREFIX', mediaPrefix],
    ['S3_STATE_PREFIX', statePrefix],
  ] as const)
    if (!PREFIX.test(value)) throw new Error(`${name} must be folder names ending in "/", e.g. "media/", got "${value}"`)
  if (mediaPrefix.startsWith(statePrefix) || statePrefix.startsWith(mediaPrefix))
    throw new Error(`S3_MEDIA_PREFIX ("${mediaPrefix}") and S3_STATE_PREFIX ("${statePrefix}") must not contain one another`)
  // Endpoint, region and credentials are the deploy bucket's (S3_ENDPOINT, S3_REGION, AWS_*).
  const s3 = s3ConfigFromEnv({ ...env, S3_BUCKET: env.S3_MEDIA_BUCKET, S3_PREFIX: '' })!
  return {
    bucket: env.S3_MEDIA_BUCKET,
    mediaPrefix,
    statePrefix,
    client: {
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: s3.forcePathStyle,
      credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
      maxAttempts: 3,
      // As for deploys (pipeline/deploy/bucket.ts): S3-compatible servers store aws-chunked framing as the bytes.
      ...(s3.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
    },
  }
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404
}

/** Small object operations on the shared bucket, keys relative to one prefix. */
export class SharedObjects {
  readonly client: S3Client
  constructor(
    readonly config: SharedBucketConfig,
    readonly prefix: string,
  ) {
    this.client = new S3Client(config.client)
  }

  get bucket() {
    return this.config.bucket
  }

  key(name: string) {
    return this.prefix + name
  }

  /** The object's bytes, or null when there is none. */
  async get(name: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(name) }))
      return Buffer.from(await res.Body!.transformToByteArray())
    } catch (error) {
      if (notFound(error)) return null
      throw error
    }
  }

  /** Size and ETag of the object, or null when there is none. */
  async head(name: string): Promise<{ size: number; etag: string } | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(name) }))
      return { size: res.ContentLength ?? 0, etag: (res.ETag ?? '').replaceAll('"', '') }
    } catch (error) {
      if (notFound(error)) return null
      throw error
    }
  }

  async put(name: string, body: Buffer | NodeJS.ReadableStream, contentType = 'application/octet-stream', size?: number) {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.key(name), Body: body as Buffer, ContentType: contentType, ContentLength: size }),
    )
  }

  /** Server-side copy of one of these objects to another bucket's key: the bytes never pass through this process. */
  async copyTo(name: string, target: Omit<ConstructorParameters<typeof CopyObjectCommand>[0], 'CopySource'>) {
    await this.client.send(new CopyObjectCommand({ ...target, CopySource: `${this.bucket}/${encodeURI(this.key(name))}`, MetadataDirective: 'REPLACE' }))
  }

  /** Every object under the prefix: name (relative), size and last modification. */
  async *list(under = ''): AsyncGenerator<{ name: string; size: number; modifiedMs: number }> {
    let token: string | undefined
    do {
      const res = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.key(under), ContinuationToken: token }))
      for (const o of res.Contents ?? [])
        if (o.Key) yield { name: o.Key.slice(this.prefix.length), size: o.Size ?? 0, modifiedMs: o.LastModified?.getTime() ?? 0 }
      token = res.IsTruncated ? res.NextContinuationToken : undefined
    } while (token)
  }

  async delete(names: string[]) {
    for (let i = 0; i < names.length; i += 1000) {
      const batch = names.slice(i, i + 1000)
      const res = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((n) => ({ Key: this.key(n) })), Quiet: true } }),
      )
      if (res.Errors?.length) throw new Error(`Could not delete ${res.Errors.length} object(s), e.g. ${res.Errors[0]!.Key}: ${res.Errors[0]!.Message}`)
    }
  }

  destroy() {
    this.client.destroy()
  }
}
