import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { deriveImage } from '../../media/derivatives'
import { mediaDir } from '#core/config'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import { loginOverHttp, startApiServer } from '../helpers/apiServer'
import { elfExecutable, hasGps, jpegHtmlPolyglot, photo, photoWithGps, pngBomb, pngZipPolyglot, svgWithScript, windowsExecutable } from './corpus'

/**
 * The upload corpus over real HTTP, as the demo press officer of au-canberra would send it
 * from the admin (POST /api/media, multipart, alt text in `_payload`).
 */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let auth: string
const password = 'press-officer-password-1'
const testRoot = process.env.MP_TEST_ROOT!

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort()
}

/** Every file the test run owns outside the database, and the media rows. */
async function snapshot() {
  const files = filesUnder(testRoot).filter((f) => !f.startsWith(path.join(testRoot, 'pg')))
  const rows = (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs
  return { rows, files }
}

async function upload(name: string, bytes: Buffer, type: string, headers: Record<string, string> = { Authorization: auth }) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: 'Ảnh thử nghiệm' }))
  const res = await fetch(`${api.url}/api/media?locale=vi`, { method: 'POST', body: form, headers })
  const body = (await res.json().catch(() => ({}))) as { doc?: Record<string, unknown>; errors?: { message: string }[]; message?: string }
  return { status: res.status, body, message: body.errors?.map((e) => e.message).join(' ') ?? body.message ?? '' }
}

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  const mission = await createMission(payload, 'au-canberra', { name: 'Đại sứ quán' })
  await payload.create({
    collection: 'users',
    data: { email: 'press.au-canberra@example.org', password, name: 'Press officer', memberships: [{ mission: mission.id, role: 'press-officer' }] },
    overrideAccess: true,
  })
  api = await startApiServer(payload)
  auth = await loginOverHttp(api.url, 'press.au-canberra@example.org', password)
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('refused uploads: 4xx, a clear message, no row and no file left behind', () => {
  const cases: { name: string; file: () => Promise<Buffer> | Buffer; filename: string; type: string; status: number; message: RegExp }[] = [
    { name: 'SVG with a script', file: () => svgWithScript, filename: 'logo.svg', type: 'image/svg+xml', status: 415, message: /SVG files are not accepted/ },
    {
      name: 'SVG renamed .png and sent as image/png',
      file: () => svgWithScript,
      filename: 'logo.png',
      type: 'image/png',
      status: 415,
      message: /SVG files are not accepted/,
    },
    {
      name: 'Linux executable renamed .jpg',
      file: () => elfExecutable,
      filename: 'holiday.jpg',
      type: 'image/jpeg',
      status: 415,
      message: /not an accepted image \(detected: application\/x-elf\)/,
    },
    {
      name: 'Windows executable renamed .jpg',
      file: windowsExecutable,
      filename: 'photo.jpg',
      type: 'image/jpeg',
      status: 415,
      message: /not an accepted image/,
    },
    {
      name: 'plain text renamed .jpg',
      file: () => Buffer.from('just some text, not an image'),
      filename: 'notes.jpg',
      type: 'image/jpeg',
      status: 415,
      message: /not an accepted image \(detected: unknown or text\)/,
    },
    { name: 'JPEG/HTML polyglot', file: jpegHtmlPolyglot, filename: 'poly.jpg', type: 'image/jpeg', status: 400, message: /contains HTML\/SVG markup/ },
    { name: 'PNG with a ZIP archive appended', file: pngZipPolyglot, filename: 'gifar.png', type: 'image/png', status: 400, message: /contains a ZIP archive/ },
    {
      name: '20000×20000 PNG decompression bomb',
      file: () => pngBomb(20_000, 20_000),
      filename: 'bomb.png',
      type: 'image/png',
      status: 413,
      message: /20000×20000 pixels .* limit is 50 megapixels/,
    },
    {
      name: 'truncated JPEG (header only)',
      file: async () => (await photo()).subarray(0, 40),
      filename: 'cut.jpg',
      type: 'image/jpeg',
      status: 400,
      message: /cannot be read as an image|no readable size/,
    },
  ]

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const before = await snapshot()
      const res = await upload(c.filename, await c.file(), c.type)
      expect(res.status, res.message).toBe(c.status)
      expect(res.message).toMatch(c.message)
      expect(await snapshot()).toEqual(before)
    })
  }

  it('refuses a file over the 20 MB limit while reading it (multipart parser), and a body over the request limit before parsing', async () => {
    const before = await snapshot()
    const justOver = await upload('big.jpg', Buffer.alloc(20_500_000, 0xff), 'image/jpeg')
    expect(justOver.status).toBe(413)
    expect(justOver.message).toMatch(/too large; the limit is 20 MB/)
    const huge = await upload('huge.jpg', Buffer.alloc(40_000_000, 0xff), 'image/jpeg')
    expect(huge.status).toBe(413)
    expect(huge.message).toMatch(/request body is too large/)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses an upload without a login (access control answers before the file is looked at)', async () => {
    const before = await snapshot()
    const res = await upload('anon.jpg', await photo(), 'image/jpeg', {})
    expect(res.status).toBe(403)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses an image without alt text, and keeps no file of it', async () => {
    const before = await snapshot()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await photo())], { type: 'image/jpeg' }), 'no-alt.jpg')
    form.append('_payload', JSON.stringify({}))
    const res = await fetch(`${api.url}/api/media?locale=vi`, { method: 'POST', body: form, headers: { Authorization: auth } })
    expect(res.status).toBe(400)
    expect(await snapshot()).toEqual(before)
  })
})

