import type { Endpoint, PayloadRequest, Where } from 'payload'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { sections as allSections, type ContentLocale, type Section } from '#core/locales'
import { isHq } from '../access/roles'
import { payloadLimiter, type Limit } from '../db/rateLimits'
import { clientIp } from '../hooks/abuseLimits'
import { frequencies, type Frequency } from './collections'
import { feedbackEndpoint } from './feedback'
import { confirmMessage } from './messages'
import { loadMission, type MissionView } from './missionView'
import { readerPageResponse, type FormField } from './pages'
import { tr } from './strings'
import { CONFIRM_TTL_SECONDS, signToken, verifyToken, type ConfirmPayload } from './tokens'

/**
 * The readers' side of subscriptions, anonymous by design (no cookie is read or set, so the
 * admin's CSRF list does not apply): the site's plain HTML form posts here cross-origin, and
 * every answer is a page in the reader's language. What protects it:
 * - the same answer whether or not an address is subscribed (a confirmation is always mailed,
 *   and nothing is stored until its owner confirms), so the form reveals nothing;
 * - a honeypot field that people leave empty (filled: the same answer, nothing sent);
 * - per client address and per e-mail address limits;
 * - signed links; a GET never changes anything (link scanners open links), only the POST of
 *   the button on the page (or a mail client's RFC 8058 one-click POST) does.
 */
export const subscribeLimits = {
  perIp: { points: 10, duration: 60 * 60 },
  perAddress: { points: 3, duration: 60 * 60 },
} as const

/** The honeypot's name: a field people never see (hidden by the site's CSS and from assistive technology). */
export const HONEYPOT_FIELD = 'website'
const EMAIL = /^[^\s@<>()[\],;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

type Form = { get: (name: string) => string | null; getAll: (name: string) => string[] }

/** The request body as form fields: urlencoded (the site's form), multipart or JSON. */
async function readForm(req: PayloadRequest): Promise<Form> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  const raw = req.text ? await req.text() : ''
  if (type.includes('application/json')) {
    let data: Record<string, unknown> = {}
    try {
      data = (JSON.parse(raw || '{}') ?? {}) as Record<string, unknown>
    } catch {}
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === false ? [] : [String(v)])
    return { get: (n) => list(data[n])[0] ?? null, getAll: (n) => list(data[n]) }
  }
  if (type.includes('multipart/form-data')) {
    const fd = await new Response(raw, { headers: { 'content-type': type } }).formData()
    return { get: (n) => (fd.get(n) as string | null) ?? null, getAll: (n) => fd.getAll(n).map(String) }
  }
  const params = new URLSearchParams(raw)
  return { get: (n) => params.get(n), getAll: (n) => params.getAll(n) }
}

const queryOf = (req: PayloadRequest, name: string) => (typeof req.query?.[name] === 'string' ? (req.query[name] as string) : undefined)
const localeFor = (m: MissionView | null, wanted: string | null | undefined) =>
  m && wanted && m.locales.includes(wanted) ? wanted : (m?.defaultLocale ?? 'en')
const endpointUrl = (req: PayloadRequest, name: string) => `${req.payload.config.routes.api}/subscriptions/${name}`

/** Counted in PostgreSQL, shared by every admin instance (cms/db/rateLimits.ts). */
async function limited(req: PayloadRequest, keyPrefix: string, limit: Limit, key: string): Promise<boolean> {
  try {
    await payloadLimiter(req.payload, keyPrefix, limit).consume(key)
    return false
  } catch (res) {
    if (res instanceof RateLimiterRes) return true
    throw res
  }
}

/** The page a reader sees after the form, whatever happened next (known, unknown, honeypot). */
const checkEmail = (m: MissionView, locale: string) =>
  readerPageResponse({ locale, mission: m, titleKey: 'subscription.checkEmail.title', bodyKey: 'subscription.checkEmail.body' })

