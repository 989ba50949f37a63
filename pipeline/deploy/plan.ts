import { isPage, type Manifest } from './objects'

/**
 * What a deploy does, in the order it must happen:
 * 1. `assets` — new/changed non-page objects (images, bundles), so that pages uploaded next
 *    never reference an object that is not there yet;
 * 2. `pages` — HTML, feeds, sitemaps, search index;
 * 3. (the live manifest is written only now, after every upload succeeded)
 * 4. `deletes` — objects no longer in the site; removed last, after no page links them.
 */
export type DeployPlan = { assets: string[]; pages: string[]; deletes: string[]; unchanged: number }

export function planDeploy(desired: Manifest, live: Manifest | null, listed: Iterable<string>): DeployPlan {
  const present = new Set(listed)
  const assets: string[] = []
  const pages: string[] = []
  let unchanged = 0
  for (const [file, entry] of Object.entries(desired.files)) {
    // Uploaded when the live manifest has another hash, or the object went missing from the bucket.
    const same = live?.files[file]?.sha256 === entry.sha256 && present.has(file)
    if (same) unchanged++
    else (isPage(file) ? pages : assets).push(file)
  }
  const deletes = [...present].filter((f) => !(f in desired.files)).sort()
  return { assets: assets.sort(), pages: pages.sort(), deletes, unchanged }
}
