import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export type ItemType = 'post' | 'page'
type Outcome = 'created' | 'updated' | 'unchanged'

/**
 * What an import did, for the terminal (a table, problems per item with its source URL, a
 * progress line with ETA) and as JSON (docs/import.md describes its fields).
 */
export class ImportReport {
  readonly meta: { mission: string; origin: string; format: string; as: string; dryRun: boolean; startedAt: string }
  readonly counts: Record<ItemType | 'redirect', { created: number; updated: number; unchanged: number; skipped: number; failed: number }> = {
    post: { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
    page: { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
    redirect: { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
  }
  readonly skippedBy: Record<string, number> = {}
  readonly problems: { url: string; message: string }[] = []
  readonly failures: { type: ItemType; url: string; error: string }[] = []
  seconds = 0
  itemsPerSecond = 0

  constructor(meta: Omit<ImportReport['meta'], 'startedAt'>) {
    this.meta = { ...meta, startedAt: new Date().toISOString() }
  }

  count(type: ItemType, outcome: Outcome) {
    this.counts[type][outcome]++
  }
  skip(type: ItemType, reason: string, url: string) {
    this.counts[type].skipped++
    const key = `${type}: ${reason}`
    this.skippedBy[key] = (this.skippedBy[key] ?? 0) + 1
    void url
  }
  problem(url: string, message: string) {
    this.problems.push({ url, message })
  }
  fail(type: ItemType, url: string, error: string) {
    this.counts[type].failed++
    this.failures.push({ type, url, error })
  }
  redirect(outcome: Outcome) {
    this.counts.redirect[outcome]++
  }

  /** A progress line every 5 % (and at least every 10 s) with items/s and the time left. */
  progress(total: number, log: (line: string) => void) {
    const started = Date.now()
    let done = 0
    let lastAt = 0
    let lastShare = -1
    return {
      tick: () => {
        done++
        const now = Date.now()
        const share = Math.floor((done / total) * 20)
        if (total < 50 || (now - lastAt < 10_000 && share === lastShare)) return
        lastAt = now
        lastShare = share
        const rate = done / Math.max((now - started) / 1000, 0.001)
        const eta = (total - done) / rate
        const bar = '#'.repeat(share).padEnd(20, '.')
        log(`[${bar}] ${done}/${total} items, ${rate.toFixed(1)}/s, ETA ${formatSeconds(eta)}`)
      },
      done: () => {
        const seconds = (Date.now() - started) / 1000
        this.itemsPerSecond = done / Math.max(seconds, 0.001)
      },
    }
  }

  finish(seconds: number) {
    this.seconds = seconds
  }

  get ok() {
    return this.failures.length === 0
  }

  table(): string {
    const rows: [string, ...number[]][] = (['post', 'page', 'redirect'] as const).map((t) => {
      const c = this.counts[t]
      return [t === 'post' ? 'posts → articles' : t === 'page' ? 'pages → pages' : 'redirects', c.created, c.updated, c.unchanged, c.skipped, c.failed]
    })
    const head = ['', 'created', 'updated', 'unchanged', 'skipped', 'failed']
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
    const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ')
    return [line(head), ...rows.map(line)].join('\n')
  }

  text(): string {
    const items =
      this.counts.post.created +
      this.counts.post.updated +
      this.counts.post.unchanged +
      this.counts.page.created +
      this.counts.page.updated +
      this.counts.page.unchanged
    const lines = [
      `${this.meta.dryRun ? 'DRY RUN (nothing written): ' : ''}${this.meta.format} from ${this.meta.origin} → ${this.meta.mission} (as ${this.meta.as})`,
      '',
      this.table(),
      '',
      `${items} item(s) in ${this.seconds.toFixed(1)} s: ${this.itemsPerSecond.toFixed(1)} items/s`,
    ]
    if (Object.keys(this.skippedBy).length) lines.push('', 'Skipped:', ...Object.entries(this.skippedBy).map(([k, n]) => `  ${n} × ${k}`))
    if (this.failures.length) lines.push('', 'Failed (nothing of these items was written):', ...this.failures.map((f) => `  ${f.url}: ${f.error}`))
    if (this.problems.length) {
      const shown = this.problems.slice(0, 200)
      lines.push('', `Problems (${this.problems.length}):`, ...shown.map((p) => `  ${p.url}: ${p.message}`))
      if (this.problems.length > shown.length) lines.push(`  … ${this.problems.length - shown.length} more in the JSON report`)
    }
    return lines.join('\n')
  }

  toJSON() {
    return {
      ...this.meta,
      seconds: this.seconds,
      itemsPerSecond: Number(this.itemsPerSecond.toFixed(2)),
      counts: this.counts,
      skipped: this.skippedBy,
      failures: this.failures,
      problems: this.problems,
    }
  }

  /** Writes the JSON report into `dir` and returns its path. */
  save(dir: string): string {
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `import-${this.meta.mission}-${this.meta.startedAt.replace(/[:.]/g, '-')}.json`)
    writeFileSync(file, `${JSON.stringify(this, null, 2)}\n`)
    return file
  }
}

const formatSeconds = (s: number) =>
  s >= 3600
    ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
    : s >= 60
      ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
      : `${Math.round(s)} s`
