import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { adminPort, dataDir, payloadSecret, projectRoot } from '#core/config'
import { distDir } from '#core/paths'

const cmsDir = path.join(projectRoot, 'cms')
const nextDir = path.join(cmsDir, '.next')
const stampFile = path.join(nextDir, 'mission-publisher-source.sha256')
export const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next')

function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === '.next' || entry.name === 'node_modules' || entry.name === 'migrations') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(tsx?|css|json)$/.test(entry.name)) hash.update(full).update(readFileSync(full))
    }
  }
  walk(cmsDir)
  for (const dir of ['core', 'media', 'pipeline']) walk(path.join(projectRoot, dir))
  // package.json's "imports" (the #core/… aliases) decide what the admin's imports resolve to.
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(projectRoot, file)))
  return hash.digest('hex')
}

/** Builds the Next.js admin when its sources changed since the last build (about a minute, once). */
export async function ensureAdminBuilt(log: (l: string) => void, env: NodeJS.ProcessEnv) {
  const hash = sourceHash()
  if (existsSync(path.join(nextDir, 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return
  log('Building the admin UI (first start or changed sources; takes about a minute) …')
  const started = Date.now()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build', cmsDir], {
      cwd: projectRoot,
      env: { ...env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Admin build failed (next build exited ${code}):\n${output.slice(-4000)}`))))
  })
  writeFileSync(stampFile, hash)
  log(`Admin UI built in ${((Date.now() - started) / 1000).toFixed(0)} s.`)
}

export const adminBuildExists = () => existsSync(path.join(nextDir, 'BUILD_ID')) && statSync(nextDir).isDirectory()

/**
 * The environment of the admin's Next.js server: the secret, production mode, and this process's
 * absolute data locations (the admin writes uploads and alert files where the jobs find them).
 */
export const adminServerEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  PAYLOAD_SECRET: payloadSecret(),
  NODE_ENV: 'production',
  MP_PROJECT_ROOT: projectRoot,
  DATA_DIR: dataDir,
  DIST_DIR: distDir,
})

/** Appends each connection's peer address to X-Forwarded-For (the client address: cms/endpoints/clientAddress.ts). */
const peerAddressPreload = pathToFileURL(path.join(cmsDir, 'endpoints', 'peerAddress.mjs')).href

/** Starts the built admin (`next start`) on PORT and `host`, its output passed through. */
export const startAdminServer = (host: string, env: NodeJS.ProcessEnv = adminServerEnv()): ChildProcess =>
  spawn(process.execPath, ['--import', peerAddressPreload, nextBin, 'start', cmsDir, '-p', String(adminPort), '-H', host], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
