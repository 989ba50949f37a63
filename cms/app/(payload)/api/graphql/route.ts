import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { withApiGuards } from '#cms/endpoints/guards'

export const POST = withApiGuards(GRAPHQL_POST(config))
export const OPTIONS = withApiGuards(REST_OPTIONS(config))
