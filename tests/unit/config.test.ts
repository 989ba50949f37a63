import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, checkConfig, databasePoolMax, edgePort, mailRatePerSecond, seedPassword, siteBuild } from '#core/config'

const saved = { ...process.env }
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
})

describe('core/config', () => {
  it('names the variable in the error for a bad value', () => {
    process.env.EDGE_PORT = 'eighty'
    expect(() => edgePort()).toThrow(ConfigError)
    expect(() => edgePort()).toThrow('EDGE_PORT must be a port number (1–65535), got "eighty".')
    expect(() => checkConfig()).toThrow(/^EDGE_PORT /)
    process.env.EDGE_PORT = '8788'
    expect(edgePort()).toBe(8788)
  })

  it('keeps the documented defaults and messages', () => {
    delete process.env.EDGE_PORT
    delete process.env.MAIL_RATE_PER_SECOND
    expect(edgePort()).toBe(8787)
    expect(mailRatePerSecond()).toBe(10)
    expect(databasePoolMax(undefined)).toBe(20)
    expect(() => databasePoolMax('1')).toThrow(
      'DATABASE_POOL_MAX must be a whole number from 2 to 1000 (one connection stays with the database adapter), got "1".',
    )
    process.env.SEED_PASSWORD = 'short'
    expect(() => seedPassword()).toThrow('SEED_PASSWORD must be at least 12 characters long.')
  })

  it('lets the site data modules be imported outside a build, and says what is missing when they are used', async () => {
    delete process.env.MP_CONTENT_DIR
    const content = await import('../../site/src/data/content')
    expect(() => content.missions()).toThrow('MP_CONTENT_DIR is not set: run the site build through `npm run build:sites`.')
    expect(siteBuild.renderOnly()).toBeNull()
  })
})