const subscribe: Endpoint = {
  path: '/subscriptions/subscribe',
  method: 'post',
  handler: async (req) => {
    const form = await readForm(req)
    const mission = await loadMission(req.payload, { code: String(form.get('mission') ?? '').slice(0, 64) })
    const locale = localeFor(mission, form.get('locale'))
    if (!mission) return readerPageResponse({ locale, mission: null, titleKey: 'subscription.invalid.title', bodyKey: 'subscription.invalid.body' }, 400)
    const ip = clientIp(req)
    if (await limited(req, 'subscribe:ip', subscribeLimits.perIp, ip)) {
      req.payload.logger.warn({ reqId: req.headers.get('x-request-id'), ip }, 'subscribe: rate limit reached (client address)')
      return readerPageResponse({ locale, mission, titleKey: 'subscription.tooMany.title', bodyKey: 'subscription.tooMany.body' }, 429)
    }
    if (form.get(HONEYPOT_FIELD)) return checkEmail(mission, locale)

    const email = String(form.get('email') ?? '')
      .trim()
      .toLowerCase()
    const sections = [...new Set(form.getAll('sections'))].filter((s): s is Section => (allSections as readonly string[]).includes(s))
    const alerts = ['on', 'true', '1', 'yes'].includes(String(form.get('alerts') ?? ''))
    const frequency = (frequencies as readonly string[]).includes(String(form.get('frequency'))) ? (form.get('frequency') as Frequency) : 'immediate'
    if (email.length > 254 || !EMAIL.test(email) || (!sections.length && !alerts)) {
      return readerPageResponse({ locale, mission, titleKey: 'subscription.invalid.title', bodyKey: 'subscription.invalid.body' }, 400)
    }
    if (await limited(req, 'subscribe:address', subscribeLimits.perAddress, email)) {
      req.payload.logger.warn({ reqId: req.headers.get('x-request-id'), ip }, 'subscribe: rate limit reached (address)')
      return readerPageResponse({ locale, mission, titleKey: 'subscription.tooMany.title', bodyKey: 'subscription.tooMany.body' }, 429)
    }
    // Where the reader consented: the page the form was on, when it is a page of this mission's site.
    const claimed = form.get('source') ?? req.headers.get('referer') ?? ''
    const source = claimed.startsWith(mission.siteUrl) && claimed.length <= 500 ? claimed : `${mission.siteUrl}${locale}/`
    const token = signToken({
      k: 'confirm',
      e: email,
      m: mission.code,
      l: locale,
      s: sections,
      a: alerts,
      f: frequency,
      src: source,
      exp: Math.floor(Date.now() / 1000) + CONFIRM_TTL_SECONDS,
    })
    try {
      await req.payload.sendEmail(confirmMessage(mission, locale, email, token))
    } catch (error) {
      // The answer stays the same: it must not tell whether mail to this address works.
      req.payload.logger.error({ reqId: req.headers.get('x-request-id'), err: error }, 'subscribe: the confirmation message could not be sent')
    }
    return checkEmail(mission, locale)
  },
}

const invalidLink = (locale: string, mission: MissionView | null) =>
  readerPageResponse({ locale, mission, titleKey: 'subscription.expired.title', bodyKey: 'subscription.expired.body' }, 400)

async function confirmToken(req: PayloadRequest, form?: Form) {
  const token = form?.get('t') ?? queryOf(req, 't')
  const payload = verifyToken(token, 'confirm')
  const mission = payload ? await loadMission(req.payload, { code: payload.m }) : null
  return { token: token ?? '', payload, mission }
}

const confirmGet: Endpoint = {
  path: '/subscriptions/confirm',
  method: 'get',
  handler: async (req) => {
    const { token, payload, mission } = await confirmToken(req)
    if (!payload || !mission) return invalidLink(localeFor(mission, queryOf(req, 'locale')), mission)
    return readerPageResponse({
      locale: payload.l,
      mission,
      titleKey: 'subscription.confirm.title',
      bodyKey: 'subscription.confirm.body',
      vars: { email: payload.e },
      form: { action: endpointUrl(req, 'confirm'), fields: [{ kind: 'hidden', name: 't', value: token }], buttonKey: 'subscription.confirm.button' },
    })
  },
}

