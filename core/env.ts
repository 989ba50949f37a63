import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Inside the admin's Next.js bundle this module no longer sits in cms/lib/, so `npm start`
// passes the real root down (MP_PROJECT_ROOT) along with absolute DATA_DIR and DIST_DIR.
export const projectRoot = process.env.MP_PROJECT_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where the embedded database, media uploads and generated secrets live (git-ignored). */
export const dataDir = path.resolve(projectRoot, process.env.DATA_DIR ?? '.data')
export const mediaDir = path.join(dataDir, 'media')

export const adminPort = Number(process.env.PORT ?? 3000)
export const sitePort = Number(process.env.SITE_PORT ?? 4321)
export const serverURL = process.env.SERVER_URL ?? `http://localhost:${adminPort}`

/**
 * PAYLOAD_SECRET signs sessions and encrypts API keys. With the embedded default
 * it is generated once into .data/; against an operator's database it must come from env.
 */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  if (process.env.MP_EMBEDDED_DB !== '1') {
    throw new Error('PAYLOAD_SECRET must be set when DATABASE_URL points to your own Postgres server.')
  }
  const file = path.join(dataDir, 'payload-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

/** API_READ_CACHE=off turns the admin API's read cache off (cms/endpoints/readCache.ts); on by default. */
export const apiReadCacheEnabled = () => !/^(off|0|false|no)$/i.test(process.env.API_READ_CACHE ?? '')
