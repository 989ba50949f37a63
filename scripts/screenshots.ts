/**
 * npm run screenshots — home, a section listing and an article of every demo mission in every
 * locale, at 390 px (a phone) and 1280 px (a laptop), as PNGs in docs/screenshots/
 * (<mission>-<locale>-<page>-<width>.png). Seeds an empty database and brings the sites up to
 * date first; serves them on a free loopback port; Chromium via playwright-core
 * (CHROMIUM_PATH, default /usr/bin/chromium). Only the first screen is taken, as a palette
 * PNG, so the committed files stay small.
 */
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import sharp from 'sharp'
import { chromium } from 'playwright-core'
import { chromiumPath, projectRoot, sitePort } from '#core/config'
import { sitesDir } from '#core/paths'
import { uiString } from '#core/uiStrings'
import { runScript } from './lib/session'

process.env.SITE_BASE_URL ??= `http://localhost:${sitePort}` // as npm start builds them
const outDir = path.join(projectRoot, 'docs', 'screenshots')
const widths = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

await runScript('screenshots', async ({ payload }) => {
  const { seed } = await import('../cms/seed')
  const { buildSites } = await import('../pipeline/buildSites')
  const { startSiteServer } = await import('../site-server/server')
  if ((await payload.count({ collection: 'missions', overrideAccess: true })).totalDocs === 0) await seed(payload)
  await buildSites({ payload, log: () => {} })
  const missions = (await payload.find({ collection: 'missions', pagination: false, depth: 0, overrideAccess: true, sort: 'code' })).docs
  const port = await freePort()
  const server = await startSiteServer({ sitesDir, port, host: '127.0.0.1' })
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] })
  mkdirSync(outDir, { recursive: true })
  let count = 0
  try {
    for (const m of missions) {
      for (const locale of m.enabledLocales as string[]) {
        const base = `http://127.0.0.1:${port}/${m.code}/${locale}/`
        const listing = `${base}${uiString(locale, 'section.news.slug')}/`
        for (const size of widths) {
          const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 })
          const shots: [string, string | null][] = [
            ['home', base],
            ['listing', listing],
            ['article', null],
          ]
          for (const [name, url] of shots) {
            let target = url
            if (!target) {
              // The newest article of the listing.
              await page.goto(listing)
              const href = await page.locator('.card-title a').first().getAttribute('href')
              if (!href) continue
              target = new URL(href, listing).href
            }
            await page.goto(target, { waitUntil: 'load' })
            const png = await page.screenshot({ fullPage: false })
            const file = path.join(outDir, `${m.code}-${locale}-${name}-${size.width}.png`)
            await sharp(png).png({ palette: true, quality: 85, compressionLevel: 9 }).toFile(file)
            count++
          }
          await page.close()
        }
      }
    }
  } finally {
    await browser.close()
    await new Promise((r) => server.close(r))
  }
  console.log(`Wrote ${count} screenshots to docs/screenshots/`)
})
