/// <reference path="../bench/autocannon.d.ts" />
/**
 * npm run bench:api [-- --duration 10] [--connections 50,200] [--rate 30] [--scenarios list,read,workflow,write,mixed,open] [--url http://127.0.0.1:3000 --password …] [--keep]
 *
 * Load test of the admin's REST API on loopback with autocannon, as logged-in press officers and
 * reviewers of the demo missions. Without --url it starts its own `npm start` (scripts/start.ts,
 * the same process tree: embedded Postgres, demo seed, site build, the built Next.js admin) on free
 * ports with a throw-away DATA_DIR and DIST_DIR, and stops it at the end. With --url it uses a
 * running server (the demo accounts' password from --password, SEED_PASSWORD or
 * $DATA_DIR/demo-credentials.txt) and leaves behind the draft articles it writes to.
 *
 * Scenarios, each for --duration seconds at every --connections count: list, read, workflow,
 * write (PATCH …?locale=vi&draft=true, each connection its own article), mixed (list, read ×2,
 * workflow, write per round); then an open-loop run of the mixed requests at --rate requests/s.
 * During each one /api/health is polled every second. Afterwards every article written to is read
 * back: the title must be the last one whose save was acknowledged (lost-write check).
 * Prints a table and writes bench/results/api.json.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon, { type Client, type Request, type Result } from 'autocannon'
import pLimit from 'p-limit'
import { dataDir, seedPassword } from '#core/config'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    password: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50,200' },
    rate: { type: 'string', default: '30' },
    scenarios: { type: 'string', default: 'list,read,workflow,write,mixed,open' },
    keep: { type: 'boolean', default: false },
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
const DURATION_S = positive('duration', values.duration)
const CONNECTIONS = values.connections.split(',').map((c) => positive('connections', c.trim()))
const RATE = positive('rate', values.rate)
const SCENARIOS = new Set(values.scenarios.split(',').map((s) => s.trim()))
/** A request not answered within this is a timeout (the "none times out at 10 s"). */
const TIMEOUT_S = 10
const projectRoot = path.resolve(import.meta.dirname, '..')
const log = (line: string) => console.log(line)

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

// ---------------------------------------------------------------------------------------------
// The server: our own npm start, or the one at --url

type Server = { url: string; password: string; pid?: number; stop: () => Promise<void> }

async function startOwnServer(): Promise<Server> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mp-bench-api-'))
  chmodSync(root, 0o755) // the embedded server runs as an unprivileged user when we are root
  const [port, sitePort, pgPort] = [await freePort(), await freePort(), await freePort()]
  const password = randomBytes(15).toString('base64url')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SITE_PORT: String(sitePort),
    EMBEDDED_PG_PORT: String(pgPort),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(root, 'data'),
    DIST_DIR: path.join(root, 'dist'),
    SEED_PASSWORD: password,
  }
  delete env.DATABASE_URL
  delete env.MP_EMBEDDED_DB
  log(`Starting npm start on port ${port} (data in ${root}) …`)
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logFile = path.join(root, 'server.log')
  let output = ''
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.length > 200_000) {
        writeFileSync(logFile, output, { flag: 'a' })
        output = output.slice(-2000)
      }
      if (/^Admin: /m.test(output)) resolve()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`npm start exited with code ${code} before the admin answered:\n${output.slice(-3000)}`)))
  })
  const deadline = setTimeout(() => child.kill('SIGINT'), 600_000)
  await ready
  clearTimeout(deadline)
  log(`Admin answering at http://127.0.0.1:${port}`)
  return {
    url: `http://127.0.0.1:${port}`,
    password,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode == null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGINT')
        const forced = setTimeout(() => child.kill('SIGKILL'), 60_000)
        await exited
        clearTimeout(forced)
      }
      if (values.keep) log(`Kept ${root}`)
      else rmSync(root, { recursive: true, force: true })
    },
  }
}

function runningServer(url: string): Server {
  let password = values.password ?? seedPassword()
  const file = path.join(dataDir, 'demo-credentials.txt')
  if (!password && existsSync(file)) password = /^password: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim()
  if (!password) {
    console.error(`Give the demo accounts' password with --password (or SEED_PASSWORD); ${file} does not exist.`)
    process.exit(2)
  }
  return { url: url.replace(/\/$/, ''), password, stop: async () => {} }
}

// ---------------------------------------------------------------------------------------------
// Peak memory of the server's processes (Linux /proc), sampled while the scenarios run

