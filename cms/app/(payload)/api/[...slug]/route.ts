import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { withApiGuards } from '#cms/endpoints/guards'
import { withReadCache } from '#cms/endpoints/readCache'

// Request ids, body size limits and request logs around Payload's REST handlers (cms/endpoints/guards.ts);
// signed-in reads answered from the read cache until content changes (cms/endpoints/readCache.ts).
export const GET = withApiGuards(withReadCache(REST_GET(config), config))
export const POST = withApiGuards(REST_POST(config))
export const DELETE = withApiGuards(REST_DELETE(config))
export const PATCH = withApiGuards(REST_PATCH(config))
export const PUT = withApiGuards(REST_PUT(config))
export const OPTIONS = withApiGuards(REST_OPTIONS(config))
