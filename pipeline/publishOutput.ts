import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * Moves a freshly built mission site into `sitesDir/<code>` with two renames, so a reader
 * (or the local server) sees either the old site or the new one, never a half-copied tree.
 */
export function publishMissionOutput(options: { builtDir: string; mediaDir: string; sitesDir: string; code: string }) {
  const target = path.join(options.sitesDir, options.code)
  const staging = `${target}.new-${process.pid}`
  // Unique per swap: the previous swap's old folder may still be being deleted in the background.
  const previous = `${target}.old-${process.pid}-${Date.now()}`
  mkdirSync(options.sitesDir, { recursive: true })
  rmSync(staging, { recursive: true, force: true })
  renameSync(options.builtDir, staging)
  if (existsSync(options.mediaDir)) cpSync(options.mediaDir, path.join(staging, 'media'), { recursive: true })
  if (existsSync(target)) renameSync(target, previous)
  renameSync(staging, target)
  // The old site is deleted in the background (tens of thousands of files for a large mission);
  // if the process ends first, the next build's recoverInterruptedBuilds removes the rest.
  void rm(previous, { recursive: true, force: true }).catch(() => {})
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Cleans up after a build killed mid-way: a site left only as `<code>.old-<pid>` (killed between
 * the two renames) is put back, and staging folders and work directories of dead processes are
 * removed. Runs before every build.
 */
export function recoverInterruptedBuilds(sitesDir: string, workDir: string) {
  if (existsSync(sitesDir)) {
    for (const name of readdirSync(sitesDir)) {
      const m = /^(.+)\.(new|old)-(\d+)(?:-\d+)?$/.exec(name)
      if (!m || alive(Number(m[3]))) continue
      const [, code, kind] = m
      const dir = path.join(sitesDir, name)
      if (kind === 'old' && !existsSync(path.join(sitesDir, code!))) renameSync(dir, path.join(sitesDir, code!))
      else rmSync(dir, { recursive: true, force: true })
    }
  }
  if (existsSync(workDir)) {
    for (const name of readdirSync(workDir)) {
      const m = /^build-(\d+)-/.exec(name)
      if (m && !alive(Number(m[1]))) rmSync(path.join(workDir, name), { recursive: true, force: true })
    }
  }
}
