import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The one place the product reads its environment: every variable in the README's
 * "Configuration" table and the internal MP_* ones the pipeline passes to its child processes
 * (the Astro build, the admin's Next.js server). Each reader parses and checks its variable and
 * names it in the error. Readers run when called, not at import, because processes set some
 * variables after start (the embedded database's DATABASE_URL, SITE_BASE_URL in `npm start`);
 * `checkConfig()` validates them all once at start-up. An empty value counts as unset.
 */

export type Env = Record<string, string | undefined>

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message)
    this.name = 'ConfigError'
  }
}

const raw = (name: string, env: Env = process.env): string | undefined => {
  const value = env[name]
  return value === undefined || value === '' ? undefined : value
}

function integer(name: string, fallback: number, check: { min?: number; max?: number; what?: string } = {}, env: Env = process.env): number {
  const value = raw(name, env)
  if (value === undefined) return fallback
  const n = Number(value)
  const { min = -Infinity, max = Infinity, what = 'a whole number' } = check
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `${name} must be ${what}, got "${value}".`)
  return n
}

const port = (name: string, fallback: number, env: Env = process.env) => integer(name, fallback, { min: 1, max: 65535, what: 'a port number (1–65535)' }, env)

function positive(name: string, fallback: number, env: Env = process.env): number {
  const value = raw(name, env)
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(name, `${name} must be a positive number, got "${value}".`)
  return n
}

function oneOf<T extends string>(name: string, values: readonly T[], env: Env = process.env): T | undefined {
  const value = raw(name, env)
  if (value === undefined) return undefined
  if (!(values as readonly string[]).includes(value)) throw new ConfigError(name, `${name} must be one of ${values.join(', ')}, got "${value}".`)
  return value as T
}

function url(name: string, env: Env = process.env): string | undefined {
  const value = raw(name, env)
  if (value === undefined) return undefined
  if (!URL.canParse(value)) throw new ConfigError(name, `${name} must be an absolute URL such as https://example.org, got "${value}".`)
  return value
}

function json<T>(name: string, env: Env = process.env): T | undefined {
  const value = raw(name, env)
  if (value === undefined) return undefined
  try {
    return JSON.parse(value) as T
  } catch {
    throw new ConfigError(name, `${name} must be JSON, got "${value}".`)
  }
}

/** A variable that must be set; `why` tells the reader how it gets set. */
function required(name: string, why: string, env: Env = process.env): string {
  const value = raw(name, env)
  if (value === undefined) throw new ConfigError(name, `${name} is not set: ${why}`)
  return value
}

// ---- Where things live --------------------------------------------------------------------

// Inside the admin's Next.js bundle this module no longer sits in core/, so `npm start`
// passes the real root down (MP_PROJECT_ROOT) along with absolute DATA_DIR and DIST_DIR.
export const projectRoot = raw('MP_PROJECT_ROOT') ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where the embedded database, media uploads and generated secrets live (git-ignored). */
export const dataDir = path.resolve(projectRoot, raw('DATA_DIR') ?? '.data')
export const mediaDir = path.join(dataDir, 'media')
/** Where built sites go (DIST_DIR). */
export const distDirFromEnv = () => path.resolve(projectRoot, raw('DIST_DIR') ?? 'dist')
export const backupDirFromEnv = () => path.resolve(projectRoot, raw('BACKUP_DIR') ?? 'backups')
/** Where the alert files go: MP_ALERTS_DIR (tests), else <DIST_DIR>/alerts. */
export const alertsDirFromEnv = () => raw('MP_ALERTS_DIR') ?? path.join(distDirFromEnv(), 'alerts')

// ---- Servers ------------------------------------------------------------------------------

export const adminPort = port('PORT', 3000)
export const sitePort = port('SITE_PORT', 4321)
export const edgePort = () => port('EDGE_PORT', 8787)
/** The address the servers listen on. */
export const listenHost = () => raw('HOST') ?? '127.0.0.1'
/** SERVER_URL as set (the generated CloudFront policy names the admin only then). */
export const serverUrlFromEnv = () => url('SERVER_URL')
export const serverURL = serverUrlFromEnv() ?? `http://localhost:${adminPort}`
/** API_READ_CACHE=off turns the admin API's read cache off (cms/endpoints/readCache.ts); on by default. */
export const apiReadCacheEnabled = () => !/^(off|0|false|no)$/i.test(raw('API_READ_CACHE') ?? '')
/** The admin is served over https: secure cookies, HSTS. */
export const servedOverHttps = () => (raw('SERVER_URL') ?? '').startsWith('https:')
/** SITE_BASE_URL: when set, sites are built for `<base>/<code>/` (read when called: `npm start` sets it). */
export const siteBaseUrl = () => url('SITE_BASE_URL')
export const nodeEnv = () => raw('NODE_ENV')
export const production = () => nodeEnv() === 'production'
/** The operating-system account running a command (named in the audit of a CLI deploy). */
export const osUser = () => raw('USER')
/** DEBUG: the command-line tools print stack traces. */
export const debug = () => raw('DEBUG') !== undefined

// ---- Database -----------------------------------------------------------------------------

/** The operator's PostgreSQL (DATABASE_URL); undefined when the embedded server is used. */
export const databaseUrl = () => raw('DATABASE_URL')
/** MP_EMBEDDED_DB=1: DATABASE_URL points at the embedded server this process (or its parent) started. */
export const embeddedDatabase = () => raw('MP_EMBEDDED_DB') === '1'
export const embeddedPgPort = () => integer('EMBEDDED_PG_PORT', 0, { min: 0, max: 65535, what: 'a port number (1–65535)' }) || undefined
export const DEFAULT_POOL_MAX = 20
/** Connections per process (DATABASE_POOL_MAX); one of them stays with the database adapter. */
export const databasePoolMax = (value: string | undefined = raw('DATABASE_POOL_MAX')) =>
  integer(
    'DATABASE_POOL_MAX',
    DEFAULT_POOL_MAX,
    { min: 2, max: 1000, what: 'a whole number from 2 to 1000 (one connection stays with the database adapter)' },
    { DATABASE_POOL_MAX: value },
  )
