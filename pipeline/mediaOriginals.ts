import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Media } from '#core/payload-types'
import { mediaDir } from '#core/config'
import { mediaCacheDir } from '#core/paths'
import type { SharedDerivativeCache } from '../media/derivatives'
import { SharedObjects, sharedBucketFromEnv } from './sharedBucket'

/**
 * Where the build reads uploaded originals from, and the derivative cache it shares: the
 * shared bucket when S3_MEDIA_BUCKET is set (every worker sees every upload), else the local
 * `DATA_DIR/media` that the embedded admin writes.
 */
export type MediaOriginals = {
  /** The original's bytes; throws naming `what` when the file is gone. */
  read(media: Pick<Media, 'filename'> & { prefix?: string | null }, what: string): Promise<Buffer>
  derivatives?: SharedDerivativeCache
}

const localOriginals: MediaOriginals = {
  read: async (media, what) => {
    const file = path.join(mediaDir, media.filename!)
    if (!existsSync(file)) throw new Error(`${what} "${media.filename}" is missing from the media store`)
    return readFileSync(file)
  },
}

function sharedOriginals(): MediaOriginals {
  const config = sharedBucketFromEnv()!
  const originals = new SharedObjects(config, '')
  const derivatives = new SharedObjects(config, `${config.statePrefix}derivatives/`)
  // Originals already fetched, by ETag: a rebuild asks the bucket only whether the object changed.
  const localCopies = path.join(mediaCacheDir, 'originals')
  return {
    async read(media, what) {
      // The plugin stores the folder without its trailing slash and joins it the same way (getStorageFilePath).
      const key = path.posix.join(media.prefix ?? config.mediaPrefix, media.filename!)
      const head = await originals.head(key)
      if (!head) throw new Error(`${what} "${media.filename}" is missing from the media store (s3://${config.bucket}/${key})`)
      const local = path.join(localCopies, `${head.etag.replace(/[^A-Za-z0-9-]/g, '')}-${path.basename(media.filename!)}`)
      if (existsSync(local)) return readFileSync(local)
      const body = await originals.get(key)
      if (!body) throw new Error(`${what} "${media.filename}" is missing from the media store (s3://${config.bucket}/${key})`)
      mkdirSync(localCopies, { recursive: true })
      writeFileSync(`${local}.tmp-${process.pid}`, body)
      renameSync(`${local}.tmp-${process.pid}`, local)
      return body
    },
    derivatives: {
      get: (name) => derivatives.get(name),
      put: (name, body, contentType) => derivatives.put(name, body, contentType, body.length),
    },
  }
}

let current: MediaOriginals | undefined
/** This process's media store, from the environment (read once). */
export const mediaOriginals = (): MediaOriginals => (current ??= sharedBucketFromEnv() ? sharedOriginals() : localOriginals)
