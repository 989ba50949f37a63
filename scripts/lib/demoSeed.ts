/**
 * Whether `npm start` adds the demo missions, accounts and articles. Demo accounts share one
 * password, so they go only where nobody can mistake them for real staff: an empty embedded
 * database (the local default), or any empty database when asked for explicitly with
 * `--demo` or `SEED_DEMO=1`. A `DATABASE_URL` database is never seeded by default.
 */
export function demoSeedWanted(options: { embedded: boolean; empty: boolean; argv?: readonly string[]; env?: NodeJS.ProcessEnv }): {
  seed: boolean
  reason: string
} {
  const argv = options.argv ?? process.argv.slice(2)
  const env = options.env ?? process.env
  if (!options.empty) return { seed: false, reason: 'the database already has missions' }
  if (argv.includes('--no-demo') || env.SEED_DEMO === '0') return { seed: false, reason: 'demo data switched off (--no-demo / SEED_DEMO=0)' }
  if (argv.includes('--demo') || env.SEED_DEMO === '1') return { seed: true, reason: 'asked for (--demo / SEED_DEMO=1)' }
  if (options.embedded) return { seed: true, reason: 'empty embedded database' }
  return { seed: false, reason: 'DATABASE_URL database: demo accounts only with --demo or SEED_DEMO=1' }
}
