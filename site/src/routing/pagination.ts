/**
 * Section listings paginated so that a new article rewrites two pages, not the whole archive
 * (docs/site.md, "Listings"). The section's own URL shows the newest `size` articles. Older
 * articles sit on archive pages numbered from the oldest — page 1 holds the first `size`
 * articles ever published — and only complete pages exist, so an archive page's articles, and
 * its links, stay the same while newer articles arrive: one more article changes the section's
 * page and, once every `size` articles, adds an archive page and re-links the one before it.
 * (Removing or back-dating an old article still shifts the pages after it.)
 */

/** Where a listing page's links lead: an archive page's number, or the section's own page. */
export type ListingLink = number | 'section' | null

export type ArchivePage<T> = { page: number; items: T[]; older: ListingLink; newer: ListingLink }

/** The number of complete archive pages: every article but the newest chunk (which the section page shows). */
const archiveCount = (total: number, size: number) => Math.max(0, Math.ceil(total / size) - 1)

/** The section's own page: the newest `size` articles and the archive page to go on with. */
export function sectionPage<T>(newestFirst: T[], size: number): { items: T[]; older: ListingLink } {
  const archives = archiveCount(newestFirst.length, size)
  return { items: newestFirst.slice(0, size), older: archives > 0 ? archives : null }
}

/** The archive pages of a section, oldest first, each with `size` articles newest first. */
export function archivePages<T>(newestFirst: T[], size: number): ArchivePage<T>[] {
  const oldestFirst = [...newestFirst].reverse()
  const archives = archiveCount(newestFirst.length, size)
  return Array.from({ length: archives }, (_, i) => ({
    page: i + 1,
    items: oldestFirst.slice(i * size, (i + 1) * size).reverse(),
    older: i > 0 ? i : null,
    newer: i + 1 < archives ? i + 2 : 'section',
  }))
}
