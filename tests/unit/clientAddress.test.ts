import { describe, expect, it } from 'vitest'
import { clientAddress } from '../../cms/endpoints/clientAddress'

/**
 * The client address behind trusted proxies. The last X-Forwarded-For entry is the connection's
 * peer, appended by our own server (cms/endpoints/peerAddress.mjs); everything before it came
 * from proxies or from the client.
 */
const seen = (chain: string, env: { TRUSTED_PROXY_HOPS?: string; TRUSTED_PROXIES?: string }) => clientAddress(new Headers({ 'x-forwarded-for': chain }), env)

describe('client address', () => {
  it('is the connection’s peer by default, whatever the client wrote into X-Forwarded-For', () => {
    expect(seen('203.0.113.9', {})).toBe('203.0.113.9')
    expect(seen('1.2.3.4, 5.6.7.8, 203.0.113.9', {})).toBe('203.0.113.9')
    expect(seen('1.2.3.4, 203.0.113.9', { TRUSTED_PROXY_HOPS: '0' })).toBe('203.0.113.9')
  })

  it('behind CDN → load balancer → serve (2 hops) is the address the CDN saw, not one the client made up', () => {
    // client wrote "6.6.6.6", the CDN appended the client (198.51.100.7), the load balancer the CDN edge (192.0.2.1); the peer is the load balancer.
    expect(seen('6.6.6.6, 198.51.100.7, 192.0.2.1, 10.0.0.5', { TRUSTED_PROXY_HOPS: '2' })).toBe('198.51.100.7')
    expect(seen('198.51.100.7, 192.0.2.1, 10.0.0.5', { TRUSTED_PROXY_HOPS: '2' })).toBe('198.51.100.7')
    // One hop (a load balancer only): its entry is the client.
    expect(seen('6.6.6.6, 198.51.100.7, 10.0.0.5', { TRUSTED_PROXY_HOPS: '1' })).toBe('198.51.100.7')
  })

  it('with a list of trusted proxy ranges, skips exactly those', () => {
    const env = { TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.0/24' }
    expect(seen('6.6.6.6, 198.51.100.7, 192.0.2.1, 10.0.0.5', env)).toBe('198.51.100.7')
    // A client connecting directly is its own peer: its header is never believed.
    expect(seen('10.9.9.9, 198.51.100.8', env)).toBe('198.51.100.8')
    expect(seen('2001:db8::1, ::1', { TRUSTED_PROXIES: 'loopback' })).toBe('2001:db8::1')
  })

  it('refuses a bad configuration with a clear message', () => {
    expect(() => seen('1.2.3.4', { TRUSTED_PROXY_HOPS: 'two' })).toThrow(/TRUSTED_PROXY_HOPS must be a whole number/)
    expect(() => seen('1.2.3.4', { TRUSTED_PROXIES: '10.0.0.0/99' })).toThrow(/TRUSTED_PROXIES must be addresses or CIDR ranges/)
    expect(() => seen('1.2.3.4', { TRUSTED_PROXY_HOPS: '1', TRUSTED_PROXIES: '10.0.0.0/8' })).toThrow(/either TRUSTED_PROXY_HOPS or TRUSTED_PROXIES/)
  })
})
