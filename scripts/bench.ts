/**
 * npm run bench [-- --missions 4 --articles 25 --publishes 20] [--skip-deploy] [--skip-baseline] [--keep]
 *
 * Seeds a synthetic corpus (every article in Vietnamese and English) into its own embedded
 * PostgreSQL (temp DATA_DIR, free port), then measures: a full build of every mission, peak
 * memory, publish → live on the local site server (jobs runner in this process, polled over
 * HTTP), uploads of an unchanged redeploy to an s3rver bucket, publish → live through the edge
 * worker (workerd) over that bucket, an alert change with ALERT_DELIVERY=baked (the first
 * mission's pages re-deployed with the banner baked in, and again without it), and a plain Astro build of the
 * same number of pages without the CMS (the baseline that makes numbers comparable across
 * machines). Prints a table and writes bench/results/latest.json.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pLimit from 'p-limit'

const { values } = parseArgs({
  options: {
    missions: { type: 'string', default: '4' },
    articles: { type: 'string', default: '25' },
    publishes: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    // For large curve runs: s3rver takes minutes per 50,000 objects. The deploy fields are then null.
    'skip-deploy': { type: 'boolean', default: false },
    // Leaves out the plain-Astro baseline and the `npm start` timing (their fields are then null): quicker runs of the other figures.
    'skip-baseline': { type: 'boolean', default: false },
  },
  strict: true,
})
const positive = (name: string, v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive whole number, got "${v}"`)
    process.exit(2)
  }
  return n
}
const MISSIONS = positive('missions', values.missions)
const ARTICLES = positive('articles', values.articles)
const PUBLISHES = positive('publishes', values.publishes)
const LOCALES = ['vi', 'en'] as const

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

const root = mkdtempSync(path.join(os.tmpdir(), 'mp-bench-'))
chmodSync(root, 0o755) // the embedded server runs as an unprivileged user when we are root
const sitePort = await freePort()
// Everything the benchmark touches lives in `root`, never in the project's .data/ or dist/.
Object.assign(process.env, {
  DATA_DIR: path.join(root, 'data'),
  DIST_DIR: path.join(root, 'dist'),
  PAYLOAD_SECRET: randomBytes(24).toString('hex'),
  SITE_PORT: String(sitePort),
  SITE_BASE_URL: `http://localhost:${sitePort}`,
})
delete process.env.S3_BUCKET // the jobs runner publishes to the local server only; S3 is measured separately
delete process.env.CDN_PURGE_URL

const log = (l: string) => console.log(l)
const quiet = () => {}
const { openEmbeddedPostgres } = await import('../cms/db/embeddedPostgres')
const db = await openEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort(), mode: 'own' })
process.env.DATABASE_URL = db.url

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { applyMigrations } = await import('../cms/db/migrate')
const { closePayload } = await import('../cms/db/closePayload')
const { paragraphs } = await import('../cms/seed/lexical')
const { buildSites } = await import('../pipeline/buildSites')
const { sitesDir, projectRoot } = await import('#core/paths').then(async (p) => ({ ...p, projectRoot: (await import('#core/config')).projectRoot }))
const { startSiteServer } = await import('../site-server/server')
const { startLocalS3 } = await import('../bench/localS3')
const { buildAndDeploy } = await import('../pipeline/deploy/buildAndDeploy')
const { NoopPurger } = await import('../pipeline/deploy/cdn')

// Peak RSS of the build: every 100 ms, the resident memory of this process (CMS, export) plus
// every astro build child and Pagefind backend alive at that moment; the highest sum is the
// peak. (Build processes run a few at a time, so adding up each one's own peak would overstate it.)
const liveChildren = new Set<number>()
const astroPids = new Set<number>()
const rssKb = (pid: number | 'self') => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  } catch {
    liveChildren.delete(pid as number) // exited
    return 0
  }
}
/** CPU seconds the whole machine has spent busy (every process: CMS, Postgres, astro, Pagefind), from /proc/stat. */
const machineCpu = () => {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  return { busy: (user! + nice! + system! + irq! + softirq!) / 100 }
}
/** This process's Pagefind backends (children listed per thread in /proc). */
const searchBackends = () =>
  readdirSync(`/proc/${process.pid}/task`).flatMap((task) => {
    try {
      const children = readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
      return children.filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind'))
    } catch {
      return [] // a thread or child that just ended
    }
  })