function processTree(rootPid: number): { pid: number; name: string; rssKb: number }[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // exited meanwhile
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (parents.has(pid) && pid > 1 && inTree(parents.get(pid)!))
  const out: { pid: number; name: string; rssKb: number }[] = []
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      const name = /next(\/dist\/bin\/next)? start/.test(cmd) || /next-server/.test(cmd) ? 'admin' : /postgres/.test(cmd) ? 'postgres' : 'other'
      out.push({ pid, name, rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) })
    } catch {
      // exited meanwhile
    }
  }
  return out
}

function memorySampler(rootPid: number | undefined) {
  const peak = { adminMb: 0, postgresMb: 0, totalMb: 0 }
  if (!rootPid || process.platform !== 'linux') return { peak: () => null, stop: () => {} }
  const sample = () => {
    const tree = processTree(rootPid)
    const sum = (name?: string) => tree.filter((p) => !name || p.name === name).reduce((s, p) => s + p.rssKb, 0) / 1024
    peak.adminMb = Math.max(peak.adminMb, sum('admin'))
    peak.postgresMb = Math.max(peak.postgresMb, sum('postgres'))
    peak.totalMb = Math.max(peak.totalMb, sum())
  }
  const timer = setInterval(sample, 500)
  sample()
  return {
    peak: () => ({ adminMb: Math.round(peak.adminMb), postgresMb: Math.round(peak.postgresMb), totalMb: Math.round(peak.totalMb) }),
    stop: () => clearInterval(timer),
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts and articles

type Editor = { email: string; auth: string; mission: number; readable: number[] }

/** One request outside the measured runs; a 503 (server still busy) is retried after its Retry-After. */
async function api(url: string, pathname: string, init: RequestInit & { auth?: string } = {}) {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url + pathname, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...(init.auth ? { Authorization: init.auth } : {}), ...(init.headers as Record<string, string>) },
      signal: AbortSignal.timeout(30_000),
    })
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>
    if (res.status === 503 && attempt < 10) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000))
      continue
    }
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${pathname}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
    return body
  }
}

async function login(url: string, email: string, password: string): Promise<string> {
  const body = await api(url, '/api/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
  return `JWT ${body.token as string}`
}

/** Press officers and reviewers of every demo mission; each write connection gets its own draft article. */
async function prepare(server: Server, writers: number) {
  const hq = await login(server.url, 'hq.admin@example.org', server.password)
  const missions = (await api(server.url, '/api/missions?limit=100&depth=0&sort=code', { auth: hq })).docs as { id: number; code: string }[]
  const editors: Editor[] = []
  for (const m of missions) {
    for (const role of ['press', 'reviewer']) {
      const email = `${role}.${m.code}@example.org`
      editors.push({ email, auth: await login(server.url, email, server.password), mission: m.id, readable: [] })
    }
  }
  const existing = (await api(server.url, '/api/articles?limit=100&depth=0&draft=true', { auth: hq })).docs as { id: number; missions: number[] }[]
  for (const e of editors) e.readable = existing.filter((a) => a.missions.includes(e.mission)).map((a) => a.id)
  const run = randomBytes(3).toString('hex')
  const limit = pLimit(4)
  const articles = await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      limit(async () => {
        const editor = editors[i % editors.length]!
        const body = await api(server.url, '/api/articles?locale=vi&draft=true&depth=0', {
          method: 'POST',
          auth: editor.auth,
          body: JSON.stringify({ title: `bench ${run} ${i} #0`, missions: [editor.mission], section: 'news', _status: 'draft' }),
        })
        return { id: (body.doc as { id: number }).id, editor }
      }),
    ),
  )
  for (const a of articles) a.editor.readable.push(a.id)
  return { hq, editors, articles, run }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

type Kind = 'list' | 'read' | 'workflow' | 'write'
type Written = Map<number, { acked: number; sent: number }>

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : null)
const round = (n: number | null) => (n == null ? null : Math.round(n))

