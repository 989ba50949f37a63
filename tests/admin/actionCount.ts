import type { Locator, Page } from 'playwright-core'

/**
 * Counts what a person does in the browser, as the targets count it: every click,
 * every typing into a field, every option chosen, every file chosen, every key pressed.
 * Opening the first address is not counted; nothing else may navigate by URL.
 */
export class ActionCounter {
  count = 0
  readonly log: string[] = []
  constructor(readonly page: Page) {}

  private note(what: string) {
    this.count++
    this.log.push(`${this.count}. ${what}`)
  }
  async click(target: Locator, what: string) {
    await target.click()
    this.note(`click ${what}`)
  }
  async type(target: Locator, text: string, what: string) {
    await target.fill(text)
    this.note(`type ${what}`)
  }
  async typeInEditor(target: Locator, text: string, what: string) {
    await target.click()
    this.note(`click ${what}`)
    await this.page.keyboard.type(text)
    this.note(`type ${what}`)
  }
  async upload(target: Locator, file: { name: string; mimeType: string; buffer: Buffer }, what: string) {
    await target.setInputFiles(file)
    this.note(`upload ${what}`)
  }
}

const image = async () => ({ name: 'le-khai-mac.jpg', mimeType: 'image/jpeg', buffer: await (await import('../../media/seedImages')).demoImage(11, 1200, 800) })

/**
 * Press officer: log in → a bilingual article with its image and both alt texts → both languages
 * submitted (target ≤ 25 actions). `page` is on the admin's login page. Returns the article id.
 */
export async function pressOfficerWritesBilingualArticle(page: Page, email: string, password: string) {
  const act = new ActionCounter(page)
  await act.type(page.locator('input[name="email"]'), email, 'e-mail')
  await act.type(page.locator('input[name="password"]'), password, 'password')
  await act.click(page.locator('button[type="submit"]'), 'log in')
  await act.click(page.locator('a[href$="/collections/articles/create"]').first(), 'new article (dashboard)')
  await act.type(page.locator('#field-title'), 'Khai mạc Tuần phim Việt Nam tại Can-bê-ra', 'title (vi)')
  await act.type(page.locator('#field-summary'), 'Tuần phim giới thiệu mười bộ phim Việt Nam.', 'summary (vi)')
  // The image: created in a drawer with its Vietnamese alt text; the drawer closes on save.
  await act.click(page.locator('#field-heroImage').getByRole('button', { name: /Tạo mới/ }), 'new image')
  const drawer = page.locator('.drawer--is-open, [role="dialog"]').last()
  await act.upload(drawer.locator('input[type="file"]'), await image(), 'image file')
  await act.type(drawer.locator('#field-alt'), 'Đại sứ phát biểu khai mạc tuần phim', 'alt text (vi)')
  await act.click(drawer.getByRole('button', { name: 'Lưu' }), 'save image')
  await drawer.waitFor({ state: 'hidden', timeout: 60_000 })
  await act.typeInEditor(page.locator('.ContentEditable__root').first(), 'Tối qua, Đại sứ quán khai mạc Tuần phim Việt Nam.', 'body (vi)')
  await act.click(page.getByRole('button', { name: 'Lưu bản nháp' }), 'save draft (vi)')
  await page.waitForURL(/\/collections\/articles\/\d+/, { timeout: 60_000 })
  const id = Number(/articles\/(\d+)/.exec(page.url())![1])
  const vi = page.locator('.workflow-panel [data-locale="vi"]')
  await vi.getByRole('button', { name: 'Gửi duyệt' }).waitFor({ timeout: 60_000 }).catch(async () => {
    throw new Error(`No "Gửi duyệt" for vi; the panel says: ${await page.locator('.workflow-panel').innerText().catch(() => '(no panel)')}`)
  })
  await act.click(vi.getByRole('button', { name: 'Gửi duyệt' }), 'submit vi')
  await vi.getByText('Chờ duyệt').first().waitFor({ timeout: 30_000 })
  // English: switch the edited language, write, the English alt text in the image's drawer, save, submit.
  await act.click(page.locator('.app-header__localizer .popup-button:visible').first(), 'language menu')
  await act.click(page.locator('button.popup-button-list__button:has([data-locale="en"])'), 'English')
  await page.waitForURL(/locale=en/, { timeout: 30_000 })
  await act.type(page.locator('#field-title'), 'Viet Nam Film Week opens in Canberra', 'title (en)')
  await act.type(page.locator('#field-summary'), 'The week presents ten Vietnamese films.', 'summary (en)')
  await act.typeInEditor(page.locator('.ContentEditable__root').first(), 'Last night the Embassy opened the Viet Nam Film Week.', 'body (en)')
  await act.click(page.locator('#field-heroImage .upload-relationship-details__edit').first(), 'edit image (en)')
  const enDrawer = page.locator('.drawer--is-open, [role="dialog"]').last()
  await act.type(enDrawer.locator('#field-alt'), 'The Ambassador opens the film week', 'alt text (en)')
  await act.click(enDrawer.getByRole('button', { name: 'Lưu' }), 'save image (en)')
  await enDrawer.waitFor({ state: 'hidden', timeout: 60_000 })
  await act.click(page.getByRole('button', { name: 'Lưu bản nháp' }), 'save draft (en)')
  const en = page.locator('.workflow-panel [data-locale="en"]')
  await en.getByRole('button', { name: 'Gửi duyệt' }).waitFor({ timeout: 30_000 })
  await act.click(en.getByRole('button', { name: 'Gửi duyệt' }), 'submit en')
  await en.getByText('Chờ duyệt').first().waitFor({ timeout: 30_000 })
  return { id, actions: act.count, log: act.log }
}

async function logIn(act: ActionCounter, email: string, password: string) {
  await act.type(act.page.locator('input[name="email"]'), email, 'e-mail')
  await act.type(act.page.locator('input[name="password"]'), password, 'password')
  await act.click(act.page.locator('button[type="submit"]'), 'log in')
}

/** Reviewer: log in → both languages of a submitted article published, from the dashboard (target ≤ 8). */
export async function reviewerPublishesBoth(page: Page, email: string, password: string, title: string) {
  const act = new ActionCounter(page)
  await logIn(act, email, password)
  await act.click(page.locator('.workflow-dashboard li a', { hasText: title }).first(), 'article waiting for review (dashboard)')
  for (const locale of ['vi', 'en']) {
    const row = page.locator(`.workflow-panel [data-locale="${locale}"]`)
    await act.click(row.getByRole('button', { name: 'Đăng', exact: true }), `publish ${locale}`)
    await row.getByText('Đang hiển thị: Đã đăng').waitFor({ timeout: 30_000 })
  }
  return { actions: act.count, log: act.log }
}

/** Translator: log in → sees that English is outdated, since when, and the source diff (target ≤ 6). */
export async function translatorSeesOutdated(page: Page, email: string, password: string, title: string) {
  const act = new ActionCounter(page)
  await logIn(act, email, password)
  await act.click(page.locator('.workflow-dashboard li a', { hasText: title }).first(), 'outdated translation (dashboard)')
  const en = page.locator('.workflow-panel [data-locale="en"]')
  await en.getByText(/đã thay đổi lúc/).waitFor({ timeout: 30_000 })
  await en.locator('ins').first().waitFor()
  return { actions: act.count, log: act.log }
}
