import sharp from 'sharp'
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
  /** A file dragged from the desktop and dropped on a drop zone: one action. */
  async drop(target: Locator, file: { name: string; mimeType: string; buffer: Buffer }, what: string) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, mimeType, base64 }) => {
        const dt = new DataTransfer()
        dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: mimeType }))
        return dt
      },
      { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
    )
    await target.dispatchEvent('dragenter', { dataTransfer })
    await target.dispatchEvent('drop', { dataTransfer })
    this.note(`drop ${what}`)
  }
  async upload(target: Locator, file: { name: string; mimeType: string; buffer: Buffer }, what: string) {
    await target.setInputFiles(file)
    this.note(`upload ${what}`)
  }
}

async function logIn(act: ActionCounter, email: string, password: string) {
  await act.type(act.page.locator('input[name="email"]'), email, 'e-mail')
  await act.type(act.page.locator('input[name="password"]'), password, 'password')
  await act.click(act.page.locator('button[type="submit"]'), 'log in')
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

/** Switches the edited language with the localizer (two actions), unless it is already `current`. */
async function switchLanguage(act: ActionCounter, current: string, option: string) {
  const localizer = act.page.locator('.localizer button').first()
  if ((await localizer.innerText()).includes(current)) return
  await act.click(localizer, 'language menu')
  await act.click(act.page.getByText(option, { exact: true }).first(), option)
  await act.page.locator('.localizer button', { hasText: current }).first().waitFor({ timeout: 60_000 })
}

/** A small real PNG, as a press officer would drop a photo onto the image field. */
export const photo = async () => ({
  name: 'hoi-cho.png',
  mimeType: 'image/png',
  buffer: await sharp({ create: { width: 320, height: 200, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer(),
})

/**
 * Press officer: log in → a bilingual article with an image and its alt text in both
 * languages → both languages submitted (target ≤ 25). The photo is dropped on the image field
 * (one action, as dragging a file from the desktop); the English alt text is written in place
 * under the image; one "submit all changed languages" submits both.
 */
export async function pressOfficerBilingualArticle(page: Page, email: string, password: string, title: { vi: string; en: string }) {
  const act = new ActionCounter(page)
  await logIn(act, email, password)
  await act.click(page.locator('[aria-label="Tạo mới Bài viết"]').first(), 'create article (dashboard)')
  // The admin reopens in the language this person last edited (Payload keeps it per user): switching back is counted.
  await page.locator('#field-title').waitFor()
  await switchLanguage(act, 'Tiếng Việt', 'Tiếng Việt (vi)')
  await act.type(page.locator('#field-title'), title.vi, 'title (vi)')
  await act.type(page.locator('#field-summary'), 'Hội chợ ẩm thực Việt diễn ra vào thứ bảy tại công viên Glebe.', 'summary (vi)')
  await act.drop(page.locator('#field-heroImage .dropzone').first(), await photo(), 'photo onto the image field')
  const drawer = page.locator('dialog[open], .drawer--is-open, [role="dialog"]').last()
  await act.type(drawer.locator('input[name="alt"], #field-alt').first(), 'Khách tham quan hội chợ ẩm thực', 'alt text (vi, image drawer)')
  await act.click(drawer.getByRole('button', { name: /^Lưu$/ }).first(), 'save image')
  await page.locator('.image-alt-texts [data-locale="en"] input').waitFor({ timeout: 60_000 })
  await act.type(page.locator('.image-alt-texts [data-locale="en"] input'), 'Visitors at the food fair', 'alt text (en, in place)')
  await act.typeInEditor(page.locator('.field-type.rich-text-lexical [contenteditable="true"]').first(), 'Hội chợ có hơn ba mươi gian hàng.', 'body (vi)')
  await act.click(page.getByRole('button', { name: 'Lưu bản nháp' }), 'save draft (vi)')
  await page.waitForURL(/\/collections\/articles\/\d+/, { timeout: 60_000 })
  await page.locator('.workflow-panel [data-locale="vi"]').getByText('Bản nháp').waitFor({ timeout: 60_000 })
  await switchLanguage(act, 'English', 'English (en)')
  await page.locator('.translation-source').waitFor({ timeout: 60_000 })
  await act.type(page.locator('#field-title'), title.en, 'title (en)')
  await act.type(page.locator('#field-summary'), 'The Vietnamese food fair takes place on Saturday in Glebe Park.', 'summary (en)')
  await act.typeInEditor(page.locator('.field-type.rich-text-lexical [contenteditable="true"]').first(), 'The fair has more than thirty stalls.', 'body (en)')
  await act.click(page.getByRole('button', { name: 'Lưu bản nháp' }), 'save draft (en)')
  const all = page.locator('.workflow-panel__all').getByRole('button', { name: /^Gửi duyệt mọi ngôn ngữ đã sửa/ })
  await all.waitFor({ timeout: 60_000 })
  await act.click(all, 'submit all changed languages')
  await page.locator('.workflow-panel [data-locale="en"]').getByText('Trạng thái: Chờ duyệt').waitFor({ timeout: 60_000 })
  await page.locator('.workflow-panel [data-locale="vi"]').getByText('Trạng thái: Chờ duyệt').waitFor({ timeout: 60_000 })
  const id = Number(/articles\/(\d+)/.exec(page.url())![1])
  return { actions: act.count, log: act.log, id }
}

/** Reviewer: log in → both languages of a submitted article published, from the dashboard (target ≤ 8). */
export async function reviewerPublishesBoth(page: Page, email: string, password: string, title: string) {
  const act = new ActionCounter(page)
  await logIn(act, email, password)
  const item = page.locator('.workflow-dashboard li', { hasText: title }).filter({ has: page.getByRole('button', { name: /^Duyệt và đăng tất cả/ }) })
  await act.click(item.getByRole('button', { name: /^Duyệt và đăng tất cả/ }).first(), 'approve and publish all (dashboard)')
  await page.locator('.workflow-dashboard [role="status"]').getByText(title).waitFor({ timeout: 60_000 })
  return { actions: act.count, log: act.log }
}
