import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { chromium, type BrowserContext } from 'playwright-core'
import { startSmtpServer } from '../helpers/smtp'
import type { DemoSites } from '../helpers/demoSites'

/**
 * The subscription form as a reader with JavaScript switched off uses it: Chromium posts the
 * demo site's footer form across origins to the CMS (allowed by the sites' form-action), reads
 * the answer page in its language, then opens the mailed link and presses the confirm button.
 */
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let site: DemoSites
let api: { url: string; close: () => Promise<void> }
let siteServer: Server
let context: BrowserContext
let profileDir: string

// No project module may be imported before SERVER_URL is set (core/config reads it once), hence no helper here.
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

beforeAll(async () => {
  smtp = await startSmtpServer()
  const apiPort = await freePort()
  // Before any project module reads them: the CMS's public URL (the form's action) and the mail server.
  process.env.SERVER_URL = `http://127.0.0.1:${apiPort}`
  process.env.SMTP_URL = smtp.url
  const { buildDemoSites } = await import('../helpers/demoSites')
  const { startApiServer } = await import('../helpers/apiServer')
  const { startSiteServer } = await import('../../site-server/server')
  site = await buildDemoSites()
  process.env.SITE_BASE_URL = site.baseUrl // as npm start keeps it: the mission's pages are where readers consent
  api = await startApiServer(site.payload, { port: apiPort })
  siteServer = await startSiteServer({ sitesDir: site.sitesDir, port: site.port })
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'mp-chromium-nojs-'))
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await context?.close()
  await new Promise((r) => (siteServer ? siteServer.close(r) : r(null)))
  await api?.close()
  await site?.close()
  await smtp?.close()
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  delete process.env.SERVER_URL
  delete process.env.SMTP_URL
  delete process.env.SITE_BASE_URL
})

it('subscribes and confirms with JavaScript disabled, in the page’s language', async () => {
  const page = await context.newPage()
  await page.goto(`${site.baseUrl}/eg-cairo/ar/`)
  const form = page.locator('form[action$="/api/subscriptions/subscribe"]')
  await form.getByLabel('عنوان البريد الإلكتروني').fill('reader.ar@example.net')
  await Promise.all([page.waitForURL(`${api.url}/api/subscriptions/subscribe`), form.getByRole('button').click()])
  expect(await page.locator('html').getAttribute('lang')).toBe('ar')
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  expect(await page.locator('h1').textContent()).toBe('تحقق من بريدك الإلكتروني')

  const mail = smtp.to('reader.ar@example.net')[0]
  expect(mail, 'confirmation mail').toBeDefined()
  const link = /https?:\/\/\S+\/api\/subscriptions\/confirm\?t=\S+/.exec(mail!.text)![0]
  await page.goto(link)
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button').click()])
  expect(await page.locator('h1').textContent()).toBe('تم اشتراكك')

  const stored = await site.payload.find({ collection: 'subscribers', where: { email: { equals: 'reader.ar@example.net' } }, overrideAccess: true })
  expect(stored.docs[0]).toMatchObject({ locale: 'ar', alerts: true, frequency: 'immediate', source: `${site.baseUrl}/eg-cairo/ar/` })
  expect(stored.docs[0]!.sections).toContain('news')
})
