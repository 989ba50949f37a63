import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { startSmtpServer, type ReceivedMail } from '../helpers/smtp'
import { paragraphs } from '../../cms/seed/lexical'
import { subscribeLimits } from '../../cms/subscriptions/endpoints'

/**
 * Readers' e-mail end to end against a real SMTP server on loopback: the site's plain form
 * POST, the mailed confirmation link, publishing through the workflow API, the jobs queue's
 * delivery, one-click unsubscribe, alerts, retries, bounces and the abuse limits.
 */
// The test plays the load balancer in front of the admin: the X-Forwarded-For it sends ends with the client's address.
process.env.TRUSTED_PROXY_HOPS = '1'

let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let missionId: number
const tokens = new Map<string, string>()
const PASSWORD = 'correct-horse-battery-staple'
/** Addresses the test SMTP server refuses: a hard bounce, and a temporary failure while `tempFail` is set. */
const BOUNCING = 'gone@example.net'
let tempFail = false
let ipCounter = 1
const nextIp = () => `10.1.0.${ipCounter++}`

beforeAll(async () => {
  smtp = await startSmtpServer({
    refuse: (address) =>
      address === BOUNCING
        ? { code: 550, message: 'No such user' }
        : tempFail && address.startsWith('retry')
          ? { code: 451, message: 'Try again later' }
          : undefined,
  })
  process.env.SMTP_URL = smtp.url
  process.env.MAIL_FROM = 'Embassy News <news@example.org>'
  process.env.MAIL_RATE_PER_SECOND = '1000'
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  missionId = (await createMission(payload, 'mail-mission', { name: 'Đại sứ quán Thử', accentColour: '#1f5fa8' })).id
  await payload.update({ collection: 'missions', id: missionId, locale: 'en', data: { name: 'Test Embassy', city: 'Canberra' }, overrideAccess: true })
  tokens.set(
    'press',
    await createUserAndLogin(payload, api.url, 'press@example.org', PASSWORD, { memberships: [{ mission: missionId, role: 'press-officer' }] }),
  )
  tokens.set(
    'reviewer',
    await createUserAndLogin(payload, api.url, 'reviewer@example.org', PASSWORD, { memberships: [{ mission: missionId, role: 'reviewer' }] }),
  )
  tokens.set('hq', await createUserAndLogin(payload, api.url, 'hq@example.org', PASSWORD, { hqRole: 'hq-editor' }))
})

afterAll(async () => {
  await api?.close()
  await close?.()
  await smtp?.close()
  delete process.env.SMTP_URL
})

type Res = { status: number; text: string; headers: Headers }
async function post(path: string, body: string | URLSearchParams, headers: Record<string, string> = {}): Promise<Res> {
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': nextIp(), ...headers },
    body: String(body),
    redirect: 'manual',
  })
  return { status: res.status, text: await res.text(), headers: res.headers }
}
async function get(pathOrUrl: string): Promise<Res> {
  const u = new URL(pathOrUrl, api.url)
  const res = await fetch(`${api.url}${u.pathname}${u.search}`, { redirect: 'manual' })
  return { status: res.status, text: await res.text(), headers: res.headers }
}
async function json(user: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: tokens.get(user)! },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : {} }
}

/** The site's form, as a browser sends it (sections repeated, the honeypot empty). */
function form(fields: { email: string; locale?: string; sections?: string[]; alerts?: boolean; frequency?: string; website?: string }) {
  const p = new URLSearchParams({
    mission: 'mail-mission',
    locale: fields.locale ?? 'vi',
    email: fields.email,
    website: fields.website ?? '',
    frequency: fields.frequency ?? 'immediate',
  })
  for (const s of fields.sections ?? []) p.append('sections', s)
  if (fields.alerts) p.set('alerts', 'on')
  return p
}

const linkIn = (mail: ReceivedMail, endpoint: string) => {
  const m = new RegExp(`https?://[^\\s"<>]+/api/subscriptions/${endpoint}\\?t=[^\\s"<>]+`).exec(mail.text)
  if (!m) throw new Error(`no ${endpoint} link in: ${mail.text}`)
  return m[0]
}

