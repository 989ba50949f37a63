import pLimit from 'p-limit'
import type { Payload } from 'payload'
import type { Mission } from '#core/payload-types'
import { countPublishedArticles } from './exportContent'
import { buildProcesses } from '#core/config'

/** Below this many article pages one astro process is faster than paying start-up twice. */
const PAGES_PER_EXTRA_PROCESS = 400

/**
 * At most this many article pages per astro process. An astro build holds every page's data of
 * its missions (getStaticPaths) until it ends: about 600 MB at 9,600 article pages (96 × 100 on
 * two processes). Larger corpora get more processes, run `concurrent` at a time, so memory stays
 * bounded whatever the number of articles.
 */
const MAX_PAGES_PER_PROCESS = 10_000

/**
 * How many astro builds (each pays Astro's start-up, ~0.7 s) and how many at once: one per core
 * (rendering is single-threaded), none below ~400 article pages each, and more (still one per
 * core at a time) when a process would hold more than MAX_PAGES_PER_PROCESS. Measured at 8
 * missions × 100 articles on 2 cores: two builds, the first rendering while the second shard is
 * exported, 7.2 s; four builds (two at a time, more overlap, two more start-ups) 9.0 s.
 */
export function renderPlan(articlePages: number, missions: number, cores = buildProcesses()) {
  const forSpeed = Math.min(cores, Math.ceil(articlePages / PAGES_PER_EXTRA_PROCESS))
  const forMemory = Math.ceil(articlePages / MAX_PAGES_PER_PROCESS)
  const shards = Math.max(1, Math.min(missions, Math.max(forSpeed, forMemory)))
  return { shards, concurrent: Math.min(shards, cores) }
}

/** Greedy balance: heaviest mission first onto the lightest shard. */
export function shardMissions(missions: { code: string; weight: number }[], count: number): string[][] {
  const shards = Array.from({ length: Math.min(count, missions.length) }, () => ({ weight: 0, codes: [] as string[] }))
  for (const m of [...missions].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))) {
    const lightest = shards.reduce((x, y) => (y.weight < x.weight ? y : x))
    lightest.codes.push(m.code)
    lightest.weight += m.weight + 1
  }
  return shards.map((s) => s.codes.sort()).filter((c) => c.length)
}

/**
 * Shards from the published article count, planned before the export: exporting and rendering
 * then overlap — a shard renders while the next one is exported.
 */
export async function planBuild(payload: Payload, missions: Mission[], concurrency: number) {
  const limit = pLimit(concurrency)
  const counted = await Promise.all(
    missions.map((m) => limit(async () => ({ code: m.code, weight: (await countPublishedArticles(payload, m.id)) * m.enabledLocales.length }))),
  )
  const plan = renderPlan(
    counted.reduce((n, c) => n + c.weight, 0),
    missions.length,
  )
  return { shards: shardMissions(counted, plan.shards), concurrent: plan.concurrent }
}
