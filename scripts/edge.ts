/**
 * npm run edge — the edge worker (edge/worker.ts) in workerd on http://127.0.0.1:$EDGE_PORT,
 * serving the bucket named by the S3_* variables in path-prefix mode (/<code>/<locale>/), plus
 * any mission host in the bucket's _deploy/hosts.json. The same worker Cloudflare runs (docs/cdn.md).
 */
import { requireS3Config } from '../pipeline/deploy/config'
import { analyticsConfig } from '../site/analytics'
import { startEdge } from '../edge/runLocal'
import { cdnPurgeToken, edgeCache, edgePort, listenHost } from '#core/config'

const port = edgePort()
const s3 = requireS3Config()
const edge = await startEdge({
  port,
  host: listenHost(),
  vars: {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_PREFIX: s3.prefix,
    S3_FORCE_PATH_STYLE: String(s3.forcePathStyle),
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    ANALYTICS_ORIGIN: analyticsConfig()?.origin,
    PURGE_TOKEN: cdnPurgeToken(),
    // Locally the bucket is near: read it on every request unless EDGE_CACHE=on (then purges matter, as in production).
    EDGE_CACHE: edgeCache(),
  },
})
console.log(`Edge worker (workerd): ${edge.url}/  — e.g. ${edge.url}/au-canberra/vi/  (bucket ${s3.bucket}${s3.endpoint ? ` at ${s3.endpoint}` : ''})`)
const stop = () => void edge.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
