import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { recoverInterruptedBuilds, replacedSitesDir } from '../../pipeline/publishOutput'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mp-recover-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const dead = 999_999_999

describe('a build killed mid-way', () => {
  it('puts back a site left between the two renames and clears leftovers of dead processes only', () => {
    const sites = path.join(tmp, 'sites')
    const work = path.join(tmp, 'work')
    const file = (...p: string[]) => {
      mkdirSync(path.join(...p.slice(0, -1)), { recursive: true })
      writeFileSync(path.join(...p), 'x')
    }
    const replaced = replacedSitesDir(sites)
    file(replaced, `au-canberra.old-${dead}-1`, 'vi', 'index.html') // killed after the first rename
    file(replaced, `jp-osaka.old-${dead}-2`, 'vi', 'index.html') // killed while deleting the replaced site
    file(sites, `eg-cairo.old-${dead}`, 'vi', 'index.html') // left in the published tree by an older version
    file(sites, `jp-osaka.new-${dead}`, 'vi', 'index.html') // killed while staging
    file(sites, 'jp-osaka', 'vi', 'index.html')
    file(sites, `eg-cairo.new-${process.pid}`, 'vi', 'index.html') // a build in progress (alive)
    file(work, `build-${dead}-1`, 'content', 'a.json')
    file(work, `build-${process.pid}-2`, 'content', 'a.json')

    recoverInterruptedBuilds(sites, work)

    expect(readFileSync(path.join(sites, 'au-canberra', 'vi', 'index.html'), 'utf8')).toBe('x')
    expect(existsSync(path.join(replaced, `au-canberra.old-${dead}-1`))).toBe(false)
    expect(existsSync(path.join(replaced, `jp-osaka.old-${dead}-2`))).toBe(false)
    expect(readFileSync(path.join(sites, 'eg-cairo', 'vi', 'index.html'), 'utf8')).toBe('x')
    expect(existsSync(path.join(sites, `jp-osaka.new-${dead}`))).toBe(false)
    expect(existsSync(path.join(sites, 'jp-osaka', 'vi', 'index.html'))).toBe(true)
    expect(existsSync(path.join(sites, `eg-cairo.new-${process.pid}`))).toBe(true)
    expect(existsSync(path.join(work, `build-${dead}-1`))).toBe(false)
    expect(existsSync(path.join(work, `build-${process.pid}-2`))).toBe(true)
  })
})

describe('npm run deploy: bad arguments', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/deploy.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, S3_BUCKET: '' },
    })

  it('explains usage when no mission, --all or --rollback is given, and touches nothing', () => {
    const r = run()
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/Usage: npm run deploy -- --mission <code>/)
  })

  it('says which setting is missing before touching any database', () => {
    const r = run('--all')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('S3_BUCKET is not set')
    expect(run('--all', '--skip-build').stderr).toContain('S3_BUCKET is not set')
    const bad = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/deploy.ts', '--all'], {
      encoding: 'utf8',
      env: { ...process.env, S3_BUCKET: 'sites', S3_ENDPOINT: 'ftp://nope' },
    })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('S3_ENDPOINT must be an http(s) URL, got "ftp://nope"')
  })

  it('rejects a rollback id that is not a number', () => {
    const r = run('--rollback', 'latest')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--rollback needs a deployment id (a number), got "latest"')
  })
})