/** Folder with pg_dump/pg_restore (PG_BIN), else PATH. */
export const pgBin = () => raw('PG_BIN')
export const searchPath = () => (raw('PATH') ?? '').split(path.delimiter).filter(Boolean)

/**
 * PAYLOAD_SECRET signs sessions and encrypts API keys. With the embedded default
 * it is generated once into .data/; against an operator's database it must come from env.
 */
export function payloadSecret(): string {
  const secret = raw('PAYLOAD_SECRET')
  if (secret) return secret
  if (!embeddedDatabase()) {
    throw new ConfigError('PAYLOAD_SECRET', 'PAYLOAD_SECRET must be set when DATABASE_URL points to your own Postgres server.')
  }
  const file = path.join(dataDir, 'payload-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}
/** PAYLOAD_SECRET as set, without the embedded default (backups are keyed with it). */
export const payloadSecretFromEnv = () => raw('PAYLOAD_SECRET')

// ---- Seeding, logs, mail ------------------------------------------------------------------

/** SEED_PASSWORD: the demo accounts' password, at least 12 characters. */
export function seedPassword(): string | undefined {
  const value = raw('SEED_PASSWORD')
  if (value !== undefined && value.length < 12) throw new ConfigError('SEED_PASSWORD', 'SEED_PASSWORD must be at least 12 characters long.')
  return value
}
export const logFormat = () => oneOf('LOG_FORMAT', ['json', 'pretty'] as const)
export const logLevel = () => raw('LOG_LEVEL')
/** MAIL_FEEDBACK_TOKEN: the Bearer token of the mail provider's bounce and complaint reports; unset, that endpoint is off. */
export const mailFeedbackToken = () => raw('MAIL_FEEDBACK_TOKEN')
/** Subscriber mail per second (MAIL_RATE_PER_SECOND), at least 0.1. */
export const mailRatePerSecond = () => Math.max(0.1, positive('MAIL_RATE_PER_SECOND', 10))

// ---- Builds and deploys -------------------------------------------------------------------

/** Most Astro builds at once (MP_BUILD_PROCESSES), else the number of cores. */
export const buildProcesses = () => integer('MP_BUILD_PROCESSES', 0, { min: 0, what: 'a whole number of processes' }) || os.availableParallelism()
export const deployAllowLoopback = () => raw('DEPLOY_ALLOW_LOOPBACK') === 'true'
export const deployKeep = () => String(integer('DEPLOY_KEEP', 20, { min: 1, what: 'a whole number of deployments, at least 1' }))
/** Base delay of the CDN purge's retries (CDN_PURGE_BACKOFF_MS; tests shorten it). */
export const cdnPurgeBackoffMs = () => integer('CDN_PURGE_BACKOFF_MS', 500, { min: 0, what: 'a whole number of milliseconds' })
export const cdnPurgeToken = () => raw('CDN_PURGE_TOKEN')
export const s3Bucket = () => raw('S3_BUCKET')
export const edgeCache = () => (raw('EDGE_CACHE') === 'on' ? 'on' : 'off')
/** CLOUDFRONT_MISSION_HOSTS: JSON mission code → host, for the generated CloudFront function. */
export const cloudfrontMissionHosts = () => json<Record<string, string>>('CLOUDFRONT_MISSION_HOSTS') ?? {}
export const chromiumPath = () => raw('CHROMIUM_PATH') ?? '/usr/bin/chromium'

// ---- The Astro build (set by pipeline/renderAstro.ts for its child process) ---------------

/**
 * What the site build reads. Read when called, never at import, so a module of site/ can be
 * imported (by a test, by the type checker's tools) without a build around it.
 */
export const siteBuild = {
  contentDir: () => required('MP_CONTENT_DIR', 'run the site build through `npm run build:sites`.'),
  missions: () => (raw('MP_MISSIONS') ?? '').split(',').filter(Boolean),
  outDir: () => raw('MP_ASTRO_OUT_DIR'),
  cacheDir: () => raw('MP_ASTRO_CACHE_DIR'),
  manifestOutDir: () => raw('MP_MANIFEST_OUT_DIR'),
  previousManifestDir: () => raw('MP_PREVIOUS_MANIFEST_DIR'),
  previousSitesDir: () => raw('MP_PREVIOUS_SITES_DIR'),
  templateHash: () => raw('MP_TEMPLATE_HASH') ?? '',
  /** Site-relative files to render (newline-separated), or null for all. */
  renderOnly: () => raw('MP_RENDER_ONLY')?.split('\n').filter(Boolean) ?? null,
  /** Articles per listing page; SITE_PAGE_SIZE lets tests exercise pagination with little content.
   *  Read at import by the site's data module, so a bad value falls back to 12 instead of throwing. */
  pageSize: () => Math.max(1, Number(raw('SITE_PAGE_SIZE')) || 12),
}

/** Reads every variable once, so a bad value stops a command at start with its name, not mid-run. */
export function checkConfig(): void {
  const readers: (() => unknown)[] = [
    edgePort,
    siteBaseUrl,
    embeddedPgPort,
    () => databasePoolMax(),
    seedPassword,
    logFormat,
    mailRatePerSecond,
    buildProcesses,
    deployKeep,
    cdnPurgeBackoffMs,
    cloudfrontMissionHosts,
  ]
  for (const read of readers) read()
}
