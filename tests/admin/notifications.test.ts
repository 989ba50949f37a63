import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { startSmtpServer } from '../helpers/smtp'

/**
 * Workflow notices by e-mail, through the jobs queue and the project's SMTP adapter, received by
 * a real SMTP server on loopback: reviewers hear of a submission, the author of a return (with
 * the reviewer's comment) and of the publication, the translator of a change to the source they
 * translated — each in their own admin language, never the person who acted.
 */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let missionId: number
const tokens = new Map<string, string>()
const PASSWORD = 'correct-horse-battery-staple'

beforeAll(async () => {
  smtp = await startSmtpServer()
  process.env.SMTP_URL = smtp.url
  process.env.MAIL_FROM = 'Mission Publisher <no-reply@example.org>'
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  missionId = (await createMission(payload, 'notify-mission', { enabledLocales: ['vi', 'en'] } as never)).id
  const member = (role: string, extra: Record<string, unknown> = {}) => ({ memberships: [{ mission: missionId, role, ...extra }] }) as never
  tokens.set('press', await createUserAndLogin(payload, api.url, 'press@example.org', PASSWORD, member('press-officer')))
  tokens.set(
    'reviewer',
    await createUserAndLogin(payload, api.url, 'reviewer@example.org', PASSWORD, { ...(member('reviewer') as object), adminLanguage: 'en' }),
  )
  tokens.set('translator', await createUserAndLogin(payload, api.url, 'translator@example.org', PASSWORD, member('translator', { translationLocales: ['en'] })))
  await createUserAndLogin(payload, api.url, 'other-reviewer@example.org', PASSWORD, {
    memberships: [{ mission: (await createMission(payload, 'other-mission')).id, role: 'reviewer' }],
  } as never)
}, 120_000)

afterAll(async () => {
  await api?.close()
  await close?.()
  await smtp?.close()
  delete process.env.SMTP_URL
  delete process.env.MAIL_FROM
})

async function call(who: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: tokens.get(who)! },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as Record<string, unknown> & { doc?: { id: number } }
  expect(res.status, `${method} ${path}: ${JSON.stringify(json).slice(0, 300)}`).toBeLessThan(300)
  return json
}
const runMail = () => payload.jobs.run({ queue: 'mail', limit: 50 })
const mailTo = (address: string, subject: RegExp) => smtp.to(address).filter((m) => subject.test(m.subject))

describe('workflow notices by e-mail', () => {
  it('reaches reviewers, the author and the translator in their own language, not the actor', async () => {
    const created = await call('press', 'POST', '/articles?locale=vi&draft=true', {
      title: 'Lễ kỷ niệm Quốc khánh',
      summary: 'Buổi lễ diễn ra tại sứ quán.',
      section: 'news',
      missions: [missionId],
    })
    const id = created.doc!.id
    await call('translator', 'PATCH', `/articles/${id}?locale=en&draft=true`, {
      title: 'National Day reception',
      summary: 'The reception takes place at the embassy.',
    })

    await call('press', 'POST', `/articles/${id}/workflow`, { locale: 'vi', action: 'submit' })
    await runMail()
    // The reviewer's admin is in English: so is the notice.
    const submitted = mailTo('reviewer@example.org', /^For review: Lễ kỷ niệm Quốc khánh \(Vietnamese\)$/)
    expect(submitted).toHaveLength(1)
    expect(submitted[0]!.text).toContain(`/admin/collections/articles/${id}?locale=vi`)
    expect(smtp.to('other-reviewer@example.org')).toHaveLength(0)
    expect(smtp.to('press@example.org')).toHaveLength(0)

    await call('reviewer', 'POST', `/articles/${id}/workflow`, { locale: 'vi', action: 'reject', note: 'Thêm giờ bắt đầu buổi lễ.' })
    await runMail()
    const returned = mailTo('press@example.org', /^Bài được trả lại: Lễ kỷ niệm Quốc khánh \(tiếng Việt\)$/)
    expect(returned).toHaveLength(1)
    expect(returned[0]!.text).toContain('Thêm giờ bắt đầu buổi lễ.')

    // The source changes after the translation: the translator hears once, not for every later save.
    await call('press', 'PATCH', `/articles/${id}?locale=vi&draft=true`, { summary: 'Buổi lễ diễn ra lúc 18 giờ tại sứ quán.' })
    await call('press', 'PATCH', `/articles/${id}?locale=vi&draft=true`, { summary: 'Buổi lễ diễn ra lúc 18 giờ 30 tại sứ quán.' })
    await runMail()
    expect(mailTo('translator@example.org', /^Bản gốc của bài bạn dịch đã thay đổi: /)).toHaveLength(1)

    await call('press', 'POST', `/articles/${id}/workflow`, { locale: 'vi', action: 'submit' })
    await call('reviewer', 'POST', `/articles/${id}/workflow`, { locale: 'vi', action: 'approve' })
    await call('reviewer', 'POST', `/articles/${id}/workflow`, { locale: 'vi', action: 'publish' })
    await runMail()
    expect(mailTo('press@example.org', /^Đã đăng: Lễ kỷ niệm Quốc khánh \(tiếng Việt\)$/)).toHaveLength(1)
    expect(mailTo('reviewer@example.org', /^Published/)).toHaveLength(0)
  }, 120_000)
})