/** Stores the subscription the link describes (again: confirming twice changes nothing but the choices). */
export async function storeSubscription(req: PayloadRequest, p: ConfirmPayload, mission: MissionView) {
  const data = {
    email: p.e,
    mission: mission.id,
    // A confirmation link is signed by this server: its locale and sections were checked when the form was posted.
    locale: p.l as ContentLocale,
    sections: p.s as Section[],
    alerts: p.a,
    frequency: p.f,
    consentedAt: new Date().toISOString(),
    source: p.src,
    bounces: 0,
  }
  const existing = await req.payload.find({
    collection: 'subscribers',
    where: { and: [{ email: { equals: p.e } }, { mission: { equals: mission.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (existing.docs[0]) return req.payload.update({ collection: 'subscribers', id: existing.docs[0].id, data, depth: 0, overrideAccess: true })
  return req.payload.create({ collection: 'subscribers', data, depth: 0, overrideAccess: true })
}

const confirmPost: Endpoint = {
  path: '/subscriptions/confirm',
  method: 'post',
  handler: async (req) => {
    const { payload, mission } = await confirmToken(req, await readForm(req))
    if (!payload || !mission) return invalidLink(mission?.defaultLocale ?? 'en', mission)
    await storeSubscription(req, payload, mission)
    return readerPageResponse({
      locale: payload.l,
      mission,
      titleKey: 'subscription.confirmed.title',
      bodyKey: 'subscription.confirmed.body',
      vars: { email: payload.e },
    })
  },
}

async function subscriberOf(req: PayloadRequest, form?: Form) {
  const token = form?.get('t') ?? queryOf(req, 't') ?? ''
  const p = verifyToken(token, 'manage')
  const subscriber = p ? await req.payload.findByID({ collection: 'subscribers', id: p.id, depth: 0, overrideAccess: true, disableErrors: true }) : null
  const mission = subscriber
    ? await loadMission(req.payload, { id: typeof subscriber.mission === 'object' ? subscriber.mission.id : subscriber.mission })
    : null
  return { token, valid: Boolean(p), subscriber, mission }
}

const unsubscribedPage = (locale: string, mission: MissionView | null) =>
  readerPageResponse({ locale, mission, titleKey: 'subscription.unsubscribed.title', bodyKey: 'subscription.unsubscribed.body' })

const unsubscribeGet: Endpoint = {
  path: '/subscriptions/unsubscribe',
  method: 'get',
  handler: async (req) => {
    const { token, valid, subscriber, mission } = await subscriberOf(req)
    if (!valid) return invalidLink('en', null)
    if (!subscriber || !mission) return unsubscribedPage('en', null) // already gone
    return readerPageResponse({
      locale: subscriber.locale,
      mission,
      titleKey: 'subscription.unsubscribe.title',
      bodyKey: 'subscription.unsubscribe.body',
      vars: { email: subscriber.email },
      form: { action: endpointUrl(req, 'unsubscribe'), fields: [{ kind: 'hidden', name: 't', value: token }], buttonKey: 'subscription.unsubscribe.button' },
    })
  },
}

/** The page's button, or a mail client's one-click POST (RFC 8058: body "List-Unsubscribe=One-Click", token in the URL). */
const unsubscribePost: Endpoint = {
  path: '/subscriptions/unsubscribe',
  method: 'post',
  handler: async (req) => {
    const { valid, subscriber, mission } = await subscriberOf(req, await readForm(req))
    if (!valid) return invalidLink('en', null)
    if (subscriber) await req.payload.delete({ collection: 'subscribers', id: subscriber.id, overrideAccess: true })
    return unsubscribedPage(subscriber?.locale ?? 'en', mission)
  },
}

function preferenceFields(
  token: string,
  mission: MissionView,
  s: { locale: string; sections?: string[] | null; alerts?: boolean | null; frequency: string },
): FormField[] {
  const l = s.locale
  return [
    { kind: 'hidden', name: 't', value: token },
    ...allSections.map((sec): FormField => ({
      kind: 'checkbox',
      name: 'sections',
      value: sec,
      label: tr(l, `section.${sec}.name`),
      checked: (s.sections ?? []).includes(sec),
    })),
    { kind: 'checkbox', name: 'alerts', value: 'on', label: tr(l, 'subscribe.alerts'), checked: Boolean(s.alerts) },
    ...frequencies.map((f): FormField => ({ kind: 'radio', name: 'frequency', value: f, label: tr(l, `subscribe.${f}`), checked: s.frequency === f })),
    {
      kind: 'select',
      name: 'locale',
      label: tr(l, 'subscription.preferences.language'),
      options: mission.locales.map((code) => ({ value: code, label: tr(code, 'language.name'), selected: code === l })),
    },
  ]
}

const preferencesPage = (
  req: PayloadRequest,
  token: string,
  mission: MissionView,
  s: Parameters<typeof preferenceFields>[2] & { email: string },
  notice?: string,
  status = 200,
) =>
  readerPageResponse(
    {
      locale: s.locale,
      mission,
      titleKey: 'subscription.preferences.title',
      bodyKey: 'subscription.preferences.body',
      vars: { email: s.email },
      notice,
      form: { action: endpointUrl(req, 'preferences'), fields: preferenceFields(token, mission, s), buttonKey: 'subscription.preferences.save' },
    },
    status,
  )

const preferencesGet: Endpoint = {
  path: '/subscriptions/preferences',
  method: 'get',
  handler: async (req) => {
    const { token, valid, subscriber, mission } = await subscriberOf(req)
    if (!valid) return invalidLink('en', null)
    if (!subscriber || !mission) return unsubscribedPage('en', null)
    return preferencesPage(req, token, mission, subscriber)
  },
}

const preferencesPost: Endpoint = {
  path: '/subscriptions/preferences',
  method: 'post',
  handler: async (req) => {
    const form = await readForm(req)
    const { token, valid, subscriber, mission } = await subscriberOf(req, form)
    if (!valid) return invalidLink('en', null)
    if (!subscriber || !mission) return unsubscribedPage('en', null)
    const sections = [...new Set(form.getAll('sections'))].filter((s): s is Section => (allSections as readonly string[]).includes(s))
    const alerts = form.get('alerts') === 'on'
    const frequency = (frequencies as readonly string[]).includes(String(form.get('frequency'))) ? (form.get('frequency') as Frequency) : subscriber.frequency
    const locale = localeFor(mission, form.get('locale') ?? subscriber.locale)
    if (!sections.length && !alerts) return preferencesPage(req, token, mission, subscriber, tr(subscriber.locale, 'subscription.invalid.body'), 400)
    const saved = await req.payload.update({
      collection: 'subscribers',
      id: subscriber.id,
      data: { sections, alerts, frequency, locale: locale as ContentLocale },
      depth: 0,
      overrideAccess: true,
    })
    return preferencesPage(req, token, mission, saved, tr(locale, 'subscription.preferences.saved'))
  },
}

const byAddress = (req: PayloadRequest): Where | null => {
  const email = queryOf(req, 'email')?.trim().toLowerCase()
  return email ? { email: { equals: email } } : null
}
const forbidden = () => Response.json({ errors: [{ message: 'Only HQ may export or delete subscribers.' }] }, { status: 403 })
const noAddress = () => Response.json({ errors: [{ message: 'Give the address: ?email=reader@example.org' }] }, { status: 400 })

/** GET /api/subscriptions/export?email=… (HQ): everything stored about one address, as JSON. */
const exportAddress: Endpoint = {
  path: '/subscriptions/export',
  method: 'get',
  handler: async (req) => {
    if (!isHq(req.user)) return forbidden()
    const where = byAddress(req)
    if (!where) return noAddress()
    const found = await req.payload.find({ collection: 'subscribers', where, depth: 1, pagination: false, overrideAccess: true })
    const subscriptions = found.docs.map((s) => ({
      email: s.email,
      mission: typeof s.mission === 'object' ? s.mission.code : s.mission,
      locale: s.locale,
      sections: s.sections ?? [],
      alerts: Boolean(s.alerts),
      frequency: s.frequency,
      consentedAt: s.consentedAt,
      source: s.source ?? null,
      bounces: s.bounces ?? 0,
      complainedAt: s.complainedAt ?? null,
    }))
    return Response.json({ email: queryOf(req, 'email')!.trim().toLowerCase(), subscriptions }, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** DELETE /api/subscriptions/address?email=… (HQ): erases every subscription of one address. */
const deleteAddress: Endpoint = {
  path: '/subscriptions/address',
  method: 'delete',
  handler: async (req) => {
    if (!isHq(req.user)) return forbidden()
    const where = byAddress(req)
    if (!where) return noAddress()
    const result = await req.payload.delete({ collection: 'subscribers', where, overrideAccess: true })
    req.payload.logger.info({ reqId: req.headers.get('x-request-id'), user: req.user?.id, deleted: result.docs.length }, 'subscribers of one address deleted')
    return Response.json({ deleted: result.docs.length })
  },
}

export const subscriptionEndpoints: Endpoint[] = [
  subscribe,
  confirmGet,
  confirmPost,
  unsubscribeGet,
  unsubscribePost,
  preferencesGet,
  preferencesPost,
  exportAddress,
  deleteAddress,
  feedbackEndpoint,
]
