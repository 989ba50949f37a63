import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

/** The national flag (as the sites' default icon): a gold star on red. */
const FLAG_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="150" height="100" viewBox="0 0 30 20"><rect width="30" height="20" fill="#da251d"/><path fill="#ff0" d="M15 3.5l1.76 5.43h5.71l-4.62 3.35 1.77 5.43L15 14.36l-4.62 3.35 1.77-5.43-4.62-3.35h5.71z"/></svg>`

export type ShareCardInput = {
  missionName: string
  title: string
  /** Host and path shown at the foot, e.g. example.org/vi/ */
  site: string
  accent: string
  rtl: boolean
  /** The mission's logo file (PNG/JPEG/WebP); the flag when absent. */
  logoFile?: string | null
}

export const SHARE_CARD = { width: 1200, height: 630 } as const

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Greedy word wrap by an average glyph width: good enough for a share card, at most `lines` lines. */
function wrap(text: string, perLine: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const out: string[] = []
  let line = ''
  for (const w of words) {
    if (line && (line + ' ' + w).length > perLine) {
      out.push(line)
      line = w
      if (out.length === lines) break
    } else line = line ? `${line} ${w}` : w
  }
  if (out.length < lines && line) out.push(line)
  if (out.length === lines && words.join(' ').length > out.join(' ').length) out[lines - 1] = `${out[lines - 1]!.replace(/\s*\S*$/, '')}…`
  return out
}

function cardSvg(c: ShareCardInput): string {
  const { width, height } = SHARE_CARD
  const accent = /^#[0-9a-f]{6}$/i.test(c.accent) ? c.accent : '#a4161a'
  // Right-to-left text starts at the right edge: x on the right, anchored at its start.
  const x = c.rtl ? width - 80 : 80
  const dir = c.rtl ? ' direction="rtl"' : ''
  const titleSize = c.title.length > 90 ? 48 : 58
  const title = wrap(c.title, Math.floor(1040 / (titleSize * 0.55)), 4)
  const text = (y: number, size: number, weight: string, fill: string, value: string, ltr = false) =>
    `<text x="${ltr && c.rtl ? width - 80 : x}" y="${y}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${ltr && c.rtl ? 'end' : 'start'}"${ltr ? '' : dir}>${esc(value)}</text>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<rect width="${width}" height="18" fill="${accent}"/>
${text(250, 34, 'bold', '#333333', wrap(c.missionName, 56, 1)[0] ?? '')}
${title.map((l, i) => text(250 + 80 + i * titleSize * 1.2, titleSize, 'bold', '#111111', l)).join('\n')}
<rect y="${height - 70}" width="${width}" height="70" fill="${accent}"/>
${text(height - 25, 26, 'normal', '#ffffff', c.site, true)}
</svg>`
}

/**
 * A 1200×630 Open Graph card for a page without a picture of its own: the mission's logo (or
 * the flag), its name and the page title, in its accent colour. Generated once per content
 * (the hash of everything drawn) into `cacheRoot`, then copied where the site needs it.
 * Returns the file name (`card-<hash>.jpg`).
 */
export async function shareCard(input: ShareCardInput, cacheRoot: string): Promise<{ name: string; file: string }> {
  const logo = input.logoFile && existsSync(input.logoFile) ? readFileSync(input.logoFile) : null
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...input, logoFile: undefined, v: 1 }))
    .update(logo ?? '')
    .digest('hex')
    .slice(0, 16)
  const name = `card-${hash}.jpg`
  const dir = path.join(cacheRoot, 'cards')
  const file = path.join(dir, name)
  if (existsSync(file)) return { name, file }
  mkdirSync(dir, { recursive: true })
  const emblem = await sharp(logo ?? Buffer.from(FLAG_SVG))
    .resize({ height: 110, width: 360, fit: 'inside' })
    .png()
    .toBuffer({ resolveWithObject: true })
  const left = input.rtl ? SHARE_CARD.width - 80 - emblem.info.width : 80
  const tmp = `${file}.tmp-${process.pid}`
  await sharp(Buffer.from(cardSvg(input)))
    .composite([{ input: emblem.data, left, top: 60 }])
    .jpeg({ quality: 80 })
    .toFile(tmp)
  renameSync(tmp, file) // atomic: a crash never leaves half a card in the cache
  return { name, file }
}

/** Copies a card into a site's media folder (once per build) and returns its site-relative path. */
export function placeCard(card: { name: string; file: string }, siteDir: string): string {
  const target = path.join(siteDir, 'media', card.name)
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true })
    copyFileSync(card.file, target)
  }
  return `media/${card.name}`
}
