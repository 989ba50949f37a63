import { describe, expect, it } from 'vitest'
import { demoSeedWanted } from '../../scripts/lib/demoSeed'

/** npm start adds the demo accounts (one shared password) only where nobody mistakes them for real staff. */
describe('demo data only on request', () => {
  const wanted = (embedded: boolean, empty: boolean, argv: string[] = [], env: Record<string, string> = {}) =>
    demoSeedWanted({ embedded, empty, argv, env: env as NodeJS.ProcessEnv }).seed

  it('never seeds a DATABASE_URL database by default, even an empty one', () => {
    expect(wanted(false, true)).toBe(false)
    expect(demoSeedWanted({ embedded: false, empty: true, argv: [], env: {} as NodeJS.ProcessEnv }).reason).toMatch(/--demo or SEED_DEMO=1/)
  })

  it('seeds an empty embedded database (the local default), and any empty one with --demo or SEED_DEMO=1', () => {
    expect(wanted(true, true)).toBe(true)
    expect(wanted(false, true, ['--demo'])).toBe(true)
    expect(wanted(false, true, [], { SEED_DEMO: '1' })).toBe(true)
  })

  it('never seeds a database that has missions, and --no-demo / SEED_DEMO=0 switch the embedded default off', () => {
    expect(wanted(true, false, ['--demo'])).toBe(false)
    expect(wanted(true, true, ['--no-demo'])).toBe(false)
    expect(wanted(true, true, [], { SEED_DEMO: '0' })).toBe(false)
  })
})
