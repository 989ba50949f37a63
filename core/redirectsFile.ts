/**
 * The redirects of a mission's site: `dist/sites/<code>/_redirects.json`, written by the build
 * (pipeline/exportRedirects.ts) and answered by the local site server and the edge. A contract
 * shared with the edge; docs/import.md ("Redirects") describes it. Paths are relative to the
 * mission's root; `from` may carry a query (`/?p=123`). The server answers `status` with
 * `Location: /<code>` + `to` (or `to` alone on a mission's own host).
 */
export type RedirectsFile = { redirects: Redirect[] }
export type Redirect = { from: string; to: string; status: 301 | 302 }

export const REDIRECTS_FILE = '_redirects.json'
