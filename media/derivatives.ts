import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
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
 * Responsive AVIF/WebP/JPEG derivatives and a 1200×630 Open Graph crop of one image,
 * generated once and cached by the source's content hash (a rebuild never re-encodes).
 * Metadata (EXIF, GPS) is not copied into derivatives: sharp drops it unless asked.
 */
export async function deriveImage(sourceFile: string, cacheRoot: string, focal?: { x?: number | null; y?: number | null }): Promise<Derivatives> {
  const input = readFileSync(sourceFile)
  const focalKey = `${focal?.x ?? 50}:${focal?.y ?? 50}`
  const hash = createHash('sha256').update(input).update(focalKey).digest('hex').slice(0, 16)
  const dir = path.join(cacheRoot, hash)
  const manifestFile = path.join(dir, 'manifest.json')
  if (existsSync(manifestFile)) return JSON.parse(readFileSync(manifestFile, 'utf8')) as Derivatives

  const tmp = `${dir}.tmp-${process.pid}`
  mkdirSync(tmp, { recursive: true })
  const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate()
  const meta = await base.metadata()
  const srcWidth = meta.autoOrient?.width ?? meta.width ?? 0
  const srcHeight = meta.autoOrient?.height ?? meta.height ?? 0
  if (!srcWidth || !srcHeight) throw new Error(`Image ${path.basename(sourceFile)} has no readable size`)

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
  mkdirSync(path.dirname(dir), { recursive: true })
  try {
    renameSync(tmp, dir) // atomic: a crash never leaves a half-written cache entry
  } catch (error) {
    if (!existsSync(manifestFile)) throw error // another process won the race; its copy is identical
  }
  return result
}
