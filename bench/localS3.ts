/// <reference path="./s3rver.d.ts" />
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import type { S3Config } from '../pipeline/deploy/config'

/**
 * A real S3-compatible server (s3rver) on a free loopback port with one bucket, for the
 * deploy tests and the benchmark. `stop()` drops open connections too, like a crashed server.
 */
export async function startLocalS3(bucket = 'mission-sites') {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'mp-s3-'))
  let server: S3rver | undefined
  const start = async (port = 0) => {
    server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] })
    return (await server.run()).port
  }
  const port = await start()
  const config: S3Config = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: '',
    forcePathStyle: true,
  }
  const stop = async () => {
    if (!server) return
    const s = server
    server = undefined
    s.httpServer.closeAllConnections()
    await s.close()
  }
  return {
    config,
    port,
    directory,
    stop,
    /** Starts again on the same port with the same stored objects. */
    restart: () => start(port),
    dispose: async () => {
      await stop()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
