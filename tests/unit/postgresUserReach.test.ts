import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { letPostgresUserReach } from '../../cms/db/embeddedPostgres'

/** A checkout under `mktemp -d` (0700) must not stop the embedded server, which runs as "postgres" under root. */
const root = mkdtempSync(path.join(os.tmpdir(), 'mp-reach-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

it('as root, lets others pass through private root-owned folders above a path — pass, not list — and leaves the rest alone', () => {
  const privateDir = path.join(root, 'private')
  const openDir = path.join(privateDir, 'open')
  mkdirSync(path.join(openDir, 'project'), { recursive: true })
  chmodSync(root, 0o700)
  chmodSync(privateDir, 0o700)
  chmodSync(openDir, 0o755)
  const changed = letPostgresUserReach([path.join(openDir, 'project')])
  const mode = (dir: string) => statSync(dir).mode & 0o777
  if (process.getuid?.() === 0) {
    expect(changed).toEqual(expect.arrayContaining([root, privateDir]))
    expect(mode(root)).toBe(0o701)
    expect(mode(privateDir)).toBe(0o701)
    expect(changed).not.toContain(openDir)
    expect(mode(openDir)).toBe(0o755)
  } else {
    // Not root: the server runs as this user; nothing is changed.
    expect(changed).toEqual([])
    expect(mode(privateDir)).toBe(0o700)
  }
})
