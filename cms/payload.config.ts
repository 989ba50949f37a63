import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { postgresAdapter } from '@payloadcms/db-postgres'
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
import { rebuildSitesTask } from './jobs/rebuildSites'
import { contentLocales, defaultLocale } from './lib/locales'
import { payloadSecret, serverURL } from './lib/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL,
  secret: payloadSecret(),
  telemetry: false,
  csrf: [serverURL],
  cors: [serverURL],
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Mission Publisher' },
    importMap: { baseDir: dirname, importMapFile: path.join(dirname, 'app/(payload)/admin/importMap.js') },
  },
  collections: [Articles, Missions, Media, Users, Deployments],
  editor: lexicalEditor(),
  localization: {
    locales: contentLocales.map((l) => ({ code: l.code, label: l.label })),
    defaultLocale,
    fallback: true,
  },
  i18n: { supportedLanguages: { vi, en }, fallbackLanguage: 'vi' },
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    // Schema changes go through committed migrations only (npm run migrate:create).
    push: false,
    migrationDir: path.join(dirname, 'migrations'),
  }),
  sharp,
  upload: { limits: { fileSize: 20_000_000 }, abortOnLimit: true },
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { outputFile: path.join(dirname, 'payload-types.ts'), autoGenerate: false },
  jobs: {
    tasks: [rebuildSitesTask, deploySiteTask],
    // Only the long-running `npm start` process runs jobs; Next's request workers and scripts just queue them.
    shouldAutoRun: () => process.env.MP_JOBS_RUNNER === '1',
    // limit 1: one rebuild job per tick; its handler coalesces every other pending rebuild (cms/jobs/rebuildSites.ts).
    autoRun: [{ cron: '*/2 * * * * *', queue: 'rebuild', limit: 1 }],
    deleteJobOnComplete: false,
  },
})
