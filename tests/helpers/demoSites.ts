import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
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
  return { payload, sitesDir, baseUrl, port, close }
}

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}