/** Subscribe, then confirm with the mailed link (GET shows a button, the button POSTs). */
async function subscribeAndConfirm(fields: Parameters<typeof form>[0]) {
  const before = smtp.to(fields.email).length
  const res = await post('/api/subscriptions/subscribe', form(fields))
  expect(res.status, res.text).toBe(200)
  const mail = smtp.to(fields.email).at(before)
  expect(mail, 'confirmation mail').toBeDefined()
  const link = linkIn(mail!, 'confirm')
  const page = await get(link)
  expect(page.status).toBe(200)
  const token = /name="t" value="([^"]+)"/.exec(page.text)![1]!
  const done = await post('/api/subscriptions/confirm', new URLSearchParams({ t: token.replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))) }))
  expect(done.status, done.text).toBe(200)
  return mail!
}

async function publish(title: string, section: string, locale: 'vi' | 'en' = 'vi', id?: number) {
  if (id === undefined) {
    const created = await json('press', 'POST', `/api/articles?locale=${locale}&draft=true`, {
      title,
      summary: `${title} summary`,
      body: paragraphs([`${title} body.`]),
      section,
      missions: [missionId],
    })
    expect(created.status, created.text).toBe(201)
    id = created.json.doc.id as number
  } else {
    const edited = await json('press', 'PATCH', `/api/articles/${id}?locale=${locale}&draft=true`, {
      title,
      summary: `${title} summary`,
      body: paragraphs([`${title} body.`]),
    })
    expect(edited.status, edited.text).toBe(200)
  }
  for (const [user, action] of [
    ['press', 'submit'],
    ['reviewer', 'publish'],
  ] as const) {
    const r = await json(user, 'POST', `/api/articles/${id}/workflow`, { locale, action })
    expect(r.status, r.text).toBe(200)
  }
  return id
}

const runMail = () => payload.jobs.run({ queue: 'mail', limit: 50 })
const subscriberOf = async (email: string) =>
  (await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, overrideAccess: true })).docs[0]

