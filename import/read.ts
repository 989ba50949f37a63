import { readFile } from 'node:fs/promises'
import { parseSource, SourceError, type Source } from './sources'

const MAX_FEED_BYTES = 50_000_000

/** Reads an export file, or a feed from a file or an http(s) URL, and parses it. */
export async function readSource(origin: string, expected: 'wordpress' | 'feed'): Promise<Source> {
  let xml: string
  if (/^https?:\/\//.test(origin)) {
    if (expected === 'wordpress') throw new SourceError('--wordpress takes the export file (Tools → Export in WordPress), not a URL.')
    let res: Response
    try {
      res = await fetch(origin, {
        signal: AbortSignal.timeout(30_000),
        headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1' },
      })
    } catch (error) {
      throw new SourceError(`${origin} is unreachable (${error instanceof Error ? error.message : String(error)}).`)
    }
    if (!res.ok) throw new SourceError(`${origin} answered HTTP ${res.status}.`)
    const body = Buffer.from(await res.arrayBuffer())
    if (body.length > MAX_FEED_BYTES) throw new SourceError(`${origin} is larger than ${MAX_FEED_BYTES / 1e6} MB.`)
    xml = body.toString('utf8')
  } else {
    try {
      xml = await readFile(origin, 'utf8')
    } catch (error) {
      throw new SourceError(`Cannot read ${origin}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}.`)
    }
  }
  const source = parseSource(xml, origin)
  if (expected === 'wordpress' && source.system !== 'wordpress')
    throw new SourceError(`${origin} is ${source.format}, not a WordPress export; import it with --feed.`)
  if (expected === 'feed' && source.system !== 'feed')
    throw new SourceError(`${origin} is a WordPress export (${source.format}); import it with --wordpress, which also brings pages, translations and old URLs.`)
  return source
}
