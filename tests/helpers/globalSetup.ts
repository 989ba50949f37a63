import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openEmbeddedPostgres } from '../../cms/db/embeddedPostgres'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/**
 * One real embedded PostgreSQL for the whole run, in a temporary directory on a free
 * loopback port. Each test file creates its own database in it (tests/helpers/payload.ts).
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mp-test-'))
  chmodSync(root, 0o755) // the embedded server runs as the unprivileged "postgres" user when we are root
  const db = await openEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort(), mode: 'own' })
  process.env.MP_TEST_ROOT = root
  process.env.MP_TEST_PG_URL = db.url
  process.env.PAYLOAD_SECRET = randomBytes(24).toString('hex')
  process.env.DATA_DIR = path.join(root, 'data')
  process.env.DIST_DIR = path.join(root, 'dist')
  project.provide('pgUrl', db.url)
  return async () => {
    await db.stop()
    rmSync(root, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string
  }
}
