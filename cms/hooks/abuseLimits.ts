import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type CollectionConfig, type PayloadRequest } from 'payload'
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible'
import { payloadLimiter } from '../db/rateLimits'
import { clientAddress } from '../endpoints/clientAddress'

/**
 * Abuse limits Payload does not have: rate limits on login and password reset (per client IP,
 * per account from one address, and per account from all addresses), and a cap on list page sizes. They are collection hooks, so they hold for
 * REST and GraphQL alike; the Local API (trusted server code) is exempt.
 *
 * Counters live in PostgreSQL (cms/db/rateLimits.ts), shared by every admin instance on the
 * database; the client address comes from the trusted proxy hops (cms/endpoints/clientAddress.ts).
 * Payload's own lockout (maxLoginAttempts in Users.ts) stays the durable per-account backstop.
 */
/**
 * Login failures are counted per account *and* address (perAccountAndIp): a stranger guessing
 * someone's password blocks only their own address, not the owner's logins. The account-wide
 * limit is high enough that locking an owner out takes many addresses, and lasts one window.
 */
export const authLimits = {
  login: { perIp: { points: 20, duration: 15 * 60 }, perAccountAndIp: { points: 5, duration: 15 * 60 }, perAccount: { points: 50, duration: 15 * 60 } },
  forgotPassword: { perIp: { points: 5, duration: 60 * 60 }, perAccount: { points: 3, duration: 60 * 60 } },
  resetPassword: { perIp: { points: 10, duration: 60 * 60 } },
} as const

/** Largest page any list request gets, whatever `limit` or `pagination=false` asks for. */
export const MAX_PAGE_SIZE = 100

type LimitedOperation = keyof typeof authLimits
type Scope = 'perIp' | 'perAccountAndIp' | 'perAccount'
function limiter(req: Pick<PayloadRequest, 'payload'>, operation: LimitedOperation, scope: Scope): RateLimiterPostgres | undefined {
  const opts = (authLimits[operation] as Record<string, { points: number; duration: number }>)[scope]
  return opts ? payloadLimiter(req.payload, `${operation}:${scope}`, opts) : undefined
}

/** The client address of a request (behind the configured proxies): see cms/endpoints/clientAddress.ts. */
export const clientIp = (req: Pick<PayloadRequest, 'headers'>): string => clientAddress(req.headers)

export class RateLimited extends APIError {
  constructor(message: string) {
    super(message, 429, undefined, true)
    this.name = 'RateLimited' // set explicitly: the admin build minifies class names (loggingLevels matches on it)
  }
}

function tooMany(what: string, res: unknown): never {
  const seconds = res instanceof RateLimiterRes ? Math.ceil(res.msBeforeNext / 1000) : 60
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`
  throw new RateLimited(`Too many ${what}. Try again in ${wait}.`)
}

const labels: Record<LimitedOperation, string> = {
  login: 'login attempts',
  forgotPassword: 'password reset requests',
  resetPassword: 'password reset attempts',
}

export const authRateLimit: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!(operation in authLimits) || req.payloadAPI === 'local') return args
  const op = operation as LimitedOperation
  const ip = clientIp(req)
  try {
    await limiter(req, op, 'perIp')?.consume(ip)
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res
    req.payload.logger.warn({ reqId: req.headers?.get('x-request-id'), operation: op, ip }, 'rate limit reached (client address)')
    tooMany(`${labels[op]} from your address`, res)
  }
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .trim()
    .toLowerCase()
  if (email) {
    for (const [scope, key, what] of [
      ['perAccountAndIp', `${email} ${ip}`, 'for this account from your address'],
      ['perAccount', email, 'for this account'],
    ] as const) {
      try {
        await limiter(req, op, scope)?.consume(key)
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res
        req.payload.logger.warn({ reqId: req.headers?.get('x-request-id'), operation: op, ip, scope }, 'rate limit reached (account)')
        tooMany(`${labels[op]} ${what}`, res)
      }
    }
  }
  return args
}

/** A successful login clears the account's counter for that address, so a few typos never block its owner later. */
export const clearLoginLimit: CollectionAfterLoginHook = async ({ user, req }) => {
  const email = String((user as { email?: string }).email ?? '').toLowerCase()
  if (email) await limiter(req, 'login', 'perAccountAndIp')?.delete(`${email} ${clientIp(req)}`)
}

/** Caps page size on list reads from REST/GraphQL (`limit=0` and `pagination=false` would return everything). */
export const capPageSize: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  const a = args as { id?: unknown; limit?: number; pagination?: boolean }
  if ((operation === 'read' && a.id === undefined) || (operation as string) === 'findVersions') {
    if (a.pagination === false || a.limit === 0 || Number(a.limit) > MAX_PAGE_SIZE) {
      a.limit = MAX_PAGE_SIZE
      a.pagination = true
    }
  }
  return args
}

/** Adds the abuse limits to every collection (and the auth limits to auth collections) without editing them. */
export function withAbuseLimits(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => ({
    ...c,
    hooks: {
      ...c.hooks,
      beforeOperation: [...(c.auth ? [authRateLimit] : []), capPageSize, ...(c.hooks?.beforeOperation ?? [])],
      ...(c.auth ? { afterLogin: [...(c.hooks?.afterLogin ?? []), clearLoginLimit] } : {}),
    },
  }))
}
