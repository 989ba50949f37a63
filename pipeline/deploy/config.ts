/** Where deploys go, from the environment (see README "Deploy"). */
export type S3Config = {
  endpoint?: string
  bucket: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  /** Optional prefix before `<code>/`, e.g. `sites/` */
  prefix: string
  forcePathStyle: boolean
}

export function s3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): S3Config | undefined {
  if (!env.S3_BUCKET) return undefined
  if (env.S3_ENDPOINT && !/^https?:\/\//.test(env.S3_ENDPOINT)) {
    throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${env.S3_ENDPOINT}"`)
  }
  const prefix = env.S3_PREFIX ?? ''
  if (prefix && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/$/.test(prefix)) {
    throw new Error(`S3_PREFIX must be folder names ending in "/", e.g. "sites/", got "${prefix}"`)
  }
  return {
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION ?? 'us-east-1',
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    prefix,
    // Custom endpoints (MinIO, s3rver, Ceph …) usually serve buckets by path, not by host name.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT),
  }
}

export function requireS3Config(env: NodeJS.ProcessEnv = process.env): S3Config {
  const config = s3ConfigFromEnv(env)
  if (!config) throw new Error('S3_BUCKET is not set: configure S3_ENDPOINT, S3_BUCKET, S3_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to deploy.')
  return config
}
