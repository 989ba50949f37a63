// autocannon ships no types; the part npm run bench:api uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'
  export type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }
  export type Client = EventEmitter & { setRequests: (requests: Request[]) => void }
  export type Options = {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    pipelining?: number
    overallRate?: number
    requests?: Request[]
    setupClient?: (client: Client) => void
  }
  export type Result = {
    requests: { total: number; average: number }
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    duration: number
  }
  export type Instance = EventEmitter & { stop: () => void }
  export default function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance
}
