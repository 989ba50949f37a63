import path from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import sharp, { type Metadata } from 'sharp'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { MAX_INPUT_PIXELS } from '../../media/derivatives'
import { slugify } from '../lib/slugify'

/** Largest upload accepted (bytes). The multipart parser aborts earlier at the same limit (payload.config.ts). */
export const MAX_UPLOAD_BYTES = 20_000_000

/** Image types we publish, keyed by the MIME type detected from the file's own bytes. */
export const allowedImageTypes: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
}

/** sharp's name for each allowed type, to check that the decoder agrees with the magic bytes. */
const sharpFormats: Record<string, string[]> = {
  'image/jpeg': ['jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/avif': ['heif'],
  'image/gif': ['gif'],
}

/**
 * Markers of a second format hidden in an image (polyglots): markup a browser would run if the
 * file were ever served as HTML/SVG, server-side scripts, and ZIP/JAR archives appended to images.
 */
const polyglotMarkers: { pattern: RegExp; what: string }[] = [
  { pattern: /<\s*(script|html|body|iframe|object|embed|svg[\s>/])/i, what: 'HTML/SVG markup' },
  { pattern: /<\?php/i, what: 'PHP code' },
  { pattern: /javascript\s*:/i, what: 'a javascript: URL' },
  { pattern: /PK\x03\x04/, what: 'a ZIP archive' },
]

export const URL_UPLOAD_REFUSED = 'Upload the image file itself; files are not fetched from a URL.'

/**
 * Upload config `externalFileHeaderFilter`: Payload calls it right before fetching a remote
 * file, so throwing here means no fetch ever leaves the server (the file would skip inspectUpload).
 */
export const refuseRemoteFetch = (): never => {
  throw new UploadRejected(URL_UPLOAD_REFUSED)
}

export class UploadRejected extends APIError {
  constructor(message: string, status = 400) {
    super(message, status, undefined, true) // isPublic: the client sees the message
    this.name = 'UploadRejected' // set explicitly: the admin build minifies class names (loggingLevels matches on it)
  }
}

/** Bytes after the format's end marker are a second file glued on (GIFAR, JPEG+ZIP, …). */
function trailingBytes(data: Buffer, mime: string): number {
  if (mime === 'image/jpeg') {
    const end = data.lastIndexOf(Buffer.from([0xff, 0xd9]))
    return end < 0 ? 0 : data.length - (end + 2)
  }
  if (mime === 'image/png') {
    const end = data.lastIndexOf(Buffer.from('IEND'))
    return end < 0 ? 0 : data.length - (end + 8) // "IEND" + 4-byte CRC
  }
  return 0
}

/**
 * A safe file name: the base name only (no directories, so no path traversal), Vietnamese
 * folded to ASCII, lowercase words joined by hyphens, and the extension of the detected type.
 */
export function normaliseUploadName(original: string, ext: string): string {
  const base = path.posix.basename(String(original ?? '').replaceAll('\\', '/'))
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base
  const slug = slugify(stem).slice(0, 80).replace(/-+$/, '')
  return `${slug || 'image'}.${ext}`
}

/**
 * Checks an uploaded file before Payload decodes or stores anything, and throws a 4xx with a
 * readable message when it is refused:
 * - the type comes from the file's magic bytes (never its name or the client's MIME type) and
 *   must be one of the published image types; SVG and everything else is refused;
 * - images that also carry markup, scripts or archives (polyglots) are refused;
 * - the pixel count is read from the header and refused above MAX_INPUT_PIXELS, before decoding;
 * - EXIF/XMP/IPTC (camera, GPS position) is stripped from the stored original, not only from derivatives;
 * - the file name is normalised.
 */
export async function inspectUpload(file: { data: Buffer; name: string; mimetype?: string; size?: number }) {
  const data = file.data
  if (!data?.length) throw new UploadRejected('The uploaded file is empty.')
  if (data.length > MAX_UPLOAD_BYTES) {
    throw new UploadRejected(`The file is too large (${(data.length / 1e6).toFixed(1)} MB); the limit is ${MAX_UPLOAD_BYTES / 1e6} MB.`, 413)
  }
  const detected = await fileTypeFromBuffer(data)
  const head = data.subarray(0, 4096).toString('latin1')
  if ((!detected || detected.mime === 'application/xml' || detected.mime.startsWith('text/')) && /<svg[\s>]/i.test(head)) {
    throw new UploadRejected('SVG files are not accepted: they can carry scripts. Upload a PNG or JPEG export instead.', 415)
  }
  if (!detected || !allowedImageTypes[detected.mime]) {
    throw new UploadRejected(
      `This file is not an accepted image (detected: ${detected?.mime ?? 'unknown or text'}). Accepted: JPEG, PNG, WebP, AVIF, GIF.`,
      415,
    )
  }
  const mime = detected.mime
  const text = data.toString('latin1')
  for (const { pattern, what } of polyglotMarkers) {
    if (pattern.test(text)) throw new UploadRejected(`The image also contains ${what}; such files are refused. Re-export the image and upload it again.`)
  }
  if (trailingBytes(data, mime) > 16) {
    throw new UploadRejected('The image has data appended after its end; such files are refused. Re-export the image and upload it again.')
  }

  let meta: Metadata
  try {
    // Reads the header only: nothing is decoded yet.
    meta = await sharp(data, { limitInputPixels: false }).metadata()
  } catch {
    throw new UploadRejected(`The file looks like ${allowedImageTypes[mime]!.toUpperCase()} but cannot be read as an image.`)
  }
  if (!sharpFormats[mime]!.includes(meta.format ?? '')) {
    throw new UploadRejected(`The file's content (${meta.format}) does not match its type (${mime}).`)
  }
  const width = meta.width ?? 0
  const height = (meta.pageHeight ?? meta.height) || 0
  if (!width || !height) throw new UploadRejected('The image has no readable size.')
  if (width * height > MAX_INPUT_PIXELS) {
    throw new UploadRejected(
      `The image is too large: ${width}×${height} pixels (${Math.round((width * height) / 1e6)} megapixels); the limit is ${MAX_INPUT_PIXELS / 1e6} megapixels.`,
      413,
    )
  }

  let output = data
  if (meta.exif || meta.xmp || meta.iptc) {
    // Re-encode without metadata; rotate() bakes in the EXIF orientation that is being dropped.
    try {
      const img = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, animated: mime === 'image/gif' || mime === 'image/webp' })
        .rotate()
        .keepIccProfile()
      const encoded =
        mime === 'image/jpeg'
          ? img.jpeg({ quality: 92, mozjpeg: true })
          : mime === 'image/png'
            ? img.png()
            : mime === 'image/webp'
              ? img.webp({ quality: 92 })
              : mime === 'image/avif'
                ? img.avif({ quality: 80 })
                : img.gif()
      output = await encoded.toBuffer()
    } catch {
      throw new UploadRejected('The image could not be decoded.')
    }
  }
  return { data: output, mimetype: mime, name: normaliseUploadName(file.name, allowedImageTypes[mime]!), width, height }
}

/** Collection hook (create/update with a file): replaces req.file with the checked, cleaned file. */
export const validateUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  // Payload would fetch `url` after this check ran (and strips url/filename from `args.data` before
  // hooks, so the request body is read): the file must come with the request. The upload
  // config's header filter refuses any fetch that gets past this (GraphQL), see Media.ts.
  const sent = [(req as { data?: unknown }).data, (args as { data?: unknown }).data] as ({ url?: unknown; filename?: unknown } | undefined)[]
  if (operation === 'create' && !file && !args.overrideAccess && sent.some((d) => typeof d?.url === 'string' && d.url && typeof d.filename === 'string')) {
    throw new UploadRejected(URL_UPLOAD_REFUSED)
  }
  if (!file) return args
  // Anonymous callers are refused by access control right after this hook: do not parse their files.
  if (!req.user && !args.overrideAccess) return args
  if (file.tempFilePath) throw new UploadRejected('Temporary-file uploads are not supported.', 500)
  const checked = await inspectUpload(file)
  req.file = { ...file, data: checked.data, mimetype: checked.mimetype, name: checked.name, size: checked.data.length }
  return args
}
