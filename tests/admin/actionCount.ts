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
