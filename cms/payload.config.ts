import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { localeRowsByParent } from './db/indexes'
import { boundedPg, poolOptions } from './db/pool'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import sharp from 'sharp'
import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import { redirectsPluginConfig } from './collections/redirects'
import { mediaStoragePlugin } from './collections/media'

import { Articles } from './collections/articles'
import { Deployments } from './collections/deployments'
import { Media } from './collections/media'
import { Missions } from './collections/missions'
import { Users } from './collections/users'
import { deploySiteTask } from './jobs/deploySite'
import { Pages } from './collections/pages'
import { AlertLog, Alerts } from './collections/alerts'
import { rebuildSitesTask } from './jobs/rebuildSites'
import { claimed, jobClaimFields } from './jobs/claims'
import { publishScheduledTask } from './jobs/publishScheduled'
import { publishAlertsTask } from './jobs/publishAlerts'
import { WorkflowEvents } from './collections/workflowEvents'
import { ArticleOverrides } from './collections/articleOverrides'
import { dashboardEndpoint } from './workflow/dashboard'
import { calendarEndpoint } from './workflow/calendar'
import { adminTranslations } from './lib/adminTranslations'
import { adminOrigins } from './lib/adminOrigins'
import { localesOfUsersMissions } from './lib/adminLocales'
import { healthEndpoint } from './endpoints/health'
import { withAbuseLimits } from './hooks/abuseLimits'
import { withLockChecksInTransaction } from './hooks/documentLocks'
import { notingCommits } from './db/changeFeed'
import { MAX_UPLOAD_BYTES } from './hooks/validateUpload'
import { withPreviewGuards } from './endpoints/preview'
import { isHqAdmin } from './access/roles'
import { logger } from './lib/logger'
import { contentLocales, defaultLocale } from '#core/locales'
import { databaseUrl, payloadSecret, serverURL } from '#core/config'
import { emailAdapter } from './email/adapter'
import { Deliveries, Subscribers } from './subscriptions/collections'
import { subscriptionEndpoints } from './subscriptions/endpoints'
import { deliverMailTask } from './jobs/deliverMail'
import { notifyWorkflowTask } from './workflow/notify'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL,
  secret: payloadSecret(),
  telemetry: false,
  email: emailAdapter(), // SMTP_URL, MAIL_FROM; unset: messages go to the log
  // Refused uploads, rate-limited requests and other refusals are expected client errors: no error stack in the log.
  loggingLevels: {
    APIError: 'info',
    Forbidden: 'info',
    ValidationError: 'info',
    AuthenticationError: 'info',
    NotFound: 'info',
    UploadRejected: 'info',
    RateLimited: 'info',
  } as Record<string, 'info'>,
  csrf: adminOrigins(serverURL),
  cors: adminOrigins(serverURL),
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Mission Publisher' },
    // No Gravatar: the admin makes no third-party requests.
    avatar: 'default',
    // Day before month and a 24-hour clock, as both admin languages' readers expect.
    dateFormat: 'dd/MM/yyyy HH:mm',
    components: {
      beforeDashboard: ['/components/WorkflowDashboard#WorkflowDashboard'],
      providers: ['/components/AdminLanguage#AdminLanguage', '/components/AdminA11y#AdminA11y'],
      // The editorial calendar per mission (cms/components/EditorialCalendar.tsx).
      views: { calendar: { Component: '/components/EditorialCalendarView#EditorialCalendarView', path: '/calendar' } },
    },
    importMap: { baseDir: dirname, importMapFile: path.join(dirname, 'app/(payload)/admin/importMap.js') },
  },
  // Rate limits on login/password reset and page-size caps, the preview endpoints' guards, and the admin's
  // document-lock check inside the save's transaction (one pool connection per save), added to every collection here.
  collections: withPreviewGuards(
    withAbuseLimits(
      withLockChecksInTransaction([
        Articles,
        ArticleOverrides,
        Missions,
        Pages,
        Alerts,
        AlertLog,
        Media,
        Users,
        WorkflowEvents,
        Deployments,
        Subscribers,
        Deliveries,
      ]),
    ),
  ),
  endpoints: [healthEndpoint, dashboardEndpoint, calendarEndpoint, ...subscriptionEndpoints],
  logger,
  // Redirects (old URLs → articles and pages), scoped per mission: cms/collections/redirects/index.ts.
  // Uploaded media in the shared private bucket when S3_MEDIA_BUCKET is set, else in DATA_DIR/media (cms/collections/media/index.ts).
  plugins: [redirectsPlugin(redirectsPluginConfig), mediaStoragePlugin()],
  editor: lexicalEditor(),
  localization: {
    locales: contentLocales.map((l) => ({ code: l.code, label: l.label })),
    defaultLocale,
    fallback: true,
    filterAvailableLocales: localesOfUsersMissions,
  },
  i18n: { supportedLanguages: { vi, en }, fallbackLanguage: 'vi', translations: adminTranslations },
  // Each commit is noted for the API read cache (cms/db/changeFeed.ts).
  db: notingCommits(
    postgresAdapter({
      // DATABASE_POOL_MAX connections, an acquire timeout (503), statement and idle-in-transaction timeouts: cms/db/pool.ts.
      pool: poolOptions(databaseUrl()),
      pg: boundedPg,
      // Schema changes go through committed migrations only (npm run migrate:create).
      push: false,
      migrationDir: path.join(dirname, 'migrations'),
      afterSchemaInit: [localeRowsByParent],
    }),
  ),
  sharp,
  // The multipart parser stops reading at the limit and answers 413 (validateUpload checks again).
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
    abortOnLimit: true,
    responseOnLimit: `The file is too large; the limit is ${MAX_UPLOAD_BYTES / 1e6} MB.`,
  },
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { outputFile: path.join(dirname, '../core/payload-types.ts'), autoGenerate: false },
  jobs: {
    // Every task runs under a claim with a lease (cms/jobs/claims.ts): correct with any number of workers.
    tasks: [rebuildSitesTask, deploySiteTask, publishScheduledTask, publishAlertsTask, deliverMailTask, notifyWorkflowTask].map(claimed),
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({ ...defaultJobsCollection, fields: [...defaultJobsCollection.fields, ...jobClaimFields] }),
    // Jobs run only in the runners of npm start and npm run worker (Local API); over HTTP nobody runs them (GET
    // /api/payload-jobs/run, /handle-schedules answer 401), and only HQ admins queue or cancel.
    access: { run: () => false, queue: ({ req }) => isHqAdmin(req.user), cancel: ({ req }) => isHqAdmin(req.user) },
    // Payload's own autoRun never runs (it claims by find-then-update): `npm start` and `npm run
    // worker` run cms/jobs/runner.ts, which reads these queues, schedules and limits.
    shouldAutoRun: () => false,
    autoRun: [
      // limit 1: one rebuild job per tick; its handler coalesces every other pending rebuild (cms/jobs/rebuildSites.ts).
      { cron: '* * * * * *', queue: 'rebuild', limit: 1 }, // every second: the wait is part of publish → live
      { cron: '*/5 * * * * *', queue: 'workflow', limit: 20 },
      // Emergency alerts to the bucket within seconds, never behind a site build (cms/jobs/publishAlerts.ts).
      { cron: '* * * * * *', queue: 'alerts', limit: 10 },
      { cron: '* * * * * *', queue: 'mail', limit: 5 }, // subscriber mail (cms/jobs/deliverMail.ts): alerts go out at once
    ],
    deleteJobOnComplete: false,
  },
})
