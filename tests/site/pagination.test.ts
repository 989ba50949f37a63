import { describe, expect, it } from 'vitest'
import { archivePages, sectionPage } from '../../site/src/routing/pagination'

/** Articles 1…n, newest first (as listings are sorted). */
const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i)

describe('section listings paginated from the oldest', () => {
  it('shows the newest articles on the section page and the rest on complete archive pages, oldest on page 1', () => {
    expect(sectionPage(newestFirst(25), 10)).toEqual({ items: [25, 24, 23, 22, 21, 20, 19, 18, 17, 16], older: 2 })
    expect(archivePages(newestFirst(25), 10)).toEqual([
      { page: 1, items: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], older: null, newer: 2 },
      { page: 2, items: [20, 19, 18, 17, 16, 15, 14, 13, 12, 11], older: 1, newer: 'section' },
    ])
  })

  it('a new article changes the section page only, until it completes an archive page', () => {
    const before = archivePages(newestFirst(25), 10)
    for (let n = 26; n <= 30; n++) expect(archivePages(newestFirst(n), 10)).toEqual(before)
    const after = archivePages(newestFirst(31), 10)
    expect(after.slice(0, 1)).toEqual(before.slice(0, 1))
    expect(after[1]).toEqual({ ...before[1], newer: 3 })
    expect(after[2]).toEqual({ page: 3, items: [30, 29, 28, 27, 26, 25, 24, 23, 22, 21], older: 2, newer: 'section' })
  })

  it('a short section has no archive, and every article is listed somewhere', () => {
    expect(sectionPage(newestFirst(10), 10)).toEqual({ items: newestFirst(10), older: null })
    expect(archivePages(newestFirst(10), 10)).toEqual([])
    expect(sectionPage([], 10)).toEqual({ items: [], older: null })
    const listed = new Set([...sectionPage(newestFirst(47), 10).items, ...archivePages(newestFirst(47), 10).flatMap((p) => p.items)])
    expect(listed.size).toBe(47)
  })
})