let peakTotalKb = 0
let peakAstroKb = 0
let peakSearchKb = 0
const memorySampler = setInterval(() => {
  const astro = [...liveChildren].reduce((n, pid) => n + rssKb(pid), 0)
  const search = searchBackends().reduce((n, pid) => n + rssKb(pid), 0)
  peakAstroKb = Math.max(peakAstroKb, astro)
  peakSearchKb = Math.max(peakSearchKb, search)
  peakTotalKb = Math.max(peakTotalKb, astro + search + rssKb('self'))
}, 100)
const watchChild = (pid: number) => {
  liveChildren.add(pid)
  astroPids.add(pid)
}

/**
 * Runs the real `npm start` (scripts/start.ts) on the benchmark's database and sites, with
 * nothing changed since the last build, and times it until its site server answers and it says
 * the sites are up to date; then stops it (its whole process group: an admin build it may have
 * begun is not left running).
 */
async function timeStartUpToDate(): Promise<number | null> {
  const [port, site] = [await freePort(), await freePort()]
  const started = performance.now()
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'scripts', 'start.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), SITE_PORT: String(site), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before the sites were up: ${output.slice(-2000)}`)
      if (/Sites up to date/.test(output)) {
        const res = await fetch(`http://127.0.0.1:${site}/${missionsForStart[0]}/vi/`).catch(() => null)
        if (res?.status === 200) return (performance.now() - started) / 1000
      }
      if (performance.now() - started > 300_000) throw new Error(`npm start did not bring the sites up within 300 s: ${output.slice(-2000)}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
  }
}
const missionsForStart: string[] = []

const payload = await getPayload({ config })
// The jobs runner logs every tick; the benchmark prints its own progress.
payload.logger.level = 'warn'
const cleanup: (() => Promise<unknown> | unknown)[] = []
let stopJobs = async () => {}
let exitCode = 0
try {
  await applyMigrations(payload)
  const system = { overrideAccess: true, context: { skipRebuild: true } } as const
  const seedLimit = pLimit(4)

  // --- Seed -------------------------------------------------------------------------------
  const seedStarted = Date.now()
  const sections = ['news', 'cultural-diplomacy', 'external-information'] as const
  const missions: { id: number; code: string; articles: { id: number; slug: string; section: string }[] }[] = []
  for (let m = 0; m < MISSIONS; m++) {
    const code = `bench-${String(m + 1).padStart(3, '0')}`
    const mission = await payload.create({
      collection: 'missions',
      locale: 'vi',
      data: {
        code,
        name: `Đại sứ quán thử ${m + 1}`,
        kind: 'embassy',
        hostCountry: 'AU',
        city: 'Can-bê-ra',
        timeZone: 'Australia/Sydney',
        enabledLocales: [...LOCALES],
        defaultLocale: 'vi',
      },
      ...system,
    })
    await payload.update({ collection: 'missions', id: mission.id, locale: 'en', data: { name: `Test Embassy ${m + 1}`, city: 'Canberra' }, ...system })
    // A few articles at once: each save waits on Postgres much of the time.
    const list: (typeof missions)[number]['articles'] = []
    await Promise.all(
      Array.from({ length: ARTICLES }, (_, a) =>
        seedLimit(async () => {
          const section = sections[a % sections.length]!
          const publishedAt = new Date(Date.UTC(2026, 0, 1) + a * 3_600_000).toISOString()
          const body = (l: string) => paragraphs(Array.from({ length: 4 }, (_, p) => `${l} paragraph ${p + 1} of article ${a + 1}. `.repeat(12)))
          const doc = await payload.create({
            collection: 'articles',
            locale: 'vi',
            data: {
              title: `Bài viết ${a + 1} của ${code}`,
              summary: `Tóm tắt ${a + 1}`,
              body: body('Đoạn'),
              section,
              missions: [mission.id],
              publishedAt,
              _status: 'published',
            },
            ...system,
          })
          const en = await payload.update({
            collection: 'articles',
            id: doc.id,
            locale: 'en',
            data: { title: `Article ${a + 1} of ${code}`, summary: `Summary ${a + 1}`, body: body('Paragraph'), _status: 'published' },
            ...system,
          })
          list.push({ id: doc.id, slug: en.slug!, section })
        }),
      ),
    )
    list.sort((x, y) => x.id - y.id)
    missions.push({ id: mission.id, code, articles: list })
    missionsForStart.push(code)
    log(`[seed ${m + 1}/${MISSIONS}] ${code}: ${ARTICLES} articles × ${LOCALES.length} locales`)
  }
  const articles = MISSIONS * ARTICLES
  log(`Seeded ${articles} articles in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`)

  // --- Full build ---------------------------------------------------------------------------
  const cpuAtStart = machineCpu()
  const fullStarted = Date.now()
  const full = await buildSites({ payload, log: (l) => /^\[(render|site|failed)|^Built/.test(l) && log(l), onRenderProcess: watchChild })
  const fullBuildSeconds = (Date.now() - fullStarted) / 1000
  const fullBuildCpuSeconds = machineCpu().busy - cpuAtStart.busy
  clearInterval(memorySampler)
  const selfPeakKb = process.resourceUsage().maxRSS
  const renderProcesses = astroPids.size

  // --- Publish → live (jobs runner in this process, local site server) ---------------------
  const server = await startSiteServer({ sitesDir, port: sitePort, host: '127.0.0.1' })
  cleanup.push(() => server.listening && server.close())
  // The in-process jobs runner runs for the publish → live phase only (after migrations and the full build).
  const { startJobsRunner } = await import('../cms/jobs/runner')
  stopJobs = await startJobsRunner(payload)
  const latencies: number[] = []
  for (let i = 0; i < PUBLISHES; i++) {
    const mission = missions[i % missions.length]!
    const article = mission.articles[(i * 7) % mission.articles.length]!
    const title = `Edited ${i + 1} ${randomBytes(4).toString('hex')}`
    const url = `http://127.0.0.1:${sitePort}/${mission.code}/en/${article.section}/${article.slug}/`
    const t0 = performance.now()
    // A real publish: the afterChange hook queues the rebuild job in the same transaction.
    await payload.update({ collection: 'articles', id: article.id, locale: 'en', data: { title, _status: 'published' }, overrideAccess: true })
    for (;;) {
      // Like a reader, try again on any failure, the body's included (the folder may be being swapped).
      const body = await fetch(url)
        .then((r) => r.text())
        .catch(() => '')
      if (body.includes(title)) break
      if (performance.now() - t0 > 120_000) throw new Error(`Publish ${i + 1} did not go live within 120 s (${url})`)
      await new Promise((r) => setTimeout(r, 100))
    }
    latencies.push((performance.now() - t0) / 1000)
    log(`[publish ${i + 1}/${PUBLISHES}] ${mission.code} live in ${latencies.at(-1)!.toFixed(2)} s`)
  }
  const sorted = [...latencies].sort((a, b) => a - b)
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

  // --- Unchanged redeploy to a real S3-compatible server --------------------------------------
  // An unchanged rebuild: every page's fingerprint matches the last build, so (almost) nothing is rendered.
  const unchanged = await buildSites({ payload, log: quiet })
  const s3 = values['skip-deploy'] ? null : await startLocalS3('bench-sites')
  if (s3) cleanup.push(() => s3.dispose())
  const deployAll = async () => {
    if (!s3) return null
    const outcomes = await buildAndDeploy({ payload, trigger: 'bench', s3: s3.config, purger: new NoopPurger(), allowLoopbackUrls: true, log: quiet })
    const failed = outcomes.filter((o) => !o.ok)
    if (failed.length) throw new Error(`Deploy failed: ${failed.map((f) => (!f.ok ? `${f.mission}: ${f.error}` : '')).join('; ')}`)
    return outcomes.reduce((n, o) => n + (o.ok ? o.result.uploaded.length : 0), 0)
  }
  const firstDeployUploads = await deployAll()
  // Rebuild everything from the database and deploy again: nothing changed, so nothing may be uploaded.
  const noChangeDeployUploads = await deployAll()

  // --- Publish → live through the edge worker (workerd) over the bucket ---------------------
  // The jobs runner builds, deploys to s3rver and purges the worker's edge cache (generic HTTP
  // PURGE), as in production; a reader polls the worker. The worker takes the site port, so the
  // pages' URLs — and the purged URLs — name the host readers use. A few publishes only.
  const edgeLatencies: number[] = []
  if (s3) {
    await new Promise<void>((r) => server.close(() => r()))
    const { startEdge } = await import('../edge/runLocal')
    const token = randomBytes(12).toString('hex')
    const s3Vars = {
      S3_ENDPOINT: s3.config.endpoint!,
      S3_BUCKET: s3.config.bucket,
      S3_REGION: s3.config.region,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    }
    const edge = await startEdge({ port: sitePort, vars: { ...s3Vars, PURGE_TOKEN: token } })
    cleanup.push(() => edge.close())
    Object.assign(process.env, { ...s3Vars, DEPLOY_ALLOW_LOOPBACK: 'true', CDN_PURGE_URL: `http://127.0.0.1:${sitePort}/`, CDN_PURGE_TOKEN: token })
    for (let i = 0; i < Math.min(PUBLISHES, 5); i++) {
      const mission = missions[(i + 1) % missions.length]!
      const article = mission.articles[(i * 5 + 3) % mission.articles.length]!
      const title = `Edge ${i + 1} ${randomBytes(4).toString('hex')}`
      const url = `http://localhost:${sitePort}/${mission.code}/en/${article.section}/${article.slug}/`
      await fetch(url).then((r) => r.text()) // the old page is in the edge cache, as it would be for readers
      const t0 = performance.now()
      const wallT0 = Date.now()
      await payload.update({ collection: 'articles', id: article.id, locale: 'en', data: { title, _status: 'published' }, overrideAccess: true })
      const savedAt = Date.now()
      for (;;) {
        const body = await fetch(url)
          .then((r) => r.text())
          .catch(() => '')
        if (body.includes(title)) break
        if (performance.now() - t0 > 180_000) throw new Error(`Publish ${i + 1} was not served by the edge within 180 s (${url})`)
        await new Promise((r) => setTimeout(r, 100))
      }
      edgeLatencies.push((performance.now() - t0) / 1000)
      // Where the time went: the save, the wait for the runner's tick, the build, the deploy's stages (the record is finished just after the purge).
      let deployed: import('#core/payload-types').Deployment | undefined
      for (let tries = 0; !deployed && tries < 100; tries++) {
        deployed = (
          await payload.find({
            collection: 'deployments',
            where: {
              and: [{ mission: { equals: mission.id } }, { status: { equals: 'succeeded' } }, { createdAt: { greater_than: new Date(savedAt).toISOString() } }],
            },
            sort: '-id',
            limit: 1,
            depth: 0,
            overrideAccess: true,
          })
        ).docs[0]
        if (!deployed) await new Promise((r) => setTimeout(r, 100))
      }
      const timings = (deployed?.timings ?? {}) as Record<string, number>
      const parts = {
        save: savedAt - wallT0,
        waitForRunner: deployed ? new Date(deployed.createdAt).getTime() - savedAt - (timings.build ?? 0) : null,
        ...timings,
      }
      log(`[edge publish ${i + 1}] ${mission.code} served by the edge in ${edgeLatencies.at(-1)!.toFixed(2)} s (ms: ${JSON.stringify(parts)})`)
    }
  }
  const edgeSorted = [...edgeLatencies].sort((a, b) => a - b)

  // --- An alert change with ALERT_DELIVERY=baked (CDNs without edge code) -----------------------
  // Through the real alerts job of the runner: from the save until the deployment that re-deployed
  // the mission's live pages with the banner baked in (then without it, after the alert's deletion)
  // is done; its record says how many objects it uploaded.
  const baked: { onSeconds: number; offSeconds: number; onObjects: number; offObjects: number; htmlPages: number } | null = s3
    ? await (async () => {
        process.env.ALERT_DELIVERY = 'baked'
        const mission = missions[0]!
        const bakedDeploy = async (after: number, t0: number) => {
          for (;;) {
            const found = await payload.find({
              collection: 'deployments',
              where: { and: [{ id: { greater_than: after } }, { trigger: { like: 'job: alerts' } }, { status: { equals: 'succeeded' } }] },
              sort: 'id',
              depth: 0,
              overrideAccess: true,
            })
            const done = found.docs.find((d) => (d.objectsUploaded ?? 0) > 0)
            if (done) return { seconds: (performance.now() - t0) / 1000, objects: done.objectsUploaded ?? 0, id: done.id, pages: done.pagesRendered ?? 0 }
            if (performance.now() - t0 > 600_000) throw new Error('The baked alert was not deployed within 600 s')
            await new Promise((r) => setTimeout(r, 100))
          }
        }
        const lastId = async () => (await payload.find({ collection: 'deployments', sort: '-id', limit: 1, depth: 0, overrideAccess: true })).docs[0]?.id ?? 0
        try {
          const before = await lastId()
          let t0 = performance.now()
          const alert = await payload.create({
            collection: 'alerts',
            locale: 'vi',
            data: {
              mission: mission.id,
              severity: 'critical',
              text: 'Cảnh báo thử',
              startsAt: new Date(Date.now() - 1000).toISOString(),
              expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
            },
            overrideAccess: true,
          })
          const on = await bakedDeploy(before, t0)
          log(`[baked alert] ${mission.code}: banner in ${on.objects} object(s) in ${on.seconds.toFixed(2)} s`)
          t0 = performance.now()
          await payload.delete({ collection: 'alerts', id: alert.id, overrideAccess: true })
          const off = await bakedDeploy(on.id, t0)
          log(`[baked alert] ${mission.code}: banner out of ${off.objects} object(s) in ${off.seconds.toFixed(2)} s`)
          return { onSeconds: on.seconds, offSeconds: off.seconds, onObjects: on.objects, offObjects: off.objects, htmlPages: on.pages }
        } finally {
          delete process.env.ALERT_DELIVERY
        }
      })()
    : null

  // --- Baseline: a plain Astro build of as many pages, minimal template, no CMS --------------
  const baselinePages = full.pages
  const skipBaseline = values['skip-baseline']
  const baseline = skipBaseline
    ? null
    : await (async () => {
        const baseDir = path.join(root, 'baseline')
        mkdirSync(path.join(baseDir, 'src', 'pages', '[mission]', '[locale]', '[slug]'), { recursive: true })
        symlinkSync(path.join(projectRoot, 'node_modules'), path.join(baseDir, 'node_modules'), 'dir')
        writeFileSync(path.join(baseDir, 'package.json'), JSON.stringify({ name: 'baseline', type: 'module', private: true }))
        writeFileSync(
          path.join(baseDir, 'astro.config.mjs'),
          `export default { output: 'static', build: { format: 'directory', concurrency: 8 }, devToolbar: { enabled: false } }\n`,
        )
        writeFileSync(
          path.join(baseDir, 'src', 'pages', '[mission]', '[locale]', '[slug]', 'index.astro'),
          `---
export function getStaticPaths() {
  return Array.from({ length: ${baselinePages} }, (_, i) => ({ params: { mission: 'm' + (i % ${MISSIONS}), locale: i % 2 ? 'en' : 'vi', slug: 'page-' + i }, props: { i } }))
}
const { i } = Astro.props
---
<html lang="en"><head><meta charset="utf-8"><title>Page {i}</title></head><body><main data-pagefind-body><h1>Page {i}</h1><p>{'Paragraph text. '.repeat(40)}</p></main></body></html>
`,
        )
        const baseStarted = Date.now()
        await new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
            cwd: baseDir,
            env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
            stdio: ['ignore', 'ignore', 'pipe'],
          })
          let err = ''
          child.stderr.on('data', (c: Buffer) => (err += c.toString()))
          child.on('error', reject)
          child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`baseline astro build failed (${code}): ${err.slice(-2000)}`))))
        })
        const baselineSeconds = (Date.now() - baseStarted) / 1000
        // The same pages with a Pagefind index per mission and locale, as the product builds them: the
        // baseline a build with search is fairly compared to.
        const { buildSearchIndexes } = await import('../pipeline/searchIndex')
        const indexLimit = pLimit(os.availableParallelism())
        await Promise.all(Array.from({ length: MISSIONS }, (_, m) => indexLimit(() => buildSearchIndexes(path.join(baseDir, 'dist', `m${m}`), [...LOCALES]))))
        const baselineWithSearchSeconds = (Date.now() - baseStarted) / 1000
        return { seconds: baselineSeconds, withSearchSeconds: baselineWithSearchSeconds }
      })()

  // --- npm start with nothing changed: until its site server answers with up-to-date sites ----
  const startUpToDateSeconds = skipBaseline ? null : await timeStartUpToDate()

  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d
  const results = {
    missions: MISSIONS,
    locales: LOCALES.length,
    articles,
    pages: full.pages,
    fullBuildSeconds: round(fullBuildSeconds),
    // Wall-clock per stage of the full build; they overlap (a shard renders while the next exports).
    fullBuildExportSeconds: round(full.stages.export),
    fullBuildAstroSeconds: round(full.stages.render),
    fullBuildSearchIndexSeconds: round(full.stages.searchIndex),
    pagesPerSecond: round(full.pages / fullBuildSeconds),
    // CPU of every process on the machine during the full build, per page.
    cpuMsPerPage: round((fullBuildCpuSeconds * 1000) / full.pages),
    // CPU time of every process on the machine during the full build, and the share of all cores it
    // used: near 1, the build is bound by the work it does, not by waiting or by stages in sequence.
    fullBuildCpuSeconds: round(fullBuildCpuSeconds, 1),
    fullBuildCpuUtilization: round(fullBuildCpuSeconds / (fullBuildSeconds * os.availableParallelism())),
    // The full build's highest resident memory at one moment: this process plus the astro builds and Pagefind backends running then.
    peakRssMb: Math.round(Math.max(peakTotalKb, selfPeakKb) / 1024),
    cmsPeakRssMb: Math.round(selfPeakKb / 1024),
    astroPeakRssMb: Math.round(peakAstroKb / 1024),
    searchIndexPeakRssMb: Math.round(peakSearchKb / 1024),
    renderProcesses,
    incrementalPublishes: PUBLISHES,
    incrementalPublishToLiveP50Seconds: round(pct(50)),
    incrementalPublishToLiveP95Seconds: round(pct(95)),
    unchangedRebuildSeconds: round(unchanged.seconds),
    // Publish → new content served through the edge worker (build, deploy to the bucket, purge); target ≤ 10 s.
    edgePublishToLiveP95Seconds: edgeSorted.length ? round(edgeSorted[Math.min(edgeSorted.length - 1, Math.ceil(0.95 * edgeSorted.length) - 1)]!) : null,
    // ALERT_DELIVERY=baked: one alert created, then deleted, on the first mission; seconds from the save
    // until the re-deploy of its pages is done, and the objects it uploaded (of the mission's HTML pages).
    bakedAlertOnSeconds: baked && round(baked.onSeconds),
    bakedAlertOffSeconds: baked && round(baked.offSeconds),
    bakedAlertObjectsUploaded: baked && baked.onObjects,
    bakedAlertOffObjectsUploaded: baked && baked.offObjects,
    bakedAlertMissionHtmlPages: baked && baked.htmlPages,
    noChangeRebuildSeconds: round(unchanged.seconds),
    noChangeRebuildPagesRendered: unchanged.pagesRendered,
    firstDeployUploads,
    noChangeDeployUploads,
    baselinePages,
    baselineSeconds: baseline && round(baseline.seconds),
    baselinePagesPerSecond: baseline && round(baselinePages / baseline.seconds),
    baselineWithSearchSeconds: baseline && round(baseline.withSearchSeconds),
    baselineWithSearchPagesPerSecond: baseline && round(baselinePages / baseline.withSearchSeconds),
    ratioToBaselineWithSearch: baseline && round(full.pages / fullBuildSeconds / (baselinePages / baseline.withSearchSeconds)),
    startUpToDateSeconds: startUpToDateSeconds === null ? null : round(startUpToDateSeconds),
    ratioToBaseline: baseline && round(full.pages / fullBuildSeconds / (baselinePages / baseline.seconds)),
    cpus: os.cpus().length,
    node: process.version,
    measuredAt: new Date().toISOString(),
  }
  const out = path.join(projectRoot, 'bench', 'results', 'latest.json')
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
  console.log('')
  console.table(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { value: v }])))
  console.log(`Written to ${path.relative(process.cwd(), out)}`)
  if (noChangeDeployUploads !== null && noChangeDeployUploads !== 0) {
    console.error(`An unchanged redeploy uploaded ${noChangeDeployUploads} object(s); expected 0.`)
    exitCode = 1
  }
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? error.stack : String(error)}`)
  exitCode = 1
} finally {
  for (const c of cleanup.reverse()) await Promise.resolve(c()).catch(() => {})
  // Stop the jobs runner and let an in-flight tick finish before the database goes away; a
  // connection the stopping server terminates is expected then, not a failure.
  await stopJobs()
  process.on('uncaughtException', (e: Error & { code?: string }) => {
    if (e.code === '57P01' || /Connection terminated|terminating connection/.test(e.message)) return
    console.error(e)
    process.exit(1)
  })
  // A tick that started before the switch (one per second) finishes before the database goes.
  await new Promise((r) => setTimeout(r, 1500))
  await payload.destroy().catch(() => {})
  await new Promise((r) => setTimeout(r, 500))
  await closePayload(payload).catch(() => {})
  await db.stop().catch(() => {})
  if (!values.keep) rmSync(root, { recursive: true, force: true })
  else console.log(`Kept ${root}`)
}
process.exit(exitCode)
