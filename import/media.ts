import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PayloadRequest } from 'payload'
import { MAX_UPLOAD_BYTES } from '../cms/hooks/validateUpload'

/**
 * Attachment files for hero images: from an offline copy of wp-content/uploads (--media-dir)
 * or fetched from their URL. Every file goes through the media collection's own upload checks
 * (cms/hooks/validateUpload.ts: images only, no SVG, size and pixel limits, metadata stripped);
 * a refused or unreachable file is reported and the item is imported without its image.
 */

const FETCH_TIMEOUT_MS = 20_000

export class MediaProblem extends Error {}

/** The file under mediaDir that an uploads URL names (…/wp-content/uploads/2019/05/a.jpg → 2019/05/a.jpg), or null if it would leave it. */
export function localFileFor(mediaDir: string, url: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://old-site.invalid').pathname)
  } catch {
    return null
  }
  const marker = '/wp-content/uploads/'
  const rel = pathname.includes(marker) ? pathname.slice(pathname.indexOf(marker) + marker.length) : path.posix.basename(pathname)
  const base = path.resolve(mediaDir)
  const file = path.resolve(base, rel)
  return file.startsWith(base + path.sep) ? file : null
}

export async function readAttachment(url: string, mediaDir: string | undefined): Promise<{ data: Buffer; name: string }> {
  const name = path.posix.basename(new URL(url, 'http://old-site.invalid').pathname) || 'image'
  if (mediaDir) {
    const file = localFileFor(mediaDir, url)
    if (!file) throw new MediaProblem(`${url} does not name a file inside --media-dir`)
    try {
      return { data: await readFile(file), name }
    } catch {
      throw new MediaProblem(`${url}: not found in --media-dir (${path.relative(path.resolve(mediaDir), file)})`)
    }
  }
  if (!/^https?:\/\//.test(url)) throw new MediaProblem(`${url}: not an http(s) address; give --media-dir for offline files`)
  let res: Response
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' })
  } catch (error) {
    throw new MediaProblem(`${url} is unreachable (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!res.ok) throw new MediaProblem(`${url} answered HTTP ${res.status}`)
  const length = Number(res.headers.get('content-length') ?? 0)
  if (length > MAX_UPLOAD_BYTES) throw new MediaProblem(`${url} is ${Math.round(length / 1e6)} MB; the upload limit is ${MAX_UPLOAD_BYTES / 1e6} MB`)
  const data = Buffer.from(await res.arrayBuffer())
  if (data.length > MAX_UPLOAD_BYTES) throw new MediaProblem(`${url} is larger than the upload limit of ${MAX_UPLOAD_BYTES / 1e6} MB`)
  return { data, name }
}

/** Uploads one image through the media collection (its checks decide), with its alt text in each locale. */
export async function uploadImage(req: PayloadRequest, file: { data: Buffer; name: string }, alt: Record<string, string>, caption?: string): Promise<number> {
  const [first, ...others] = Object.entries(alt)
  if (!first) throw new MediaProblem('no locale to describe the image in')
  let created: { id: number }
  try {
    created = await req.payload.create({
      collection: 'media',
      locale: first[0] as 'vi',
      data: { alt: first[1], ...(caption ? { caption } : {}) },
      file: { data: file.data, name: file.name, mimetype: '', size: file.data.length },
      overrideAccess: true,
      depth: 0,
      req,
    })
  } catch (error) {
    delete (req as { file?: unknown }).file
    throw new MediaProblem(`${file.name} refused by the upload checks: ${error instanceof Error ? error.message : String(error)}`)
  }
  // The Local API leaves the file on the shared request: the next write must not upload it again.
  delete (req as { file?: unknown }).file
  for (const [locale, text] of others) {
    await req.payload.update({ collection: 'media', id: created.id, locale: locale as 'vi', data: { alt: text }, overrideAccess: true, depth: 0, req })
  }
  return created.id
}
