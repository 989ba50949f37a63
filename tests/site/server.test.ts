import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSiteServer } from '../../site-server/server'
import { freePort } from '../helpers/globalSetup'

/**
 * The local site server while a rebuild replaces a mission's folder (pipeline/publishOutput.ts
 * renames the new folder into place): every reader gets one whole version of a page, never a
 * mix or a cut-off response, and the server stays up.
 */
let server: Server
let base: string
const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-server-'))
const OLD = `<!doctype html><title>old</title>${'o'.repeat(2_000)}`
const NEW = `<!doctype html><title>new</title>${'n'.repeat(300_000)}`

function site(dir: string, html: string) {
  mkdirSync(path.join(dir, 'vi'), { recursive: true })
  writeFileSync(path.join(dir, 'vi', 'index.html'), html)
  writeFileSync(path.join(dir, 'feed.xml'), html.replace('<!doctype html>', '<?xml version="1.0"?>'))
}

beforeAll(async () => {
  site(path.join(sitesDir, 'm'), OLD)
  site(path.join(sitesDir, '.m-next'), NEW)
  const port = await freePort()
  server = await startSiteServer({ sitesDir, port, analytics: null })
  base = `http://127.0.0.1:${port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  rmSync(sitesDir, { recursive: true, force: true })
})

/** Swaps m/ and .m-next/ in another thread, as fast as it can, until told to stop. */
function swapper(dir: string) {
  const worker = new Worker(
    `const { renameSync } = require('node:fs'); const { parentPort, workerData: d } = require('node:worker_threads');
     let stop = false; parentPort.on('message', () => (stop = true));
     (function loop() { for (let i = 0; i < 50; i++) { renameSync(d + '/m', d + '/.m-old'); renameSync(d + '/.m-next', d + '/m'); renameSync(d + '/.m-old', d + '/.m-next') } stop ? parentPort.postMessage('done') : setImmediate(loop) })()`,
    { eval: true, workerData: dir },
  )
  return { stop: () => new Promise<void>((resolve) => (worker.once('message', () => worker.terminate().then(() => resolve())), worker.postMessage('stop'))) }
}

describe('site server during a folder swap', () => {
  it('answers each request with one whole version of the file, or 404 in the instant the folder is away', { timeout: 60_000 }, async () => {
    const swap = swapper(sitesDir)
    const seen = { old: 0, new: 0, missing: 0 }
    try {
      // 600 requests, 12 at a time: bounded in count, and each is one loopback request.
      for (let round = 0; round < 50; round++) {
        await Promise.all(
          Array.from({ length: 12 }, async (_, i) => {
            const url = `${base}/m/${i % 3 === 0 ? 'feed.xml' : 'vi/'}`
            const res = await fetch(url, { signal: AbortSignal.timeout(5_000) })
            const body = await res.text() // rejects on a cut-off or overlong body
            if (res.status === 404) return void seen.missing++
            expect(res.status).toBe(200)
            expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(body))
            const version = body.includes('<title>old</title>') ? 'old' : 'new'
            expect(body.endsWith((version === 'old' ? 'o' : 'n').repeat(100)), `${url}: whole ${version} version`).toBe(true)
            seen[version]++
          }),
        )
      }
    } finally {
      await swap.stop()
    }
    // Both versions were served while the folders moved, so the swap really raced the readers.
    expect(seen.old).toBeGreaterThan(0)
    expect(seen.new).toBeGreaterThan(0)
    // The server is still up and serves the current version.
    expect((await fetch(`${base}/m/vi/`)).status).toBe(200)
  })

  it('serves conditional requests and HEAD from the same file', async () => {
    const first = await fetch(`${base}/m/vi/index.html`)
    await first.text()
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"/)
    expect((await fetch(`${base}/m/vi/`, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    const head = await fetch(`${base}/m/vi/`, { method: 'HEAD' })
    expect(head.headers.get('content-type')).toMatch(/^text\/html; ?charset=utf-8$/)
    expect(head.headers.get('content-length')).toBe(first.headers.get('content-length'))
    expect((await fetch(`${base}/m/../m/vi/`)).status).toBe(200) // URL normalised by the client
    expect((await fetch(`${base}/m/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404)
  })
})