describe('accepted uploads are cleaned', () => {
  it('strips EXIF and GPS from the stored original, Payload sizes and published derivatives', async () => {
    const source = await photoWithGps()
    const sourceMeta = await sharp(source).metadata()
    expect(hasGps(sourceMeta.exif)).toBe(true) // the test file really carries a position
    const res = await upload('Ảnh Đại sứ quán Hà Nội.JPG', source, 'image/jpeg')
    expect(res.status, res.message).toBe(201)
    const doc = res.body.doc as { filename: string; mimeType: string; sizes: Record<string, { filename: string | null }> }
    expect(doc.filename).toBe('anh-dai-su-quan-ha-noi.jpg')
    expect(doc.mimeType).toBe('image/jpeg')

    const stored = [
      doc.filename,
      ...Object.values(doc.sizes)
        .map((s) => s.filename)
        .filter((f): f is string => Boolean(f)),
    ]
    expect(stored.length).toBeGreaterThan(1)
    for (const name of stored) {
      const file = readFileSync(path.join(mediaDir, name))
      const meta = await sharp(file).metadata()
      expect(meta.exif, name).toBeUndefined()
      expect(file.includes(Buffer.from('SECRET-CAMERA-OWNER')), name).toBe(false)
    }
    // The site's own derivatives (AVIF/WebP/JPEG and the Open Graph card), even from the raw source.
    const cache = mkdtempSync(path.join(os.tmpdir(), 'mp-deriv-'))
    const { writeFileSync } = await import('node:fs')
    const raw = path.join(cache, 'raw.jpg')
    writeFileSync(raw, source)
    const d = await deriveImage(raw, cache)
    for (const name of [...d.files.map((f) => f.name), d.og]) {
      const meta = await sharp(path.join(cache, d.hash, name)).metadata()
      expect(meta.exif, name).toBeUndefined()
    }
  })

  it('checks a replacement file too: PATCH with an SVG is refused and the stored image stays', async () => {
    const created = await upload('keep.jpg', await photo(400, 300, '#225588'), 'image/jpeg')
    expect(created.status, created.message).toBe(201)
    const doc = created.body.doc as { id: number; filename: string }
    const original = readFileSync(path.join(mediaDir, doc.filename))
    const before = await snapshot()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(svgWithScript)], { type: 'image/jpeg' }), 'keep.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Ảnh thay thế' }))
    const res = await fetch(`${api.url}/api/media/${doc.id}?locale=vi`, { method: 'PATCH', body: form, headers: { Authorization: auth } })
    expect(res.status).toBe(415)
    expect(await snapshot()).toEqual(before)
    expect(readFileSync(path.join(mediaDir, doc.filename)).equals(original)).toBe(true)
  })

  it('decides the type from the bytes: a PNG sent as photo.jpg/image/jpeg is stored as PNG', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
    const res = await upload('photo.jpg', png, 'image/jpeg')
    expect(res.status, res.message).toBe(201)
    expect(res.body.doc).toMatchObject({ filename: 'photo.png', mimeType: 'image/png' })
  })

  it('keeps path-traversal file names inside the media folder under a normalised name', async () => {
    for (const [name, expected] of [
      ['../../../../etc/cron.d/evil.jpg', 'evil.jpg'],
      ['..\\..\\windows\\system32\\evil2.jpg', 'evil2.jpg'],
      ['..%2F..%2Fescape.jpg', /^[a-z0-9-]+\.jpg$/],
    ] as const) {
      const before = filesUnder(testRoot)
      const res = await upload(name, await photo(320, 200, '#884422'), 'image/jpeg')
      expect(res.status, `${name}: ${res.message}`).toBe(201)
      const filename = (res.body.doc as { filename: string }).filename
      if (typeof expected === 'string') expect(filename).toBe(expected)
      else expect(filename).toMatch(expected)
      const added = filesUnder(testRoot).filter((f) => !before.includes(f) && !f.startsWith(path.join(testRoot, 'pg')))
      expect(added.length).toBeGreaterThan(0)
      for (const f of added) expect(path.dirname(f)).toBe(mediaDir)
      expect(statSync(path.join(mediaDir, filename)).isFile()).toBe(true)
    }
  })
})
