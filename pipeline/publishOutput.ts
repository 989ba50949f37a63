import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'

/**
 * Moves a freshly built mission site into `sitesDir/<code>` with two renames, so a reader
 * (or the local server) sees either the old site or the new one, never a half-copied tree.
 */
export function publishMissionOutput(options: { builtDir: string; mediaDir: string; sitesDir: string; code: string }) {
  const target = path.join(options.sitesDir, options.code)
  const staging = `${target}.new-${process.pid}`
  const previous = `${target}.old-${process.pid}`
  mkdirSync(options.sitesDir, { recursive: true })
  rmSync(staging, { recursive: true, force: true })
  renameSync(options.builtDir, staging)
  if (existsSync(options.mediaDir)) cpSync(options.mediaDir, path.join(staging, 'media'), { recursive: true })
  if (existsSync(target)) renameSync(target, previous)
  renameSync(staging, target)
  rmSync(previous, { recursive: true, force: true })
}
