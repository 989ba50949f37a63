import { describe, expect, it } from 'vitest'
import { offerFor, outdatedSince, type LocaleView, type WorkflowView } from '../../cms/components/workflowOffer'
import { adminOrigins } from '../../cms/lib/adminOrigins'

const mission = 7
const press = { id: 1, memberships: [{ mission, role: 'press-officer' as const }] }
const reviewer = { id: 2, memberships: [{ mission, role: 'reviewer' as const }] }
const translator = { id: 3, memberships: [{ mission, role: 'translator' as const, translationLocales: ['en' as const] }] }
const inReview: LocaleView = { exists: true, state: 'in_review', live: null, allowedActions: ['approve', 'reject', 'publish', 'schedule'], submittedBy: 1 }
const published: LocaleView = { exists: true, state: 'published', live: 'published', allowedActions: ['unpublish', 'withdraw'], outdated: true }

describe('the workflow panel offers only what this user may do now', () => {
  it('gives the submitter no approval or publication, with the reason', () => {
    const offer = offerFor(press, [mission], 'vi', inReview)
    expect(offer.allowed).toEqual([])
    expect(offer.unavailable.map((u) => u.action)).toEqual(['approve', 'reject', 'publish', 'schedule'])
    expect(new Set(offer.unavailable.map((u) => u.reason))).toEqual(new Set(['reasonPublishRight']))
  })

  it('lets a reviewer who submitted it return it but not approve or publish it (second eyes)', () => {
    const offer = offerFor({ ...reviewer, id: 1 }, [mission], 'vi', inReview)
    expect(offer.allowed).toEqual(['reject'])
    expect(offer.unavailable.filter((u) => u.reason === 'reasonSecondEyes').map((u) => u.action)).toEqual(['approve', 'publish', 'schedule'])
    expect(offerFor(reviewer, [mission], 'vi', inReview).allowed).toEqual(['approve', 'reject', 'publish', 'schedule'])
  })

  it('offers a translator neither unpublishing, withdrawing nor confirming; a reviewer may confirm', () => {
    expect(offerFor(translator, [mission], 'en', published).allowed).toEqual([])
    expect(offerFor(reviewer, [mission], 'en', published).allowed).toEqual(['unpublish', 'withdraw', 'confirm_translation'])
  })

  it('lets a translator submit only their languages, and nothing in another mission’s article', () => {
    const draft: LocaleView = { exists: true, state: 'draft', live: null, allowedActions: ['submit'] }
    expect(offerFor(translator, [mission], 'en', draft).allowed).toEqual(['submit'])
    expect(offerFor(translator, [mission], 'vi', draft).unavailable).toEqual([{ action: 'submit', reason: 'reasonEditRight' }])
    expect(offerFor(press, [99], 'vi', draft).allowed).toEqual([]) // another mission's article
  })
})

describe('since when a translation is outdated', () => {
  const view = (history: WorkflowView['history'], extra: Partial<LocaleView> = {}): WorkflowView => ({
    sourceLocale: 'vi',
    locales: { en: { exists: true, state: 'draft', live: null, allowedActions: [], outdated: true, sourceLocale: 'vi', ...extra } },
    history,
  })
  const e = (at: string, locale: string, action: string) => ({ at, locale, action, from: null, to: 'draft', note: null })

  it('is the first source edit after the translation was last written or confirmed', () => {
    const history = [
      e('2026-12-03T10:00:00Z', 'vi', 'edit'),
      e('2026-12-03T09:00:00Z', 'en', 'edit'),
      e('2026-12-03T08:00:00Z', 'vi', 'create'),
      e('2026-12-03T11:00:00Z', 'vi', 'edit'),
    ].reverse()
    expect(outdatedSince(view(history), 'en')).toBe('2026-12-03T10:00:00Z')
    expect(outdatedSince(view([...history, e('2026-12-03T10:30:00Z', 'en', 'confirm_translation')]), 'en')).toBe('2026-12-03T11:00:00Z')
  })

  it('takes the server’s own date when it gives one', () => {
    expect(outdatedSince(view([], { outdatedSince: '2026-12-01T00:00:00Z' }), 'en')).toBe('2026-12-01T00:00:00Z')
    expect(outdatedSince(view([]), 'en')).toBeNull()
  })
})

describe('admin origins for CSRF and CORS', () => {
  it('accept every loopback spelling of a loopback SERVER_URL, and nothing else for a public one', () => {
    expect(adminOrigins('http://localhost:3000')).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])
    expect(adminOrigins('http://127.0.0.1:3106/')).toContain('http://localhost:3106')
    expect(adminOrigins('https://cms.mofa.example/')).toEqual(['https://cms.mofa.example'])
  })
})
