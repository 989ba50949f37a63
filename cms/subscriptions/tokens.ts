import { createHmac, timingSafeEqual } from 'node:crypto'
import { payloadSecret } from '#core/config'

/**
 * Signed links for readers, who have no account: HMAC-SHA256 with a key derived from the
 * Payload secret, over a small JSON payload. A confirmation link carries the reader's choices
 * themselves, so nothing about an address is stored before its owner confirms; it expires.
 * Manage links (unsubscribe, preferences) name a subscription and do not expire: the one-click
 * unsubscribe link in an old message must keep working.
 */
export type ConfirmPayload = {
  k: 'confirm'
  /** address, mission code, locale, sections, alerts, frequency, source, expiry (epoch seconds) */
  e: string
  m: string
  l: string
  s: string[]
  a: boolean
  f: 'immediate' | 'daily'
  src: string
  exp: number
}
export type ManagePayload = { k: 'manage'; id: number }
type Payload = ConfirmPayload | ManagePayload

/** How long a confirmation link works. */
export const CONFIRM_TTL_SECONDS = 48 * 60 * 60

let key: Buffer | undefined
const signingKey = () => (key ??= createHmac('sha256', payloadSecret()).update('mission-publisher/reader-links/v1').digest())

const mac = (body: string) => createHmac('sha256', signingKey()).update(body).digest('base64url')

export function signToken(payload: Payload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${mac(body)}`
}

/** The payload of a valid, unexpired token of kind `kind`, else null. */
export function verifyToken<K extends Payload['k']>(token: unknown, kind: K, now = Date.now()): Extract<Payload, { k: K }> | null {
  if (typeof token !== 'string' || token.length > 4096) return null
  const [body, sig, extra] = token.split('.')
  if (!body || !sig || extra !== undefined) return null
  const expected = Buffer.from(mac(body))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload
    if (payload.k !== kind) return null
    if (payload.k === 'confirm' && !(payload.exp * 1000 > now)) return null
    return payload as Extract<Payload, { k: K }>
  } catch {
    return null
  }
}
