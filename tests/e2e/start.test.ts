import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { freePort } from '../helpers/globalSetup'
import { runningPostmaster } from '../../cms/db/embeddedPostgres'

/**
 * `npm start` as a user runs it: embedded Postgres in a fresh data directory, migrations,
 * demo seed, site build, the admin (Next.js, built if needed) and the site server — then
 * publishing through the API reaches the served site, and Ctrl-C stops everything cleanly.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'mp-start-'))
chmodSync(root, 0o755) // as root, the embedded server runs as the "postgres" user
const PASSWORD = 'e2e-demo-password-1'
let admin = ''
let site = ''
let child: ChildProcess
let output = ''
let browser: Browser | undefined
let env: Record<string, string | undefined>
let publishedId = 0

function startProcess(extraEnv: Record<string, string> = {}) {
  const proc = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    env: { ...env, ...extraEnv } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return proc
}

beforeAll(async () => {
  const [port, sitePort, pgPort] = [await freePort(), await freePort(), await freePort()]
  admin = `http://127.0.0.1:${port}`
  site = `http://127.0.0.1:${sitePort}`
  env = {
    ...process.env,
    DATA_DIR: path.join(root, 'data'),
    DIST_DIR: path.join(root, 'dist'),
    PORT: String(port),
    SITE_PORT: String(sitePort),
    EMBEDDED_PG_PORT: String(pgPort),
    SEED_PASSWORD: PASSWORD,
    SERVER_URL: admin,
    SITE_BASE_URL: `http://localhost:${sitePort}`,
    LOG_LEVEL: 'warn',
  }
  for (const key of ['DATABASE_URL', 'MP_EMBEDDED_DB', 'PAYLOAD_SECRET', 'NODE_ENV', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete env[key]
  child = startProcess()
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const started = Date.now()
  while (!output.includes('Admin:')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output.slice(-3000)}`)
    if (Date.now() - started > 600_000) throw new Error(`npm start did not come up within 10 minutes:\n${output.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}, 660_000)

afterAll(async () => {
  await browser?.close()
  if (child && child.exitCode === null) child.kill('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

const chromiumBrowser = async () =>
  (browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  }))

const login = async (email: string) => {
  const res = await fetch(`${admin}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  expect(res.status, `login ${email}`).toBe(200)
  return `JWT ${((await res.json()) as { token: string }).token}`
}

/** The admin speaks each account's own language (Vietnamese by default); these checks read the English admin. */
const useEnglishAdmin = async (email: string) => {
  const auth = await login(email)
  const me = ((await (await fetch(`${admin}/api/users/me`, { headers: { Authorization: auth } })).json()) as { user: { id: number } }).user
  const res = await fetch(`${admin}/api/users/${me.id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: auth },
    body: JSON.stringify({ adminLanguage: 'en' }),
  })
  expect(res.status, `admin language of ${email}`).toBe(200)
}

describe('npm start', () => {
  it('serves the admin and every demo mission site', async () => {
    expect((await fetch(`${admin}/admin`)).status).toBe(200)
    for (const code of ['au-canberra', 'jp-osaka', 'eg-cairo']) {
      const res = await fetch(`${site}/${code}/vi/`)
      expect(res.status).toBe(200)
      expect(await res.text()).toMatch(/<html lang="vi"/)
    }
    const health = (await (await fetch(`${admin}/api/health`)).json()) as { status: string }
    expect(health.status).toBe('ok')
  })

  it('refuses a second start on the same data directory with a clear message', async () => {
    const second = startProcess({ PORT: '1', SITE_PORT: '1' })
    let text = ''
    second.stdout!.on('data', (c: Buffer) => (text += c.toString()))
    second.stderr!.on('data', (c: Buffer) => (text += c.toString()))
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve))
    expect(code).not.toBe(0)
    expect(text).toMatch(/already in use by process \d+/)
    expect((await fetch(`${admin}/admin`)).status).toBe(200) // the first instance is unharmed
  })

  it('publishes through the workflow and the page is served within seconds', async () => {
    const press = await login('press.au-canberra@example.org')
    const reviewer = await login('reviewer.au-canberra@example.org')
    const mission = ((await (await fetch(`${admin}/api/missions?where[code][equals]=au-canberra`)).json()) as { docs: { id: number }[] }).docs[0]!.id
    const json = { 'Content-Type': 'application/json' }
    const created = await fetch(`${admin}/api/articles?locale=vi&draft=true`, {
      method: 'POST',
      headers: { ...json, Authorization: press },
      body: JSON.stringify({ title: 'Kiểm tra từ đầu đến cuối', section: 'news', missions: [mission] }),
    })
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { doc: { id: number } }).doc.id
    publishedId = id
    const step = async (who: string, action: string) =>
      (
        await fetch(`${admin}/api/articles/${id}/workflow`, {
          method: 'POST',
          headers: { ...json, Authorization: who },
          body: JSON.stringify({ locale: 'vi', action }),
        })
      ).status
    expect(await step(press, 'submit')).toBe(200)
    expect(await step(press, 'publish')).toBe(403)
    const t0 = Date.now()
    expect(await step(reviewer, 'publish')).toBe(200)
    const url = `${site}/au-canberra/vi/tin-tuc/kiem-tra-tu-dau-den-cuoi/`
    let status = 0
    while (Date.now() - t0 < 90_000 && status !== 200) {
      status = (await fetch(url)).status
      if (status !== 200) await new Promise((r) => setTimeout(r, 250))
    }
    expect(status).toBe(200)
    console.log(`publish → served by the local site server: ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  })

  it('previews a draft from the admin server without publishing it', async () => {
    const press = await login('press.au-canberra@example.org')
    const mission = ((await (await fetch(`${admin}/api/missions?where[code][equals]=au-canberra`)).json()) as { docs: { id: number }[] }).docs[0]!.id
    const created = await fetch(`${admin}/api/articles?locale=vi&draft=true`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: press },
      body: JSON.stringify({ title: 'Bản nháp xem trước', section: 'news', missions: [mission] }),
    })
    const id = ((await created.json()) as { doc: { id: number } }).doc.id
    const res = await fetch(`${admin}/api/articles/${id}/preview?locale=vi`, { headers: { Authorization: press } })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await res.text()).toContain('<h1>Bản nháp xem trước</h1>')
    expect((await fetch(`${site}/au-canberra/vi/tin-tuc/ban-nhap-xem-truoc/`)).status).toBe(404)
  })

  it('stores uploads made through the admin server where the site build finds them', async () => {
    const { demoImage } = await import('../../media/seedImages')
    const press = await login('press.au-canberra@example.org')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await demoImage(7, 800, 500))], { type: 'image/jpeg' }), 'Ảnh Đại sứ quán.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Ảnh thử nghiệm' }))
    const res = await fetch(`${admin}/api/media?locale=vi`, { method: 'POST', body: form, headers: { Authorization: press } })
    expect(res.status).toBe(201)
    const doc = ((await res.json()) as { doc: { filename: string } }).doc
    expect(existsSync(path.join(root, 'data', 'media', doc.filename))).toBe(true)
  })

  it('shows an emergency alert posted through the API on the mission’s served pages within 60 s, and not elsewhere', async () => {
    const missionAdmin = await login('admin.jp-osaka@example.org')
    const mission = ((await (await fetch(`${admin}/api/missions?where[code][equals]=jp-osaka`)).json()) as { docs: { id: number }[] }).docs[0]!.id
    const t0 = Date.now()
    const res = await fetch(`${admin}/api/alerts?locale=vi`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: missionAdmin },
      body: JSON.stringify({
        mission,
        severity: 'warning',
        text: 'Cảnh báo bão tại Ô-xa-ca',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    let shown = false
    while (!shown && Date.now() - t0 < 60_000) {
      shown = (await (await fetch(`${site}/jp-osaka/vi/`)).text()).includes('Cảnh báo bão tại Ô-xa-ca')
      if (!shown) await new Promise((r) => setTimeout(r, 250))
    }
    expect(shown).toBe(true)
    console.log(`alert posted → on the served page: ${((Date.now() - t0) / 1000).toFixed(2)} s`)
    expect(await (await fetch(`${site}/au-canberra/vi/`)).text()).not.toContain('Cảnh báo bão tại Ô-xa-ca')
  })

  it('shows the per-language workflow panel in the admin', async () => {
    await useEnglishAdmin('reviewer.au-canberra@example.org')
    const page = await (await chromiumBrowser()).newPage({ locale: 'en-US' })
    const thirdParty: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(admin) && !r.url().startsWith('data:')) thirdParty.push(r.url())
    })
    await page.goto(`${admin}/admin/login`)
    await page.fill('input[name="email"]', 'reviewer.au-canberra@example.org')
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')
    await page.getByText('Editorial dashboard').waitFor({ timeout: 60_000 })
    await page.goto(`${admin}/admin/collections/articles`)
    await page.locator('table tbody tr a').first().waitFor()
    await page.goto(`${admin}/admin/collections/articles/${publishedId}`) // published in vi by the test above
    await page.getByText('Workflow by language').waitFor({ timeout: 60_000 })
    // The panel loads the article's workflow after rendering; its buttons follow the server's rules.
    await page.getByRole('button', { name: 'Unpublish' }).first().waitFor({ timeout: 30_000 })
    expect(thirdParty).toEqual([])
  })

  it('previews unsaved mission settings from the admin in a new tab, and saves nothing', async () => {
    const found = (await (await fetch(`${admin}/api/missions?where[code][equals]=au-canberra&depth=0`)).json()) as {
      docs: { id: number; siteTitle?: string }[]
    }
    const mission = found.docs[0]!
    await useEnglishAdmin('admin.au-canberra@example.org')
    const context = await (await chromiumBrowser()).newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${admin}/admin/login`)
    await page.fill('input[name="email"]', 'admin.au-canberra@example.org')
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')
    await page.getByText('Editorial dashboard').waitFor({ timeout: 60_000 })
    await page.goto(`${admin}/admin/collections/missions/${mission.id}`)
    await page
      .getByRole('tab', { name: 'Site' })
      .or(page.getByRole('button', { name: 'Site', exact: true }))
      .first()
      .click()
    const title = page.locator('input[name="siteTitle"]')
    await title.waitFor({ timeout: 60_000 })
    await title.fill('Tiêu đề chưa lưu')
    const [preview] = await Promise.all([page.waitForEvent('popup', { timeout: 60_000 }), page.getByRole('button', { name: 'Preview changes' }).click()])
    // The preview opens in a sandboxed frame of the new tab, or the tab closes and the button says why (then the test names the reason).
    const opened = await preview
      .locator('iframe[sandbox]')
      .waitFor({ timeout: 120_000 })
      .then(
        () => true,
        () => false,
      )
    if (!opened) {
      const reason = page.locator('[role="alert"]').filter({ hasText: 'preview' }).first()
      await reason.waitFor({ timeout: 10_000 })
      throw new Error(`The admin refused the preview: ${await reason.textContent()}\n${output.slice(-4000)}`)
    }
    const frame = preview.frameLocator('iframe[sandbox]')
    await frame.getByText('Tiêu đề chưa lưu').first().waitFor({ timeout: 30_000 })
    expect(await frame.locator('.preview-banner').count()).toBe(1)
    // Nothing was saved: the stored title is the demo's.
    const stored = (await (await fetch(`${admin}/api/missions/${mission.id}?locale=vi&depth=0`)).json()) as { siteTitle?: string }
    expect(stored.siteTitle).toBe(mission.siteTitle)
    await context.close()
  })

  it('stops cleanly on SIGTERM, database included', async () => {
    child.kill('SIGTERM')
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)))
    expect(code, output.slice(output.lastIndexOf('Stopping …'), output.lastIndexOf('Stopping …') + 2000)).toBe(0)
    expect(output).toContain('Stopped cleanly.')
    expect(runningPostmaster(path.join(root, 'data', 'postgres'))).toBeUndefined()
    expect(existsSync(path.join(root, 'dist', 'sites', 'au-canberra', 'vi', 'index.html'))).toBe(true)
  })
})