function requestsFor(kinds: Kind[], article: { id: number; editor: Editor }, run: string, written: Written, index: number): Request[] {
  const { editor } = article
  const headers = { Authorization: editor.auth, 'Content-Type': 'application/json' }
  let pick = index
  const readable = () => editor.readable[pick++ % editor.readable.length]!
  return kinds.map((kind): Request => {
    switch (kind) {
      case 'list':
        return { method: 'GET', path: '/api/articles?limit=20&depth=1', headers }
      case 'read':
        return {
          method: 'GET',
          path: `/api/articles/${article.id}?locale=vi`,
          headers,
          setupRequest: (r) => ({ ...r, path: `/api/articles/${readable()}?locale=vi` }),
        }
      case 'workflow':
        return {
          method: 'GET',
          path: `/api/articles/${article.id}/workflow`,
          headers,
          setupRequest: (r) => ({ ...r, path: `/api/articles/${readable()}/workflow` }),
        }
      case 'write':
        return {
          method: 'PATCH',
          path: `/api/articles/${article.id}?locale=vi&draft=true`,
          headers,
          // The article's writes are numbered across scenarios: the title carries the number.
          setupRequest: (r, context) => {
            const state = written.get(article.id) ?? { acked: 0, sent: 0 }
            context.seq = ++state.sent
            written.set(article.id, state)
            return { ...r, body: JSON.stringify({ title: `bench ${run} ${index} #${state.sent}` }) }
          },
          onResponse: (status, _body, context) => {
            const state = written.get(article.id)!
            if (status >= 200 && status < 300) state.acked = Math.max(state.acked, context.seq as number)
          },
        }
    }
  })
}

type ScenarioResult = {
  name: string
  connections: number
  rate: number | null
  durationS: number
  requests: number
  reqPerSec: number
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null }
  errors: number
  timeouts: number
  non2xx: number
  status5xx: number
  status503: number
  status409: number
  statusCodes: Record<string, number>
  health: { polls: number; ok: number; maxMs: number | null }
  recoveryMs?: number | null
}

async function pollHealth(url: string, stopSignal: { stopped: boolean }) {
  const times: number[] = []
  let ok = 0
  let polls = 0
  while (!stopSignal.stopped) {
    const t = performance.now()
    polls++
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(TIMEOUT_S * 1000) })
      await res.arrayBuffer()
      if (res.status === 200) ok++
    } catch {
      // counted as not ok
    }
    times.push(performance.now() - t)
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - t))))
  }
  return { polls, ok, maxMs: times.length ? Math.round(Math.max(...times)) : null }
}

/** After an overload run: how long until a list request and the health check both answer 200 again. */
async function recovery(server: Server, auth: string): Promise<number | null> {
  const started = performance.now()
  while (performance.now() - started < 60_000) {
    try {
      const [list, health] = await Promise.all([
        fetch(`${server.url}/api/articles?limit=1&depth=0`, { headers: { Authorization: auth }, signal: AbortSignal.timeout(5000) }),
        fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) }),
      ])
      await Promise.all([list.arrayBuffer(), health.arrayBuffer()])
      if (list.status === 200 && health.status === 200) return Math.round(performance.now() - started)
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return null
}

async function scenario(
  server: Server,
  setup: Awaited<ReturnType<typeof prepare>>,
  written: Written,
  name: string,
  kinds: Kind[],
  connections: number,
  rate?: number,
): Promise<ScenarioResult> {
  let next = 0
  const latencies: number[] = []
  const healthStop = { stopped: false }
  const health = pollHealth(server.url, healthStop)
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections,
        duration: DURATION_S,
        timeout: TIMEOUT_S,
        ...(rate ? { overallRate: rate } : {}),
        requests: [{ method: 'GET', path: '/api/health' }],
        setupClient: (client: Client) => {
          const index = next++
          client.setRequests(requestsFor(kinds, setup.articles[index % setup.articles.length]!, setup.run, written, index))
        },
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    )
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms))
  })
  healthStop.stopped = true
  latencies.sort((a, b) => a - b)
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]))
  const count = (test: (code: number) => boolean) => Object.entries(statusCodes).reduce((s, [code, n]) => s + (test(Number(code)) ? n : 0), 0)
  const out: ScenarioResult = {
    name,
    connections,
    rate: rate ?? null,
    durationS: DURATION_S,
    requests: latencies.length,
    reqPerSec: Math.round((latencies.length / DURATION_S) * 10) / 10,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? null),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx: count((c) => c >= 500),
    status503: count((c) => c === 503),
    status409: count((c) => c === 409),
    statusCodes,
    health: await health,
  }
  if (connections > 50 && !rate) out.recoveryMs = await recovery(server, setup.editors[0]!.auth)
  return out
}

