import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalS3 } from '../../bench/localS3'
import { HttpPurger } from '../../pipeline/deploy/cdn'
import { CACHE_PAGE } from '../../pipeline/deploy/objects'
import { freePort } from '../helpers/globalSetup'

/**
 * The generic HTTP purge adapter end to end: a real Varnish (Debian's `varnish`; .ci/run installs
 * it) caching the bucket (s3rver) by the shared caches' TTL of the objects (s-maxage), purged
 * with `PURGE` requests as a deploy sends them.
 */
const varnishd = spawnSync('sh', ['-c', 'command -v varnishd'], { encoding: 'utf8' }).stdout.trim()
if (!varnishd && process.env.CI) throw new Error("varnishd is missing: CI must install Debian's varnish (.ci/run does).")
const skip = !varnishd

let s3: Awaited<ReturnType<typeof startLocalS3>>
let client: S3Client
let varnish: ChildProcess | undefined
let base = ''
const workDir = mkdtempSync(path.join(os.tmpdir(), 'mp-varnish-'))
const site = 'https://au-canberra.missions.example'

const put = (key: string, body: string) =>
  client.send(new PutObjectCommand({ Bucket: s3.config.bucket, Key: key, Body: body, ContentType: 'text/html; charset=utf-8', CacheControl: CACHE_PAGE }))

beforeAll(async () => {
  if (skip) return
  s3 = await startLocalS3()
  client = new S3Client({
    endpoint: s3.config.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  const port = await freePort()
  // The cache key is the public path (the site's host is the purge request's X-Purge-Host);
  // folder URLs are the folder's index.html in the bucket, path-style under the bucket's name.
  const vcl = path.join(workDir, 'sites.vcl')
  writeFileSync(
    vcl,
    `vcl 4.1;
backend bucket { .host = "127.0.0.1"; .port = "${s3.port}"; }
acl purgers { "127.0.0.1"; }
sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) { return (synth(405, "Not allowed")); }
    return (purge);
  }
  return (hash);
}
sub vcl_hash { hash_data(req.url); return (lookup); }
sub vcl_backend_fetch {
  if (bereq.url ~ "/$") { set bereq.url = bereq.url + "index.html"; }
  set bereq.url = "/${s3.config.bucket}" + bereq.url;
}
`,
  )
  chmodSync(workDir, 0o755)
  varnish = spawn(varnishd, ['-F', '-a', `127.0.0.1:${port}`, '-f', vcl, '-n', path.join(workDir, 'state'), '-s', 'malloc,16m', '-p', 'default_grace=0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  varnish.stdout!.on('data', (c) => (output += c))
  varnish.stderr!.on('data', (c) => (output += c))
  base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (varnish.exitCode !== null) throw new Error(`varnishd exited (${varnish.exitCode}): ${output}`)
    const up = await fetch(`${base}/`).then(
      () => true,
      () => false,
    )
    if (up) break
    if (Date.now() > deadline) throw new Error(`varnishd did not answer within 30 s: ${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}, 60_000)

afterAll(async () => {
  varnish?.kill('SIGTERM')
  if (varnish && varnish.exitCode === null) await new Promise((r) => varnish!.once('exit', r))
  await s3?.dispose()
  rmSync(workDir, { recursive: true, force: true })
})

describe.skipIf(skip)('generic HTTP PURGE against a real Varnish in front of the bucket', () => {
  if (skip) console.warn('varnishd is not installed (apt-get install varnish): the Varnish purge test is skipped outside CI.')

  it('serves the cached page until the deploy purges it, then the new one', async () => {
    await put('au-canberra/vi/index.html', '<p>phiên bản 1</p>')
    await put('au-canberra/vi/tin-tuc/index.html', '<p>tin 1</p>')
    expect(await (await fetch(`${base}/au-canberra/vi/`)).text()).toBe('<p>phiên bản 1</p>')
    expect(await (await fetch(`${base}/au-canberra/vi/tin-tuc/`)).text()).toBe('<p>tin 1</p>')

    await put('au-canberra/vi/index.html', '<p>phiên bản 2</p>')
    await put('au-canberra/vi/tin-tuc/index.html', '<p>tin 2</p>')
    const cached = await fetch(`${base}/au-canberra/vi/`)
    expect(await cached.text()).toBe('<p>phiên bản 1</p>') // within its s-maxage, Varnish keeps it
    expect(Number(cached.headers.get('age'))).toBeGreaterThanOrEqual(0)

    // What deployMission sends for a changed au-canberra/vi/index.html (urlsFor: the folder URL and the file).
    await new HttpPurger(`${base}/`).purge([`${site}/au-canberra/vi/`, `${site}/au-canberra/vi/index.html`])
    expect(await (await fetch(`${base}/au-canberra/vi/`)).text()).toBe('<p>phiên bản 2</p>')
    // A page that was not purged stays cached.
    expect(await (await fetch(`${base}/au-canberra/vi/tin-tuc/`)).text()).toBe('<p>tin 1</p>')
  })
})
