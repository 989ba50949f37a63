import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp, { type Sharp } from 'sharp'
import { responsiveWidths } from './sizes'

export type Derivatives = {
  hash: string
  width: number
  height: number
  /** file names inside the cache folder, grouped by MIME type, with their widths */
  files: { type: 'image/avif' | 'image/webp' | 'image/jpeg'; width: number; name: string }[]
  og: string
}

const formats = [
  { type: 'image/avif', ext: 'avif', apply: (s: Sharp) => s.avif({ quality: 55, effort: 2 }) },
  { type: 'image/webp', ext: 'webp', apply: (s: Sharp) => s.webp({ quality: 78 }) },
  { type: 'image/jpeg', ext: 'jpg', apply: (s: Sharp) => s.jpeg({ quality: 80, mozjpeg: true }) },
] as const

/** Refuse decompression bombs before decoding: 50 megapixels is far above any photo we publish. */
export const MAX_INPUT_PIXELS = 50_000_000

/**
 * A cache shared by every worker (the shared bucket, pipeline/sharedBucket.ts), keyed
 * `<hash>/<file>`: a worker with an empty disk downloads what another one encoded.
 */
export type SharedDerivativeCache = {
  get(name: string): Promise<Buffer | null>
  put(name: string, body: Buffer, contentType: string): Promise<void>
}

const typeOf = (name: string) =>
  name.endsWith('.avif') ? 'image/avif' : name.endsWith('.webp') ? 'image/webp' : name.endsWith('.json') ? 'application/json' : 'image/jpeg'

/** Moves a complete temp folder into place: atomic, so a crash never leaves a half-written cache entry. */
function install(tmp: string, dir: string) {
  mkdirSync(path.dirname(dir), { recursive: true })
  try {
    renameSync(tmp, dir)
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true })
    if (!existsSync(path.join(dir, 'manifest.json'))) throw error // else another process won the race; its copy is identical
  }
}

/** The entry from the shared cache into `dir`, or null when the shared cache has none (or only part of one). */
async function fetchShared(shared: SharedDerivativeCache, hash: string, dir: string): Promise<Derivatives | null> {
  const manifest = await shared.get(`${hash}/manifest.json`)
  if (!manifest) return null
  const result = JSON.parse(manifest.toString('utf8')) as Derivatives
  const tmp = `${dir}.tmp-${process.pid}`
  mkdirSync(tmp, { recursive: true })
  for (const name of [...result.files.map((f) => f.name), result.og]) {
    const body = await shared.get(`${hash}/${name}`)
    if (!body) {
      rmSync(tmp, { recursive: true, force: true })
      return null // pruned or damaged: encode again
    }
    writeFileSync(path.join(tmp, name), body)
  }
  writeFileSync(path.join(tmp, 'manifest.json'), manifest)
  install(tmp, dir)
  return result
}

/**
 * Responsive AVIF/WebP/JPEG derivatives and a 1200×630 Open Graph crop of one image,
 * generated once and cached by the source's content hash (a rebuild never re-encodes) in
 * `cacheRoot` and, when given, in the shared cache too: a fresh worker downloads them instead.
 * Metadata (EXIF, GPS) is not copied into derivatives: sharp drops it unless asked.
 */
export async function deriveImage(
  source: string | Buffer,
  cacheRoot: string,
  focal?: { x?: number | null; y?: number | null },
  shared?: SharedDerivativeCache,
): Promise<Derivatives & { origin: 'disk' | 'shared' | 'encoded' }> {
  const input = typeof source === 'string' ? readFileSync(source) : source
  const label = typeof source === 'string' ? path.basename(source) : 'from the media store'
  const focalKey = `${focal?.x ?? 50}:${focal?.y ?? 50}`
  const hash = createHash('sha256').update(input).update(focalKey).digest('hex').slice(0, 16)
  const dir = path.join(cacheRoot, hash)
  const manifestFile = path.join(dir, 'manifest.json')
  if (existsSync(manifestFile)) return { ...(JSON.parse(readFileSync(manifestFile, 'utf8')) as Derivatives), origin: 'disk' }
  const fetched = shared && (await fetchShared(shared, hash, dir))
  if (fetched) return { ...fetched, origin: 'shared' }

  const tmp = `${dir}.tmp-${process.pid}`
  mkdirSync(tmp, { recursive: true })
  const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate()
  const meta = await base.metadata()
  const srcWidth = meta.autoOrient?.width ?? meta.width ?? 0
  const srcHeight = meta.autoOrient?.height ?? meta.height ?? 0
  if (!srcWidth || !srcHeight) throw new Error(`Image ${label} has no readable size`)

  const widths = [...new Set(responsiveWidths.map((w) => Math.min(w, srcWidth)))]
  const files: Derivatives['files'] = []
  for (const width of widths) {
    for (const f of formats) {
      const name = `${hash}-${width}.${f.ext}`
      await f.apply(base.clone().resize({ width, withoutEnlargement: true })).toFile(path.join(tmp, name))
      files.push({ type: f.type, width, name })
    }
  }
  // Open Graph card: crop around the editor's focal point instead of the centre.
  const scale = Math.max(1200 / srcWidth, 630 / srcHeight)
  const scaledW = Math.round(srcWidth * scale)
  const scaledH = Math.round(srcHeight * scale)
  const left = Math.min(Math.max(0, Math.round(((focal?.x ?? 50) / 100) * scaledW - 600)), scaledW - 1200)
  const top = Math.min(Math.max(0, Math.round(((focal?.y ?? 50) / 100) * scaledH - 315)), scaledH - 630)
  const og = `${hash}-og.jpg`
  await base.clone().resize(scaledW, scaledH).extract({ left, top, width: 1200, height: 630 }).jpeg({ quality: 82 }).toFile(path.join(tmp, og))

  const result: Derivatives = { hash, width: srcWidth, height: srcHeight, files, og }
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(result))
  if (shared) {
    // The manifest last: an entry is in the shared cache only once all its files are.
    for (const name of [...files.map((f) => f.name), og, 'manifest.json']) await shared.put(`${hash}/${name}`, readFileSync(path.join(tmp, name)), typeOf(name))
  }
  install(tmp, dir)
  return { ...result, origin: 'encoded' }
}
