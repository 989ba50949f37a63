import { describe, expect, it } from 'vitest'
import { sourceChangeSince } from '../../cms/workflow/sourceChange'

const e = (at: string, locale: string, action: string, user: number | null = 1) => ({ at, locale, action, user })

describe('sourceChangeSince: the source edit that made a translation outdated', () => {
  const history = [
    e('2026-12-03T09:00:00Z', 'vi', 'create', 1),
    e('2026-12-03T09:30:00Z', 'en', 'create', 2),
    e('2026-12-03T10:00:00Z', 'vi', 'edit', 3),
    e('2026-12-03T10:05:00Z', 'vi', 'submit', 3),
    e('2026-12-03T11:00:00Z', 'vi', 'edit', 4),
  ]

  it('is the first source edit after the snapshot, numbered from the source’s creation, with its editor', () => {
    expect(sourceChangeSince(history, 'vi', '2026-12-03T09:30:00Z', true)).toEqual({ at: '2026-12-03T10:00:00Z', revision: 2, user: 3 })
    expect(sourceChangeSince(history, 'vi', '2026-12-03T10:30:00Z', true)).toEqual({ at: '2026-12-03T11:00:00Z', revision: 3, user: 4 })
  })

  it('reads the trail in any order; workflow steps and other languages are not revisions', () => {
    expect(sourceChangeSince([...history].reverse(), 'vi', '2026-12-03T10:01:00Z', true)?.revision).toBe(3)
  })

  it('gives no number when the trail is cut short, and nothing when no person edited the source since', () => {
    expect(sourceChangeSince(history, 'vi', '2026-12-03T09:30:00Z', false)).toEqual({ at: '2026-12-03T10:00:00Z', revision: null, user: 3 })
    expect(sourceChangeSince(history, 'vi', '2026-12-03T12:00:00Z', true)).toBeNull()
  })
})
