import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * Where replaced sites wait to be deleted: beside `sitesDir`, not in it, so nothing that syncs or
 * serves the published tree ever sees an old copy (same file system, so moving there is a rename).
 */
export const replacedSitesDir = (sitesDir: string) => path.join(path.dirname(sitesDir), '.replaced', path.basename(sitesDir))

const removals = new Set<Promise<void>>()

/**
 * Moves a freshly built mission site into `sitesDir/<code>` with two renames, so a reader
 * (or the local server) sees either the old site or the new one, never a half-copied tree.
 */
export function publishMissionOutput(options: { builtDir: string; mediaDir: string; sitesDir: string; code: string }) {
  const target = path.join(options.sitesDir, options.code)
  const staging = `${target}.new-${process.pid}`
  // Unique per swap: the previous swap's old folder may still be being deleted in the background.
  const previous = path.join(replacedSitesDir(options.sitesDir), `${options.code}.old-${process.pid}-${Date.now()}`)
  mkdirSync(options.sitesDir, { recursive: true })
  mkdirSync(path.dirname(previous), { recursive: true })
  rmSync(staging, { recursive: true, force: true })
  renameSync(options.builtDir, staging)
  if (existsSync(options.mediaDir)) cpSync(options.mediaDir, path.join(staging, 'media'), { recursive: true })
  if (existsSync(target)) renameSync(target, previous)
  renameSync(staging, target)
  // The old site is deleted in the background (tens of thousands of files for a large mission);
  // a command awaits settleReplacedSites() before it exits, and if the process is killed first,
  // the next build's recoverInterruptedBuilds removes the rest.
  const removal = rm(previous, { recursive: true, force: true }).catch(() => {})
  removals.add(removal)
  void removal.finally(() => removals.delete(removal))
}

/** Waits until the replaced sites of this process are deleted (before a command exits). */
export async function settleReplacedSites() {
  while (removals.size) await Promise.all([...removals])
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
  // Staging folders sit in sitesDir; replaced sites beside it (older versions left them in sitesDir too).
  for (const dir of [sitesDir, replacedSitesDir(sitesDir)]) {
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir)) {
      const m = /^(.+)\.(new|old)-(\d+)(?:-\d+)?$/.exec(name)
      if (!m || alive(Number(m[3]))) continue
      const [, code, kind] = m
      const leftover = path.join(dir, name)
      if (kind === 'old' && !existsSync(path.join(sitesDir, code!))) renameSync(leftover, path.join(sitesDir, code!))
      else rmSync(leftover, { recursive: true, force: true })
    }
  }
  if (existsSync(workDir)) {
    for (const name of readdirSync(workDir)) {
      const m = /^build-(\d+)-/.exec(name)
      if (m && !alive(Number(m[1]))) rmSync(path.join(workDir, name), { recursive: true, force: true })
    }
  }
}
