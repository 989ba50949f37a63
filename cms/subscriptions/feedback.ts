import { createHash, timingSafeEqual } from 'node:crypto'
import type { Endpoint, Payload } from 'payload'
import { mailFeedbackToken, serverURL } from '#core/config'
import type { Subscriber } from '#core/payload-types'

/** Hard bounces in a row after which an address gets no more mail. */
export const BOUNCE_LIMIT = 3

/** An address that bounced hard (BOUNCE_LIMIT refusals in a row, or one hard bounce reported by the provider) or complained gets nothing more. */
export const suppressed = (s: Pick<Subscriber, 'bounces' | 'complainedAt'>) => (s.bounces ?? 0) >= BOUNCE_LIMIT || Boolean(s.complainedAt)

/** A stable Message-ID per delivery: should a message ever go out twice, receivers can tell it is the same one; reports name it. */
export const messageIdFor = (key: string) => `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${new URL(serverURL).hostname || 'localhost'}>`

/** One report of the mail provider (docs/subscriptions.md, "Bounces and complaints"). */
export type FeedbackEvent = { type: 'bounce' | 'complaint'; email: string; bounceType?: 'hard' | 'soft'; messageId?: string; detail?: string }
export type FeedbackResult = { recorded: number; ignored: number }

const EMAIL = /^[^\s@]+@[^\s@]+$/

/** Checks the whole body before anything is recorded: one bad event refuses the batch, with the reason. */
export function parseFeedback(body: unknown): { events: FeedbackEvent[] } | { error: string } {
  const events = (body as { events?: unknown } | null)?.events
  if (!Array.isArray(events) || events.length === 0) return { error: 'Expected {"events": [{"type": "bounce" | "complaint", "email": "…", …}, …]}.' }
  if (events.length > 1000) return { error: 'At most 1000 events per request.' }
  const out: FeedbackEvent[] = []
  for (const [i, raw] of events.entries()) {
    const e = (raw ?? {}) as Record<string, unknown>
    const at = `events[${i}]`
    if (e.type !== 'bounce' && e.type !== 'complaint') return { error: `${at}.type must be "bounce" or "complaint".` }
    if (typeof e.email !== 'string' || !EMAIL.test(e.email.trim())) return { error: `${at}.email must be an e-mail address.` }
    if (e.type === 'bounce' && e.bounceType !== 'hard' && e.bounceType !== 'soft') return { error: `${at}.bounceType must be "hard" or "soft".` }
    if (e.messageId !== undefined && typeof e.messageId !== 'string') return { error: `${at}.messageId must be a string.` }
    if (e.detail !== undefined && typeof e.detail !== 'string') return { error: `${at}.detail must be a string.` }
    out.push({
      type: e.type,
      email: e.email.trim().toLowerCase(),
      bounceType: e.type === 'bounce' ? (e.bounceType as 'hard' | 'soft') : undefined,
      messageId: e.messageId?.trim() || undefined,
      detail: (e.detail as string | undefined)?.slice(0, 300),
    })
  }
  return { events: out }
}

const bare = (id: string) => id.replace(/^<|>$/g, '').toLowerCase()

/**
 * Records reports on the subscriber and, when the report names the message, on that delivery
 * (its status becomes `bounced` or `complained`, so the counts of that send show it). A hard
 * bounce suppresses the address at once; a complaint sets `complainedAt`. A soft bounce changes
 * nothing (the provider retries it). Reports about unknown addresses are ignored, silently.
 */
export async function recordFeedback(payload: Payload, events: FeedbackEvent[]): Promise<FeedbackResult> {
  const result: FeedbackResult = { recorded: 0, ignored: 0 }
  for (const e of events) {
    if (e.type === 'bounce' && e.bounceType === 'soft') {
      result.ignored++
      continue
    }
    const subscribers = (
      await payload.find({ collection: 'subscribers', where: { email: { equals: e.email } }, depth: 0, pagination: false, overrideAccess: true })
    ).docs
    if (!subscribers.length) {
      result.ignored++
      continue
    }
    let affected = subscribers
    if (e.messageId) {
      const wanted = bare(e.messageId)
      const rows = (
        await payload.find({
          collection: 'deliveries',
          where: { subscriber: { in: subscribers.map((s) => s.id) } },
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs
      const row = rows.find((r) => bare(messageIdFor(r.key)) === wanted)
      if (row) {
        const status = e.type === 'bounce' ? 'bounced' : 'complained'
        const error = `reported by the provider${e.detail ? `: ${e.detail}` : ''}`
        await payload.update({ collection: 'deliveries', id: row.id, data: { status, error }, depth: 0, overrideAccess: true })
        // The message belonged to one mission's subscription; a complaint concerns that one only.
        affected = subscribers.filter((s) => s.id === row.subscriber)
      }
    }
    for (const s of affected) {
      const data = e.type === 'bounce' ? { bounces: Math.max(s.bounces ?? 0, BOUNCE_LIMIT) } : { complainedAt: s.complainedAt ?? new Date().toISOString() }
      await payload.update({ collection: 'subscribers', id: s.id, data, depth: 0, overrideAccess: true })
    }
    result.recorded++
  }
  payload.logger.info({ ...result }, 'mail provider feedback recorded')
  return result
}

const sameSecret = (given: string, expected: string) => {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)]
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * POST /api/subscriptions/feedback — the mail provider's bounce and complaint reports, as JSON,
 * with `Authorization: Bearer $MAIL_FEEDBACK_TOKEN`. Without that variable the endpoint is off.
 */
export const feedbackEndpoint: Endpoint = {
  path: '/subscriptions/feedback',
  method: 'post',
  handler: async (req) => {
    const secret = mailFeedbackToken()
    if (!secret) return Response.json({ errors: [{ message: 'Bounce and complaint reports are off: MAIL_FEEDBACK_TOKEN is not set.' }] }, { status: 404 })
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.get('authorization') ?? '')?.[1]?.trim() ?? ''
    if (!sameSecret(given, secret)) return Response.json({ errors: [{ message: 'Send Authorization: Bearer <MAIL_FEEDBACK_TOKEN>.' }] }, { status: 401 })
    let body: unknown
    try {
      body = JSON.parse((req.text ? await req.text() : '') || 'null')
    } catch {
      return Response.json({ errors: [{ message: 'The body is not JSON.' }] }, { status: 400 })
    }
    const parsed = parseFeedback(body)
    if ('error' in parsed) return Response.json({ errors: [{ message: parsed.error }] }, { status: 400 })
    return Response.json(await recordFeedback(req.payload, parsed.events))
  },
}