describe('Payload’s own mail goes through the same adapter', () => {
  it('a password reset request mails the account', async () => {
    const res = await fetch(`${api.url}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextIp() },
      body: JSON.stringify({ email: 'press@example.org' }),
    })
    expect(res.status).toBe(200)
    const mail = smtp.to('press@example.org').at(-1)
    expect(mail, 'reset mail').toBeDefined()
    expect(mail!.headers.get('from')).toContain('news@example.org')
    expect(mail!.html + mail!.text).toMatch(/reset-password|reset/i)
  })
})

describe('subscribe → confirm → publish → one message', () => {
  it('stores nothing before confirmation, then the reader’s choices with the consent time and source', async () => {
    const res = await post('/api/subscriptions/subscribe', form({ email: 'Reader.VI@example.net', sections: ['news'] }), {
      Referer: 'http://localhost:4321/mail-mission/vi/',
    })
    expect(res.status).toBe(200)
    expect(res.text).toContain('lang="vi"')
    expect(res.text).toContain('Hãy kiểm tra hộp thư')
    expect(await subscriberOf('reader.vi@example.net')).toBeUndefined()
    const mail = smtp.to('reader.vi@example.net').at(-1)!
    expect(mail.subject).toContain('Xác nhận đăng ký')
    expect(mail.headers.get('from')).toContain('news@example.org')

    // GET of the link changes nothing (scanners open links); the page's button POSTs.
    const link = linkIn(mail, 'confirm')
    const page = await get(link)
    expect(page.text).toContain('<form method="post"')
    expect(await subscriberOf('reader.vi@example.net')).toBeUndefined()
    const confirmed = await post(new URL(link).pathname + new URL(link).search, '')
    expect(confirmed.status, confirmed.text).toBe(200)
    const s = await subscriberOf('reader.vi@example.net')
    expect(s).toMatchObject({
      email: 'reader.vi@example.net',
      locale: 'vi',
      sections: ['news'],
      alerts: false,
      frequency: 'immediate',
      source: 'http://localhost:4321/mail-mission/vi/',
    })
    expect(new Date(s!.consentedAt).getTime()).toBeGreaterThan(Date.now() - 60_000)
  })

  it('a published article mails exactly the subscribers of its locale and section, once, with unsubscribe headers', async () => {
    await subscribeAndConfirm({ email: 'reader.en@example.net', locale: 'en', sections: ['news'] })
    await subscribeAndConfirm({ email: 'culture.vi@example.net', locale: 'vi', sections: ['cultural-diplomacy'] })
    const count = smtp.messages.length
    const id = await publish('Tin mới về lãnh sự', 'news', 'vi')
    await runMail()
    // Staff (example.org) also get the workflow's own notices (cms/workflow/notify.ts): readers' mail only here.
    const mails = smtp.messages.slice(count).filter((m) => !m.to[0]!.endsWith('@example.org'))
    expect(mails.map((m) => m.to[0])).toEqual(['reader.vi@example.net'])
    const mail = mails[0]!
    expect(mail.subject).toBe('Tin mới về lãnh sự')
    expect(mail.text).toContain('Tin tức')
    expect(mail.text).toMatch(/\/mail-mission\/vi\/tin-tuc\/[^/\s]+\//)
    expect(mail.html).toContain('#1f5fa8')
    expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative/)
    expect(mail.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/api\/subscriptions\/unsubscribe\?t=[^>]+>$/)
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')

    // The English version mails the English subscriber only.
    await publish('Consular news', 'news', 'en', id)
    await runMail()
    expect(
      smtp.messages
        .slice(count)
        .filter((m) => !m.to[0]!.endsWith('@example.org'))
        .slice(1)
        .map((m) => [m.to[0], m.subject]),
    ).toEqual([['reader.en@example.net', 'Consular news']])

    // The counts in the admin: deliveries of this article.
    const deliveries = await payload.find({ collection: 'deliveries', where: { article: { equals: id } }, overrideAccess: true })
    expect(deliveries.docs.map((d) => [d.locale, d.status]).sort()).toEqual([
      ['en', 'sent'],
      ['vi', 'sent'],
    ])
  })

  it('a retried or repeated delivery job sends nothing twice; a temporary SMTP failure is retried without loss', async () => {
    const before = smtp.messages.length
    const article = (await payload.find({ collection: 'articles', where: { title: { equals: 'Tin mới về lãnh sự' } }, locale: 'vi', overrideAccess: true }))
      .docs[0]!
    await payload.jobs.queue({ task: 'deliverMail', queue: 'mail', input: { kind: 'article', article: article.id, locale: 'vi' } })
    await runMail()
    expect(smtp.messages.length).toBe(before)

    await subscribeAndConfirm({ email: 'retry@example.net', sections: ['news'] })
    const start = smtp.messages.length
    tempFail = true
    const id = await publish('Bài thứ hai', 'news')
    await runMail() // the SMTP server answers 451: the job fails and stays queued
    expect(smtp.to('retry@example.net').filter((m) => m.subject === 'Bài thứ hai')).toHaveLength(0)
    tempFail = false
    const job = (
      await payload.find({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: 'deliverMail' } }, { completedAt: { exists: false } }] },
        overrideAccess: true,
      })
    ).docs[0]
    expect(job, 'the failed job is left for a retry').toBeDefined()
    await payload.update({ collection: 'payload-jobs', id: job!.id, data: { waitUntil: new Date().toISOString() }, overrideAccess: true })
    await runMail()
    const got = smtp.messages
      .slice(start)
      .filter((m) => m.subject === 'Bài thứ hai')
      .map((m) => m.to[0])
      .sort()
    expect(got).toEqual(['reader.vi@example.net', 'retry@example.net'])
    const rows = await payload.find({ collection: 'deliveries', where: { article: { equals: id } }, overrideAccess: true })
    expect(rows.docs.every((d) => d.status === 'sent')).toBe(true)
  })

  it('one-click unsubscribe (RFC 8058) deletes the subscription; later publishes skip the address', async () => {
    const mail = smtp.to('retry@example.net').at(-1)!
    const url = mail.headers.get('list-unsubscribe')!.slice(1, -1)
    const u = new URL(url)
    const page = await get(url)
    expect(page.text).toContain('<form method="post"')
    expect(await subscriberOf('retry@example.net')).toBeDefined()
    const res = await post(u.pathname + u.search, 'List-Unsubscribe=One-Click')
    expect(res.status).toBe(200)
    expect(await subscriberOf('retry@example.net')).toBeUndefined()
    const before = smtp.to('retry@example.net').length
    await publish('Bài thứ ba', 'news')
    await runMail()
    expect(smtp.to('retry@example.net').length).toBe(before)
  })

  it('a hard bounce is recorded on the delivery and the subscriber', async () => {
    // The confirmation itself bounces, so the subscription is stored as if confirmed from another client.
    const { storeSubscription } = await import('../../cms/subscriptions/endpoints')
    const { loadMission } = await import('../../cms/subscriptions/missionView')
    const mission = (await loadMission(payload, { id: missionId }))!
    await storeSubscription(
      { payload } as never,
      { k: 'confirm', e: BOUNCING, m: 'mail-mission', l: 'vi', s: ['news'], a: false, f: 'immediate', src: 'test', exp: 0 },
      mission,
    )
    const id = await publish('Bài thứ tư', 'news')
    await runMail()
    const s = await subscriberOf(BOUNCING)
    expect(s?.bounces).toBe(1)
    const row = (
      await payload.find({ collection: 'deliveries', where: { and: [{ article: { equals: id } }, { subscriber: { equals: s!.id } }] }, overrideAccess: true })
    ).docs[0]
    expect(row?.status).toBe('bounced')
    expect(row?.error).toMatch(/550/)
  })
})

describe('emergency alerts', () => {
  it('mail the mission’s alert subscribers at once, in their language or the default language, marked', async () => {
    await subscribeAndConfirm({ email: 'alerts.en@example.net', locale: 'en', alerts: true })
    await subscribeAndConfirm({ email: 'alerts.vi@example.net', locale: 'vi', alerts: true })
    const before = smtp.messages.length
    await payload.create({
      collection: 'alerts',
      locale: 'vi',
      data: {
        mission: missionId,
        severity: 'critical',
        text: 'Bão lớn: công dân ở yên trong nhà.',
        startsAt: new Date(Date.now() - 1000).toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      overrideAccess: true,
    })
    await runMail()
    const mails = smtp.messages.slice(before)
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['alerts.en@example.net', 'alerts.vi@example.net'])
    const en = mails.find((m) => m.to[0] === 'alerts.en@example.net')!
    expect(en.subject).toBe('Emergency alert: Test Embassy')
    expect(en.text).toContain('not been published in your language; here it is in Vietnamese')
    expect(en.text).toContain('Bão lớn')
    expect(en.headers.get('list-unsubscribe')).toBeTruthy()
    const vi = mails.find((m) => m.to[0] === 'alerts.vi@example.net')!
    expect(vi.text).not.toContain('chưa có bằng ngôn ngữ của bạn')
    // Article-only subscribers get no alert.
    expect(mails.some((m) => m.to[0] === 'reader.vi@example.net')).toBe(false)
  })
})

describe('abuse', () => {
  it('answers the same for a subscribed and an unknown address, and for a filled honeypot (which sends nothing)', async () => {
    const known = await post('/api/subscriptions/subscribe', form({ email: 'reader.vi@example.net', sections: ['news'] }))
    const unknown = await post('/api/subscriptions/subscribe', form({ email: 'nobody.yet@example.net', sections: ['news'] }))
    expect(known.status).toBe(unknown.status)
    expect(known.text).toBe(unknown.text)
    const mails = smtp.messages.length
    const bot = await post('/api/subscriptions/subscribe', form({ email: 'bot@example.net', sections: ['news'], website: 'http://spam.example' }))
    expect(bot.status).toBe(known.status)
    expect(bot.text).toBe(known.text)
    expect(smtp.messages.length).toBe(mails)
  })

  it('refuses incomplete forms in the reader’s language', async () => {
    const res = await post('/api/subscriptions/subscribe', form({ email: 'not-an-address', locale: 'en', sections: ['news'] }))
    expect(res.status).toBe(400)
    expect(res.text).toContain('lang="en"')
    const none = await post('/api/subscriptions/subscribe', form({ email: 'a@example.net', locale: 'en' }))
    expect(none.status).toBe(400)
  })

  it('limits requests per e-mail address and per client address', async () => {
    const statuses = []
    for (let i = 0; i <= subscribeLimits.perAddress.points; i++)
      statuses.push((await post('/api/subscriptions/subscribe', form({ email: 'target@example.net', sections: ['news'] }))).status)
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true)
    expect(smtp.to('target@example.net')).toHaveLength(subscribeLimits.perAddress.points)

    const ip = '10.9.9.9'
    const fromOne = []
    for (let i = 0; i <= subscribeLimits.perIp.points; i++)
      fromOne.push((await post('/api/subscriptions/subscribe', form({ email: `ip${i}@example.net`, sections: ['news'] }), { 'X-Forwarded-For': ip })).status)
    expect(fromOne.at(-1)).toBe(429)
  })

  it('rejects forged, tampered and expired links', async () => {
    const mail = smtp.to('reader.en@example.net')[0]!
    const link = new URL(linkIn(mail, 'confirm'))
    const t = link.searchParams.get('t')!
    const tampered = `${t.slice(0, -2)}${t.endsWith('A') ? 'B' : 'A'}A`
    expect((await post('/api/subscriptions/confirm', new URLSearchParams({ t: tampered }))).status).toBe(400)
    const { signToken } = await import('../../cms/subscriptions/tokens')
    const expired = signToken({
      k: 'confirm',
      e: 'late@example.net',
      m: 'mail-mission',
      l: 'vi',
      s: ['news'],
      a: false,
      f: 'immediate',
      src: 'x',
      exp: Math.floor(Date.now() / 1000) - 1,
    })
    expect((await post('/api/subscriptions/confirm', new URLSearchParams({ t: expired }))).status).toBe(400)
    expect(await subscriberOf('late@example.net')).toBeUndefined()
  })
})

describe('preferences, export and deletion', () => {
  it('lets a reader change sections, alerts, frequency and language from the link in any message', async () => {
    const mail = smtp.to('reader.vi@example.net').find((m) => m.headers.has('list-unsubscribe'))!
    const link = new URL(linkIn(mail, 'preferences'))
    const page = await get(link.href)
    expect(page.status).toBe(200)
    expect(page.text).toContain('value="news" checked')
    const res = await post(
      '/api/subscriptions/preferences',
      new URLSearchParams([
        ['t', link.searchParams.get('t')!],
        ['sections', 'news'],
        ['sections', 'external-information'],
        ['alerts', 'on'],
        ['frequency', 'daily'],
        ['locale', 'en'],
      ]),
    )
    expect(res.status, res.text).toBe(200)
    expect(res.text).toContain('Your choices are saved.')
    expect(await subscriberOf('reader.vi@example.net')).toMatchObject({
      sections: ['news', 'external-information'],
      alerts: true,
      frequency: 'daily',
      locale: 'en',
    })
  })

  it('daily subscribers get one digest of the waiting articles instead of one message each', async () => {
    const before = smtp.to('reader.vi@example.net').length
    await publish('Daily one', 'news', 'en')
    await publish('Daily two', 'external-information', 'en')
    await runMail()
    expect(smtp.to('reader.vi@example.net').length).toBe(before)
    // One digest job waits for the next 07:00 UTC (however many articles wait).
    const waiting = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'deliverMail' } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    })
    const digests = waiting.docs.filter((j) => (j.input as { kind?: string }).kind === 'digest')
    expect(digests).toHaveLength(1)
    expect(new Date(digests[0]!.waitUntil!).getUTCHours()).toBe(7)
    expect(new Date(digests[0]!.waitUntil!).getTime()).toBeGreaterThan(Date.now())
    await payload.jobs.queue({ task: 'deliverMail', queue: 'mail', input: { kind: 'digest', day: '2026-01-01' } })
    await runMail()
    const received = smtp.to('reader.vi@example.net').slice(before)
    expect(received).toHaveLength(1)
    expect(received[0]!.subject).toBe('Test Embassy: new articles')
    expect(received[0]!.text).toContain('Daily one')
    expect(received[0]!.text).toContain('Daily two')
    await payload.jobs.queue({ task: 'deliverMail', queue: 'mail', input: { kind: 'digest', day: '2026-01-02' } })
    await runMail()
    expect(smtp.to('reader.vi@example.net').length).toBe(before + 1)
  })

  it('HQ exports and deletes everything stored for one address; others may not', async () => {
    expect((await json('press', 'GET', '/api/subscriptions/export?email=reader.vi@example.net')).status).toBe(403)
    expect((await json('press', 'GET', '/api/subscribers')).json.docs ?? []).toHaveLength(0)
    const exported = await json('hq', 'GET', '/api/subscriptions/export?email=READER.VI@example.net')
    expect(exported.status).toBe(200)
    expect(exported.json.subscriptions).toEqual([
      expect.objectContaining({
        email: 'reader.vi@example.net',
        mission: 'mail-mission',
        locale: 'en',
        sections: ['news', 'external-information'],
        alerts: true,
        frequency: 'daily',
      }),
    ])
    const deleted = await json('hq', 'DELETE', '/api/subscriptions/address?email=reader.vi@example.net')
    expect(deleted.json).toEqual({ deleted: 1 })
    expect(await subscriberOf('reader.vi@example.net')).toBeUndefined()
  })
})

describe('bounces and complaints reported by the mail provider', () => {
  const FEEDBACK_TOKEN = 'provider-feedback-secret-0123456789'
  const report = (body: unknown, token: string | null = FEEDBACK_TOKEN) =>
    fetch(`${api.url}/api/subscriptions/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }))
  /** Subscribes an address to External information, publishes one article there and returns the message it got. */
  async function mailedArticle(email: string, title: string) {
    await subscribeAndConfirm({ email, sections: ['external-information'] })
    const id = await publish(title, 'external-information')
    await runMail()
    const mail = smtp.to(email).at(-1)!
    expect(mail.subject).toBe(title)
    const s = (await subscriberOf(email))!
    const row = async () =>
      (await payload.find({ collection: 'deliveries', where: { and: [{ article: { equals: id } }, { subscriber: { equals: s.id } }] }, overrideAccess: true }))
        .docs[0]!
    return { mail, row }
  }

  beforeAll(() => {
    process.env.MAIL_FEEDBACK_TOKEN = FEEDBACK_TOKEN
  })
  afterAll(() => {
    delete process.env.MAIL_FEEDBACK_TOKEN
  })

  it('refuses reports without the token, and a batch with one bad event, recording nothing', async () => {
    await subscribeAndConfirm({ email: 'kept@example.net', sections: ['external-information'] })
    const good = { type: 'complaint', email: 'kept@example.net' }
    expect((await report({ events: [good] }, null)).status).toBe(401)
    expect((await report({ events: [good] }, 'wrong-token')).status).toBe(401)
    const bad = await report({ events: [good, { type: 'bounce', email: 'kept@example.net' }] })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.json)).toContain('events[1].bounceType must be \\"hard\\" or \\"soft\\"')
    expect((await subscriberOf('kept@example.net'))?.complainedAt ?? null).toBeNull()
  })

  it('a reported hard bounce marks that send and suppresses the address; later publishes skip it', async () => {
    const { mail, row } = await mailedArticle('bounces-later@example.net', 'Bài về thông tin đối ngoại')
    expect((await row()).status).toBe('sent')
    const res = await report({
      events: [
        { type: 'bounce', bounceType: 'hard', email: 'Bounces-Later@example.net', messageId: mail.headers.get('message-id'), detail: '5.1.1 user unknown' },
        { type: 'bounce', bounceType: 'soft', email: 'kept@example.net' },
        { type: 'bounce', bounceType: 'hard', email: 'never-subscribed@example.net' },
      ],
    })
    expect(res).toEqual({ status: 200, json: { recorded: 1, ignored: 2 } })
    expect((await row()).status).toBe('bounced')
    expect((await row()).error).toContain('5.1.1 user unknown')
    const before = smtp.to('bounces-later@example.net').length
    const keptBefore = smtp.to('kept@example.net').length
    await publish('Bài đối ngoại thứ hai', 'external-information')
    await runMail()
    expect(smtp.to('bounces-later@example.net')).toHaveLength(before)
    expect(smtp.to('kept@example.net')).toHaveLength(keptBefore + 1) // a soft bounce changes nothing
  })

  it('a reported complaint marks that send as complained and stops mail to the address', async () => {
    const { mail, row } = await mailedArticle('complains@example.net', 'Bài đối ngoại thứ ba')
    expect((await report({ events: [{ type: 'complaint', email: 'complains@example.net', messageId: mail.headers.get('message-id') }] })).json).toEqual({
      recorded: 1,
      ignored: 0,
    })
    expect((await row()).status).toBe('complained')
    expect((await subscriberOf('complains@example.net'))?.complainedAt).toBeTruthy()
    const before = smtp.to('complains@example.net').length
    await publish('Bài đối ngoại thứ tư', 'external-information')
    await runMail()
    expect(smtp.to('complains@example.net')).toHaveLength(before)
  })
})
