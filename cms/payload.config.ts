import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { localeRowsByParent } from './db/indexes'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Deployments } from './collections/Deployments'
import { Media } from './collections/Media'
import { Missions } from './collections/Missions'
import { Users } from './collections/Users'
import { deploySiteTask } from './jobs/deploySite'
import { Pages } from './collections/Pages'
import { AlertLog, Alerts } from './collections/Alerts'
import { rebuildSitesTask } from './jobs/rebuildSites'
import { publishScheduledTask } from './jobs/publishScheduled'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { ArticleOverrides } from './collections/ArticleOverrides'
import { dashboardEndpoint } from './workflow/dashboard'
import { adminTranslations } from './lib/adminTranslations'
import { adminOrigins } from './lib/adminOrigins'
import { localesOfUsersMissions } from './lib/adminLocales'
import { healthEndpoint } from './endpoints/health'
import { withAbuseLimits } from './hooks/abuseLimits'
import { MAX_UPLOAD_BYTES } from './hooks/validateUpload'
import { logger } from './lib/logger'
import { contentLocales, defaultLocale } from '../core/locales'
import { payloadSecret, serverURL } from '../core/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL,
  secret: payloadSecret(),
  telemetry: false,
  // Refused uploads, rate-limited requests and other refusals are expected client errors: no error stack in the log.
  loggingLevels: { APIError: 'info', Forbidden: 'info', ValidationError: 'info', AuthenticationError: 'info', NotFound: 'info', UploadRejected: 'info', RateLimited: 'info' } as Record<string, 'info'>,
  csrf: adminOrigins(serverURL),
  cors: adminOrigins(serverURL),
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Mission Publisher' },
    // No Gravatar: the admin makes no third-party requests.
    avatar: 'default',
    // Day before month and a 24-hour clock, as both admin languages' readers expect.
    dateFormat: 'dd/MM/yyyy HH:mm',
    components: { beforeDashboard: ['/components/WorkflowDashboard#WorkflowDashboard'], providers: ['/components/AdminLanguage#AdminLanguage', '/components/AdminA11y#AdminA11y'] },
    importMap: { baseDir: dirname, importMapFile: path.join(dirname, 'app/(payload)/admin/importMap.js') },
  },
  // Rate limits on login/password reset and page-size caps, added to every collection here.
  collections: withAbuseLimits([Articles, ArticleOverrides, Missions, Pages, Alerts, AlertLog, Media, Users, WorkflowEvents, Deployments]),
  endpoints: [healthEndpoint, dashboardEndpoint],
  logger,
  editor: lexicalEditor(),
  localization: {
    locales: contentLocales.map((l) => ({ code: l.code, label: l.label })),
    defaultLocale,
    fallback: true,
    filterAvailableLocales: localesOfUsersMissions,
  },
  i18n: { supportedLanguages: { vi, en }, fallbackLanguage: 'vi', translations: adminTranslations },
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    // Schema changes go through committed migrations only (npm run migrate:create).
    push: false,
    migrationDir: path.join(dirname, 'migrations'),
    afterSchemaInit: [localeRowsByParent],
  }),
  sharp,
  // The multipart parser stops reading at the limit and answers 413 (validateUpload checks again).
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 }, abortOnLimit: true, responseOnLimit: `The file is too large; the limit is ${MAX_UPLOAD_BYTES / 1e6} MB.` },
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { outputFile: path.join(dirname, '../core/payload-types.ts'), autoGenerate: false },
  jobs: {
    tasks: [rebuildSitesTask, deploySiteTask, publishScheduledTask],
    // Only the long-running `npm start` process runs jobs; Next's request workers and scripts just queue them.
    shouldAutoRun: () => process.env.MP_JOBS_RUNNER === '1',
    autoRun: [
      // limit 1: one rebuild job per tick; its handler coalesces every other pending rebuild (cms/jobs/rebuildSites.ts).
      { cron: '* * * * * *', queue: 'rebuild', limit: 1 }, // every second: the wait is part of publish → live
      { cron: '*/5 * * * * *', queue: 'workflow', limit: 20 },
    ],
    deleteJobOnComplete: false,
  },
})
