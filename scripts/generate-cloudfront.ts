/**
 * Writes the CloudFront set-up's generated files (part of `npm run generate`; docs/cdn.md):
 * edge/cloudfront/function.js (host routing + index rewrite) and
 * edge/cloudfront/response-headers-policy.json (the sites' security headers). With
 * ANALYTICS_SCRIPT_URL set, the policy's CSP allows that origin; with SERVER_URL set, forms may post to
 * the CMS's origin (the subscription form); CLOUDFRONT_MISSION_HOSTS (JSON
 * host → code) adds missions on their own domain to the function.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { cloudfrontMissionHosts, projectRoot, serverURL, serverUrlFromEnv } from '#core/config'
import { cloudFrontFunctionSource, responseHeadersPolicy } from '../edge/cloudfrontConfig'
import { analyticsConfig } from '../site/analytics'

const dir = path.join(projectRoot, 'edge', 'cloudfront')
mkdirSync(dir, { recursive: true })
const hosts = cloudfrontMissionHosts()
writeFileSync(path.join(dir, 'function.js'), cloudFrontFunctionSource(hosts))
writeFileSync(
  path.join(dir, 'response-headers-policy.json'),
  `${JSON.stringify(responseHeadersPolicy(analyticsConfig()?.origin ?? null, 'mission-sites', serverUrlFromEnv() ? new URL(serverURL).origin : null), null, 2)}\n`,
)
console.log('Wrote edge/cloudfront/function.js and edge/cloudfront/response-headers-policy.json')
