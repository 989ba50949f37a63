import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from '#core/config'
import { siteProjectDir } from '#core/paths'

/**
 * V8 sizes its heap by the limit it is given, not by what a build keeps: an astro build holding
 * 10,800 pages (48 missions × 225) has ~150 MB of live objects but peaks at ~680 MB RSS with
 * the default limit, ~580 MB with this one, for ~1% more time in garbage collection (CPU
 * profiles of the same build). That is about seven times the live heap of a shard; one that still
 * ran out would fail like any broken shard and be rendered again mission by mission.
 */
const ASTRO_HEAP_LIMIT_MB = 1024

/**
 * Runs one `astro build` for all requested missions in a child process: Astro's fixed
 * start-up cost is paid once, and the CMS process keeps its memory. Output lines are
 * passed to `log` as they come.
 */
export function renderAstro(options: {
  contentDir: string
  outDir: string
  cacheDir?: string
  missions: string[]
  log: (line: string) => void
  onProcess?: (pid: number) => void
  /** Incremental rendering (pipeline/incremental.ts): where routes record fingerprints, and what the last build had. */
  incremental?: { manifestOutDir: string; previousManifestDir: string; previousSitesDir: string; templateHash: string }
  /** Render only these site-relative files of the incremental routes (one page for a preview). */
  renderOnly?: string[]
  /** Extra environment for the build (overrides the process's). */
  env?: Record<string, string>
}) {
  const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')
  return new Promise<void>((resolve, reject) => {
    // Astro puts its intermediate server bundle in `<outDir>/.prerender` only when outDir is
    // inside the working directory, else in a folder shared by every build of the project, which
    // concurrent builds would delete under each other. So the build runs from outDir's parent,
    // where the bundle's imports must find the project's packages.
    const cwd = path.dirname(options.outDir)
    mkdirSync(cwd, { recursive: true })
    const modules = path.join(cwd, 'node_modules')
    if (!existsSync(modules)) symlinkSync(path.join(projectRoot, 'node_modules'), modules, 'junction')
    const child = spawn(process.execPath, [astroBin, 'build', '--silent', '--root', siteProjectDir], {
      cwd,
      env: {
        ...process.env,
        MP_CONTENT_DIR: options.contentDir,
        MP_MISSIONS: options.missions.join(','),
        MP_ASTRO_OUT_DIR: options.outDir,
        ...(options.cacheDir ? { MP_ASTRO_CACHE_DIR: options.cacheDir } : {}),
        ...(options.incremental
          ? {
              MP_MANIFEST_OUT_DIR: options.incremental.manifestOutDir,
              MP_PREVIOUS_MANIFEST_DIR: options.incremental.previousManifestDir,
              MP_PREVIOUS_SITES_DIR: options.incremental.previousSitesDir,
              MP_TEMPLATE_HASH: options.incremental.templateHash,
            }
          : {}),
        ...(options.renderOnly ? { MP_RENDER_ONLY: options.renderOnly.join('\n') } : {}),
        ...options.env,
        NODE_OPTIONS: [options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS, `--max-old-space-size=${ASTRO_HEAP_LIMIT_MB}`].filter(Boolean).join(' '),
        ASTRO_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (child.pid) options.onProcess?.(child.pid)
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((l) => options.log(l)),
    )
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}:\n${stderr.trim().split('\n').slice(-20).join('\n')}`)),
    )
  })
}
