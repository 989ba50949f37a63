import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildSearchIndexes, holdSearchBackend } from '../../pipeline/searchIndex'

/** Missions rendered in parallel index their search at the same time: they must not break each other. */
const root = mkdtempSync(path.join(os.tmpdir(), 'mp-search-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function site(name: string, pages: number) {
  const dir = path.join(root, name)
  for (let i = 0; i < pages; i++) {
    const page = path.join(dir, 'vi', 'tin-tuc', `bai-${i}`)
    mkdirSync(page, { recursive: true })
    writeFileSync(
      path.join(page, 'index.html'),
      `<!doctype html><html lang="vi"><body><main data-pagefind-body><h1>Đại sứ quán ${name} ${i}</h1><p>Nội dung ${i}</p></main></body></html>`,
    )
  }
  return dir
}

describe('search indexes', () => {
  it('builds the indexes of several missions started at the same time', async () => {
    const sites = ['a', 'b', 'c', 'd'].map((n) => site(n, 5))
    const results = await Promise.all(sites.map((dir) => buildSearchIndexes(dir, ['vi'])))
    expect(results).toEqual(sites.map(() => ({ vi: 5 })))
    for (const dir of sites) expect(existsSync(path.join(dir, 'vi', 'pagefind', 'pagefind-entry.json'))).toBe(true)
  })

  it('hands a lane from a finished mission to a waiting one without closing it under it, and the index finds the page', async () => {
    // More missions than lanes (one per core), started together, without a build holding the backends.
    const sites = ['e', 'f', 'g', 'h', 'i', 'j'].map((n) => site(n, 3))
    const results = await Promise.all(sites.map((dir) => buildSearchIndexes(dir, ['vi'])))
    expect(results).toEqual(sites.map(() => ({ vi: 3 })))
    const held = holdSearchBackend()
    expect(await buildSearchIndexes(site('k', 2), ['vi'])).toEqual({ vi: 2 })
    await held()
    // Each index is whole: its entry file counts every page of its mission.
    const entry = JSON.parse(readFileSync(path.join(root, 'g', 'vi', 'pagefind', 'pagefind-entry.json'), 'utf8'))
    expect(entry.languages.vi.page_count).toBe(3)
  })
})