/** Every article written to must read back as its last acknowledged save. */
async function lostWriteCheck(server: Server, setup: Awaited<ReturnType<typeof prepare>>, written: Written) {
  let acknowledged = 0
  let lost = 0
  let appliedUnacknowledged = 0
  const examples: string[] = []
  const limit = pLimit(4)
  await Promise.all(
    [...written].map(([id, state]) =>
      limit(async () => {
        const doc = (await api(server.url, `/api/articles/${id}?locale=vi&draft=true&depth=0`, { auth: setup.hq })) as { title?: string }
        const seen = Number(/#(\d+)$/.exec(doc.title ?? '')?.[1] ?? -1)
        if (state.acked > 0) acknowledged++
        if (seen < state.acked) {
          lost++
          if (examples.length < 5) examples.push(`article ${id}: read #${seen}, last acknowledged #${state.acked}`)
        } else if (seen > state.acked) appliedUnacknowledged++
      }),
    ),
  )
  return { articlesWritten: written.size, articlesWithAcknowledgedWrites: acknowledged, lost, appliedUnacknowledged, examples }
}

// ---------------------------------------------------------------------------------------------

const server = values.url ? runningServer(values.url) : await startOwnServer()
let exitCode = 0
try {
  const setup = await prepare(server, Math.max(...CONNECTIONS))
  log(`${setup.editors.length} editors logged in; ${setup.articles.length} draft articles to write to.`)
  const written: Written = new Map()
  const memory = memorySampler(server.pid)
  // Warm-up: the first requests compile routes and fill caches.
  await scenario(server, setup, new Map(), 'warm-up', ['list', 'read', 'workflow'], 10).catch(() => {})

  const results: ScenarioResult[] = []
  const single: [string, string, Kind[]][] = [
    ['list', 'GET /api/articles?limit=20&depth=1', ['list']],
    ['read', 'GET /api/articles/:id?locale=vi', ['read']],
    ['workflow', 'GET /api/articles/:id/workflow', ['workflow']],
    ['write', 'PATCH /api/articles/:id?locale=vi&draft=true', ['write']],
    ['mixed', 'mixed (list, read ×2, workflow, write)', ['list', 'read', 'workflow', 'read', 'write']],
  ]
  for (const connections of CONNECTIONS) {
    for (const [key, name, kinds] of single) {
      if (!SCENARIOS.has(key)) continue
      log(`${name} at ${connections} connections, ${DURATION_S} s …`)
      results.push(await scenario(server, setup, written, name, kinds, connections))
    }
  }
  if (SCENARIOS.has('open')) {
    log(`open loop: mixed at ${RATE} requests/s, ${DURATION_S} s …`)
    results.push(
      await scenario(server, setup, written, `open loop, mixed at ${RATE}/s`, ['list', 'read', 'workflow', 'read', 'write'], Math.max(50, RATE * 2), RATE),
    )
  }
  memory.stop()
  // Saves still queued when the last run stopped finish first.
  await recovery(server, setup.editors[0]!.auth)
  const lostWrites = await lostWriteCheck(server, setup, written)

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    server: values.url ? { url: server.url } : { own: 'npm start (scripts/start.ts) with the demo data, throw-away DATA_DIR' },
    durationSPerScenario: DURATION_S,
    timeoutS: TIMEOUT_S,
    scenarios: results,
    serverPeakRssMb: memory.peak(),
    lostWrites,
  }
  mkdirSync(path.join(projectRoot, 'bench/results'), { recursive: true })
  writeFileSync(path.join(projectRoot, 'bench/results/api.json'), JSON.stringify(report, null, 2) + '\n')

  const rows = results.map((r) => [
    r.name,
    String(r.connections),
    String(r.reqPerSec),
    `${r.latencyMs.p50} / ${r.latencyMs.p95} / ${r.latencyMs.p99}`,
    String(r.errors),
    String(r.timeouts),
    String(r.non2xx),
    `${r.status409}/${r.status503}/${r.status5xx - r.status503}`,
    `${r.health.ok}/${r.health.polls} (max ${r.health.maxMs} ms)`,
    r.recoveryMs === undefined ? '' : `${r.recoveryMs} ms`,
  ])
  const head = ['scenario', 'conns', 'req/s', 'p50 / p95 / p99 ms', 'errors', 'timeouts', 'non-2xx', '409/503/other 5xx', 'health 200', 'recovery']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
  log('')
  log(line(head))
  log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const r of rows) log(line(r))
  const peak = memory.peak()
  if (peak) log(`\nserver peak RSS: admin ${peak.adminMb} MB, postgres ${peak.postgresMb} MB, all processes ${peak.totalMb} MB`)
  log(
    `lost writes: ${lostWrites.lost} of ${lostWrites.articlesWithAcknowledgedWrites} articles with acknowledged saves (${lostWrites.appliedUnacknowledged} applied but unanswered)`,
  )
  for (const e of lostWrites.examples) log(`  ${e}`)
  log('Wrote bench/results/api.json')
  if (lostWrites.lost > 0) exitCode = 1
} catch (error) {
  console.error(`\nbench:api failed: ${error instanceof Error ? error.message : String(error)}`)
  exitCode = 1
} finally {
  await server.stop()
}
process.exit(exitCode)
