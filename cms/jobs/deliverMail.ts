import type { Payload, TaskConfig, Where } from 'payload'
import type pg from 'pg'
import { mailRatePerSecond } from '#core/config'
import { idOf, idsOf } from '../access/roles'
import { alertMessage, articleMessage, digestMessage, type OutgoingMessage, type Recipient } from '../subscriptions/messages'
import { loadMission, type MissionView } from '../subscriptions/missionView'
import { messageIdFor, suppressed } from '../subscriptions/feedback'
import { MAIL_QUEUE } from '../subscriptions/queue'

type Input = { kind: 'article' | 'alert' | 'digest'; article?: number; locale?: string; alert?: number; day?: string }

/** Messages per second (MAIL_RATE_PER_SECOND, default 10): most SMTP relays throttle above their plan's rate. */
const ratePerSecond = mailRatePerSecond
/** Messages one job run sends before it hands the rest to a new job (the runner stays responsive). */
export const BATCH = 200

const pool = (payload: Payload) => (payload.db as unknown as { pool: pg.Pool }).pool
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Planned = {
  key: string
  publication: string
  kind: string
  article: number | null
  alert: number | null
  mission: number
  subscriber: number
  locale: string
  status: 'pending' | 'digest'
}

/**
 * Writes every message this publication owes, once: one row per subscriber under a unique
 * key, all in one transaction, before anything is sent. A retry finds the plan and only
 * sends what is still pending; subscribers who arrive later are not added to an old publish.
 */
