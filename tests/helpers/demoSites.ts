import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { buildSites } from '../../pipeline/buildSites'
import { seed } from '../../cms/seed'
import { createTestPayload } from './payload'
import { freePort } from './globalSetup'

export type DemoSites = { payload: Payload; sitesDir: string; baseUrl: string; port: number; close: () => Promise<void> }

/**
 * The demo content (cms/seed) in a fresh database, built into a temporary sites folder for
 * http://127.0.0.1:<port>/<code>/ — the port is reserved now so that absolute URLs in the
 * output (canonical, sitemaps, feeds) point at the server a test may start on it later.
 * `extra` adds content before the build (bad-input cases). Call once per test file.
 */
export async function buildDemoSites(options: { extra?: (payload: Payload) => Promise<void>; pageSize?: number } = {}): Promise<DemoSites> {
  const { payload, close } = await createTestPayload()
  // A set password keeps the seed from writing a credentials file into the data folder.
  process.env.SEED_PASSWORD ??= randomBytes(12).toString('base64url')
  await seed(payload, () => {})
  await options.extra?.(payload)
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-demo-sites-'))
  const saved = { base: process.env.SITE_BASE_URL, size: process.env.SITE_PAGE_SIZE }
  process.env.SITE_BASE_URL = baseUrl
  if (options.pageSize) process.env.SITE_PAGE_SIZE = String(options.pageSize)
  try {
    await buildSites({ payload, sitesDir, log: () => {} })
  } finally {
    restore('SITE_BASE_URL', saved.base)
    restore('SITE_PAGE_SIZE', saved.size)
  }
  const closeAll = async () => {
    rmSync(sitesDir, { recursive: true, force: true })
    await close()
  }
  return { payload, sitesDir, baseUrl, port, close: closeAll }
}

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

/** Every file of the built sites, as paths relative to sitesDir with "/" separators. */
export function builtFiles(sitesDir: string, rel = ''): string[] {
  return readdirSync(path.join(sitesDir, rel), { withFileTypes: true }).flatMap((d) => {
    const r = rel ? `${rel}/${d.name}` : d.name
    return d.isDirectory() ? builtFiles(sitesDir, r) : [r]
  })
}

/**
 * The file a URL path of the local server maps to ("/au-canberra/en/" → au-canberra/en/index.html),
 * or null when the server would answer 404. Absolute URLs must be on baseUrl.
 */
export function fileFor(sitesDir: string, baseUrl: string, href: string): string | null {
  const url = new URL(href, `${baseUrl}/`)
  if (url.origin !== new URL(baseUrl).origin) throw new Error(`${href} is not on ${baseUrl}`)
  const p = decodeURIComponent(url.pathname).replace(/^\/+/, '')
  for (const candidate of [p, `${p.replace(/\/$/, '')}/index.html`, `${p}.html`]) {
    const full = path.join(sitesDir, candidate)
    if (candidate && existsSync(full) && statSync(full).isFile()) return candidate
  }
  return null
}

export const ENGLISH_ONLY_TITLE = 'Visa information for Australian visitors'

/** An article of au-canberra published only in English: its Vietnamese switcher target is a fallback page. */
export async function addEnglishOnlyArticle(payload: Payload) {
  const mission = (await payload.find({ collection: 'missions', where: { code: { equals: 'au-canberra' } }, overrideAccess: true })).docs[0]!
  await payload.create({
    collection: 'articles',
    locale: 'en',
    data: {
      title: ENGLISH_ONLY_TITLE,
      summary: 'How to apply for a Vietnamese visa from Australia.',
      section: 'news',
      missions: [mission.id],
      _status: 'published',
      workflow: { state: 'published' },
    },
    overrideAccess: true,
    context: { skipRebuild: true },
  })
}
