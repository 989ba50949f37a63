import { createReadStream, promises as fs, type Stats } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import { lookup } from 'mrmime'
import { decodeSitePath, fileCandidates } from '#core/siteRouting'

/**
 * Static files of the built sites, for the local server. A rebuild replaces a mission's folder
 * while readers are being served, so a file is opened first and measured through its open
 * descriptor: the length, validators and bytes sent all belong to one file. (sirv measured
 * the path, then opened it again; a swap in between sent the new file under the old length —
 * a broken response — or, if the file had gone, crashed the process with ENOENT.)
 *
 * Resolution is the edge worker's (core/siteRouting.ts): /x/ → x/index.html, /x → x, x.html or x/index.html.
 */
export async function sendStaticFile(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  setHeaders: (res: ServerResponse, file: string) => void,
): Promise<boolean> {
  const opened = await openFirst(root, new URL(req.url ?? '/', 'http://localhost').pathname)
  if (!opened) return false
  const { handle, stats, file } = opened
  const etag = `W/"${stats.size}-${Math.trunc(stats.mtimeMs)}"`
  const type = lookup(file) ?? 'application/octet-stream'
  res.setHeader('Content-Type', /^text\/|javascript|json|xml|svg/.test(type) ? `${type}; charset=utf-8` : type)
  res.setHeader('Last-Modified', stats.mtime.toUTCString())
  res.setHeader('ETag', etag)
  setHeaders(res, file)
  if (req.headers['if-none-match'] === etag) {
    await handle.close()
    res.statusCode = 304
    res.end()
    return true
  }
  res.setHeader('Content-Length', stats.size)
  if (req.method === 'HEAD') {
    await handle.close()
    res.end()
    return true
  }
  // A read error after the headers went out, or a reader leaving early, ends this response
  // (and closes the file); it never reaches the process.
  pipeline(createReadStream('', { fd: handle, autoClose: true }), res, () => {})
  return true
}

/** The files a request path may name inside root, in the order they are tried; none for a path leaving root. */
export function siteFileCandidates(root: string, pathname: string): string[] {
  const rel = decodeSitePath(pathname)
  if (rel === null) return []
  const base = path.resolve(root)
  return fileCandidates(rel)
    .map((name) => path.join(base, name))
    .filter((file) => file.startsWith(base + path.sep))
}

async function openFirst(root: string, pathname: string): Promise<{ handle: fs.FileHandle; stats: Stats; file: string } | null> {
  for (const file of siteFileCandidates(root, pathname)) {
    const handle = await fs.open(file, 'r').catch(() => null)
    if (!handle) continue
    const stats = await handle.stat()
    if (stats.isFile()) return { handle, stats, file }
    await handle.close()
  }
  return null
}
