import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'

type ProxyEnv = Record<string, string | undefined>

/**
 * Which proxies in front of the admin to believe, from the environment:
 * - `TRUSTED_PROXY_HOPS` — how many proxies stand between the clients and `npm run serve`
 *   (CDN → load balancer → serve = 2); default 0: the client is whoever opened the connection;
 * - or `TRUSTED_PROXIES` — the proxies' addresses or CIDR ranges, comma-separated
 *   (`10.0.0.0/8, 2001:db8::/32`; also `loopback`, `linklocal`, `uniquelocal`).
 * Bad values stop with a message rather than silently trusting everyone or no one.
 */
export function proxyTrust(env: ProxyEnv = process.env): (addr: string, hop: number) => boolean {
  const hops = env.TRUSTED_PROXY_HOPS?.trim()
  const list = env.TRUSTED_PROXIES?.trim()
  const key = `${hops ?? ''}|${list ?? ''}`
  if (cached?.key === key) return cached.trust
  if (hops && list) throw new Error('Set either TRUSTED_PROXY_HOPS or TRUSTED_PROXIES, not both.')
  let trust: (addr: string, hop: number) => boolean
  if (list) {
    try {
      trust = proxyAddr.compile(
        list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
    } catch (error) {
      throw new Error(`TRUSTED_PROXIES must be addresses or CIDR ranges separated by commas, got "${list}": ${(error as Error).message}`)
    }
  } else {
    const n = hops ? Number(hops) : 0
    if (!Number.isInteger(n) || n < 0 || n > 20) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 20, got "${hops}".`)
    trust = (_addr, hop) => hop < n
  }
  cached = { key, trust }
  return trust
}
let cached: { key: string; trust: (addr: string, hop: number) => boolean } | undefined

/**
 * The address of the client behind a request, for every rate limit and log line.
 *
 * Our own HTTP server appends the address of the connection's peer to `X-Forwarded-For`, as a
 * proxy does (cms/endpoints/peerAddress.mjs for `next start`, tests/helpers/apiServer.ts in
 * tests), so the header's last entry is the one nobody can forge. Walking back from it, each
 * trusted proxy's entry is skipped; the first untrusted one is the client. Anything a client
 * wrote into the header itself lies beyond the proxies and is never reached.
 */
export function clientAddress(headers: Pick<Headers, 'get'> | undefined, env: ProxyEnv = process.env): string {
  const chain = (headers?.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const peer = chain.pop()
  if (!peer) return 'unknown'
  // proxy-addr reads the peer from the socket and the rest from the header.
  const req = { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: { 'x-forwarded-for': chain.join(', ') } }
  return proxyAddr(req as unknown as IncomingMessage, proxyTrust(env))
}