async function plan(payload: Payload, publication: string, rows: () => Promise<Planned[]>): Promise<void> {
  const exists = await pool(payload).query('SELECT 1 FROM deliveries WHERE publication = $1 LIMIT 1', [publication])
  if (exists.rowCount) return
  // Recipients are read before a connection is taken for the insert: holding one while
  // Payload asks the pool for another could starve the pool when several jobs plan at once.
  const planned = await rows()
  if (!planned.length) return
  const db = await pool(payload).connect()
  try {
    await db.query('BEGIN')
    for (let i = 0; i < planned.length; i += 500) {
      const chunk = planned.slice(i, i + 500)
      const values: unknown[] = []
      const tuples = chunk.map((r, j) => {
        values.push(r.key, r.publication, r.kind, r.article, r.alert, r.mission, r.subscriber, r.locale, r.status)
        const b = j * 9
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, now(), now())`
      })
      await db.query(
        `INSERT INTO deliveries (key, publication, kind, article_id, alert, mission_id, subscriber, locale, status, created_at, updated_at) VALUES ${tuples.join(', ')} ON CONFLICT (key) DO NOTHING`,
        values,
      )
    }
    await db.query('COMMIT')
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    db.release()
  }
}

type Claimed = { id: number; key: string; subscriber: number; mission_id: number; locale: string }

/** Takes the next pending row of the publication; SKIP LOCKED lets two runners share one list without overlap. */
async function claim(payload: Payload, publication: string): Promise<Claimed | null> {
  const { rows } = await pool(payload).query<Claimed>(
    `UPDATE deliveries SET status = 'sending', updated_at = now()
      WHERE id = (SELECT id FROM deliveries WHERE publication = $1 AND status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, key, subscriber, mission_id, locale`,
    [publication],
  )
  return rows[0] ?? null
}

async function settle(payload: Payload, id: number, status: string, error: string | null = null) {
  await pool(payload).query(
    `UPDATE deliveries SET status = $2, error = $3, sent_at = CASE WHEN $4 THEN now() ELSE sent_at END, updated_at = now() WHERE id = $1`,
    [id, status, error?.slice(0, 500) ?? null, status === 'sent'],
  )
}

const permanent = (error: unknown) => {
  const code = Number((error as { responseCode?: number }).responseCode)
  return code >= 500 && code < 600
}

/**
 * Sends the pending rows of one publication, rate-limited. A row left "sending" by a crashed
 * runner is marked "uncertain" and not sent again: a message may be lost in that instant,
 * never sent twice. A permanent SMTP refusal (5xx) is a bounce, recorded on the row and the
 * subscriber; a temporary failure puts the row back and fails the job, which Payload retries.
 */
async function sendPending(payload: Payload, publication: string, compose: (r: Recipient, row: Claimed, m: MissionView) => Promise<OutgoingMessage | null>) {
  await pool(payload).query(
    `UPDATE deliveries SET status = 'uncertain', updated_at = now() WHERE publication = $1 AND status = 'sending' AND updated_at < now() - interval '2 minutes'`,
    [publication],
  )
  const missions = new Map<number, MissionView | null>()
  const gap = 1000 / ratePerSecond()
  let sent = 0
  for (let n = 0; n < BATCH; n++) {
    const row = await claim(payload, publication)
    if (!row) return { sent, more: false }
    const subscriber = await payload.findByID({ collection: 'subscribers', id: row.subscriber, depth: 0, overrideAccess: true, disableErrors: true })
    if (!subscriber || suppressed(subscriber)) {
      await settle(payload, row.id, 'skipped', subscriber ? 'address bounced or complained' : 'unsubscribed')
      continue
    }
    if (!missions.has(row.mission_id)) missions.set(row.mission_id, await loadMission(payload, { id: row.mission_id }))
    const mission = missions.get(row.mission_id)
    const message = mission ? await compose({ id: subscriber.id, email: subscriber.email, locale: row.locale }, row, mission) : null
    if (!message) {
      await settle(payload, row.id, 'skipped', 'nothing to send')
      continue
    }
    try {
      await payload.sendEmail(message)
      await settle(payload, row.id, 'sent')
      if (subscriber.bounces) await payload.update({ collection: 'subscribers', id: subscriber.id, data: { bounces: 0 }, overrideAccess: true, depth: 0 })
      sent++
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      if (!permanent(error)) {
        await settle(payload, row.id, 'pending', reason)
        throw new Error(`Mail delivery interrupted (${publication}), will retry: ${reason}`, { cause: error })
      }
      await settle(payload, row.id, 'bounced', reason)
      await payload.update({ collection: 'subscribers', id: subscriber.id, data: { bounces: (subscriber.bounces ?? 0) + 1 }, overrideAccess: true, depth: 0 })
    }
    await sleep(gap)
  }
  return { sent, more: true }
}

async function subscribersOf(payload: Payload, where: Where) {
  return (
    await payload.find({
      collection: 'subscribers',
      where,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { id: true, frequency: true, locale: true, mission: true },
    })
  ).docs
}

async function articleDelivery(payload: Payload, input: Input) {
  const locale = input.locale!
  const publication = `article:${input.article}:${locale}`
  // As an anonymous reader: only what the public can read in this locale is mailed.
  const article = await payload.findByID({
    collection: 'articles',
    id: input.article!,
    locale: locale as 'vi',
    fallbackLocale: false,
    depth: 0,
    overrideAccess: false,
    disableErrors: true,
  })
  if (!article?.title || !article.slug) return { publication, sent: 0, more: false }
  await plan(payload, publication, async () => {
    const rows: Planned[] = []
    for (const mission of idsOf(article.missions)) {
      const subs = await subscribersOf(payload, {
        and: [{ mission: { equals: mission } }, { locale: { equals: locale } }, { sections: { in: [article.section] } }],
      })
      for (const s of subs)
        rows.push({
          key: `${publication}:${s.id}`,
          publication,
          kind: 'article',
          article: article.id,
          alert: null,
          mission,
          subscriber: s.id,
          locale,
          status: s.frequency === 'daily' ? 'digest' : 'pending',
        })
    }
    return rows
  })
  const result = await sendPending(payload, publication, async (r, row, m) => articleMessage(m, r, { ...article, slug: article.slug! }, messageIdFor(row.key)))
  await queueNextDigest(payload)
  return { publication, ...result }
}

async function alertDelivery(payload: Payload, input: Input) {
  const publication = `alert:${input.alert}`
  const alert = (await payload.findByID({
    collection: 'alerts',
    id: input.alert!,
    locale: 'all',
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as unknown as { id: number; mission: unknown; severity: string; text?: Record<string, string | null>; expiresAt: string } | null
  const missionId = idOf(alert?.mission)
  if (!alert || missionId === undefined || new Date(alert.expiresAt).getTime() <= Date.now()) return { publication, sent: 0, more: false }
  await plan(payload, publication, async () =>
    (await subscribersOf(payload, { and: [{ mission: { equals: missionId } }, { alerts: { equals: true } }] })).map((s) => ({
      key: `${publication}:${s.id}`,
      publication,
      kind: 'alert',
      article: null,
      alert: alert.id,
      mission: missionId,
      subscriber: s.id,
      locale: s.locale,
      status: 'pending' as const, // alerts never wait for a digest
    })),
  )
  const result = await sendPending(payload, publication, async (r, row, m) => {
    // The reader's language, else the mission's default language (the alert always has it), marked as such.
    const own = alert.text?.[r.locale]?.trim()
    const textLocale = own ? r.locale : m.defaultLocale
    const text = own || alert.text?.[m.defaultLocale]?.trim()
    return text ? alertMessage(m, r, { text, textLocale, severity: alert.severity, expiresAt: alert.expiresAt }, messageIdFor(row.key)) : null
  })
  return { publication, ...result }
}

/** When daily digests go out (UTC hour). */
export const DIGEST_HOUR_UTC = 7

/**
 * Makes sure one digest job waits for the next DIGEST_HOUR_UTC while articles wait for daily
 * subscribers. (Payload's own job schedules would poll the database every second in every
 * process, the admin's request workers included; one queued job per day does not.)
 */
async function queueNextDigest(payload: Payload) {
  const waiting = await pool(payload).query(`SELECT 1 FROM deliveries WHERE status = 'digest' LIMIT 1`)
  if (!waiting.rowCount) return
  const at = new Date()
  at.setUTCHours(DIGEST_HOUR_UTC, 0, 0, 0)
  if (at.getTime() <= Date.now()) at.setUTCDate(at.getUTCDate() + 1)
  const day = at.toISOString().slice(0, 10)
  const queued = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'deliverMail' } },
        { completedAt: { exists: false } },
        { 'input.kind': { equals: 'digest' } },
        { 'input.day': { equals: day } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (!queued.docs.length) await payload.jobs.queue({ task: 'deliverMail', queue: MAIL_QUEUE, input: { kind: 'digest', day }, waitUntil: at })
}

/**
 * The daily digest: one message per daily subscriber with the articles waiting for them
 * (rows in status "digest"). The articles are marked sent when the digest is claimed, so a
 * crash can lose a digest but never repeat its articles in the next one.
 */
async function digestDelivery(payload: Payload, input: Input) {
  const day = input.day ?? new Date().toISOString().slice(0, 10)
  const publication = `digest:${day}`
  await plan(payload, publication, async () => {
    const { rows } = await pool(payload).query<{ subscriber: number; mission_id: number; locale: string }>(
      `SELECT DISTINCT subscriber, mission_id, locale FROM deliveries WHERE status = 'digest' AND kind = 'article'`,
    )
    return rows.map((r) => ({
      key: `${publication}:${r.subscriber}`,
      publication,
      kind: 'digest',
      article: null,
      alert: null,
      mission: r.mission_id,
      subscriber: r.subscriber,
      locale: r.locale,
      status: 'pending' as const,
    }))
  })
  const result = await sendPending(payload, publication, async (r, row, m) => {
    const { rows } = await pool(payload).query<{ article_id: number }>(
      `UPDATE deliveries SET status = 'sent', sent_at = now(), error = $2, updated_at = now() WHERE subscriber = $1 AND status = 'digest' AND kind = 'article' RETURNING article_id`,
      [r.id, `in ${row.key}`],
    )
    const articles: { title: string; summary?: string | null; section: string; slug: string }[] = []
    for (const { article_id } of rows) {
      const a = await payload.findByID({
        collection: 'articles',
        id: article_id,
        locale: r.locale as 'vi',
        fallbackLocale: false,
        depth: 0,
        overrideAccess: false,
        disableErrors: true,
      })
      if (a?.title && a.slug) articles.push({ ...a, slug: a.slug })
    }
    return articles.length ? digestMessage(m, r, articles, messageIdFor(row.key)) : null
  })
  return { publication, ...result }
}

/**
 * Mails subscribers about one publication: an article's locale going live, an emergency
 * alert, or the daily digest. Queued by cms/subscriptions/queue.ts (and daily by the schedule).
 */
export const deliverMailTask: TaskConfig<{ input: Input; output: { publication: string; sent: number; more: boolean } }> = {
  slug: 'deliverMail',
  label: 'Mail subscribers',
  inputSchema: [
    { name: 'kind', type: 'text', required: true },
    { name: 'article', type: 'number' },
    { name: 'locale', type: 'text' },
    { name: 'alert', type: 'number' },
    { name: 'day', type: 'text' },
  ],
  outputSchema: [
    { name: 'publication', type: 'text' },
    { name: 'sent', type: 'number' },
    { name: 'more', type: 'checkbox' },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => {
    const payload = req.payload
    const run = input.kind === 'alert' ? alertDelivery : input.kind === 'digest' ? digestDelivery : articleDelivery
    const result = await run(payload, input)
    // A long list continues in a fresh job, so one publication never holds the runner for long.
    if (result.more) await payload.jobs.queue({ task: 'deliverMail', queue: MAIL_QUEUE, input })
    return { output: result }
  },
}
