import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { REDIRECTS_FILE, type Redirect, type RedirectsFile } from '#core/redirectsFile'

type Table = { identity: string; byFrom: Map<string, Redirect> }
const tables = new Map<string, Table>()

/** The mission's redirects by `from`, re-read only when its file was replaced (every build swaps the folder). */
function redirectsOf(sitesDir: string, code: string): Map<string, Redirect> | null {
  if (!/^[a-z0-9-]+$/.test(code)) return null
  const file = path.join(sitesDir, code, REDIRECTS_FILE)
  let identity: string
  try {
    const s = statSync(file)
    identity = `${s.ino}:${s.size}:${s.mtimeMs}`
  } catch {
    tables.delete(file)
    return null
  }
  const cached = tables.get(file)
  if (cached?.identity === identity) return cached.byFrom
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as RedirectsFile
    const byFrom = new Map((parsed.redirects ?? []).map((r) => [r.from, r]))
    tables.set(file, { identity, byFrom })
    return byFrom
  } catch {
    return null // a broken file must not take the site down; the next build replaces it
  }
}

/**
 * The redirect for a request inside a mission's site (`rest` = path after /<code>, with its
 * query), per core/redirectsFile.ts: the path with its query first, then the path alone, each
 * with and without a trailing slash. Old links keep working whatever the page now at that path.
 */
export function findRedirect(sitesDir: string, code: string, rest: string, search: string): Redirect | null {
  const table = code ? redirectsOf(sitesDir, code) : null
  if (!table?.size) return null
  const pathname = rest || '/'
  const variants = [pathname, pathname.endsWith('/') ? pathname.slice(0, -1) : `${pathname}/`].filter(Boolean)
  const keys = [...(search ? variants.map((p) => `${p}${search}`) : []), ...variants]
  for (const key of keys) {
    const hit = table.get(key)
    if (hit) return hit
  }
  return null
}
