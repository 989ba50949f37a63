import path from 'node:path'
import { serverURL } from '#core/config'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'

/**
 * Runs the edge worker (edge/worker.ts) in the real workerd runtime through miniflare, on
 * loopback: `npm run edge`, the tests and the benchmark. The worker is bundled with esbuild
 * exactly as it would be deployed (module syntax, one file).
 */
export type EdgeVars = Record<string, string | undefined>

const workerEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts')

export async function bundleWorker(): Promise<string> {
  const out = await build({
    entryPoints: [workerEntry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    mainFields: ['module', 'main'],
  })
  return out.outputFiles[0]!.text
}

export async function startEdge(options: {
  vars: EdgeVars
  port?: number
  host?: string
}): Promise<{ url: string; miniflare: Miniflare; close: () => Promise<void> }> {
  const script = await bundleWorker()
  // The CMS origin (SERVER_URL) by default, as the local server has it: the subscription forms post there.
  const vars = { CMS_ORIGIN: new URL(serverURL).origin, ...options.vars }
  const bindings = Object.fromEntries(Object.entries(vars).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-01-01',
    bindings,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    // The bucket is on loopback (s3rver, MinIO …): let the worker reach it.
    outboundService: undefined,
  })
  const url = (await miniflare.ready).origin
  return { url, miniflare, close: () => miniflare.dispose() }
}
