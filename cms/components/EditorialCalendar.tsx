'use client'
import { useEffect, useId, useMemo, useState } from 'react'
import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { callApi, formatDateTime } from './adminApi'

type Item = { kind: 'scheduled' | 'event' | 'planned'; at: string; id: number; title: string; locales: string[] }
type Calendar = { missions: { code: string; locales: string[] }[]; items: Item[] }

const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/**
 * The editorial calendar (admin view /admin/calendar): scheduled publishes, event dates and
 * planned dates of the user's missions, by month or as a list, filtered by mission and language.
 */
export function EditorialCalendar() {
  const { config } = useConfig()
  const { t, i18n } = useTranslation<object, string>()
  const language = i18n.language === 'vi' ? 'vi-VN' : 'en-GB'
  const [month, setMonth] = useState(() => {
    const now = new Date()
    return new Date(now.getFullYear(), now.getMonth(), 1)
  })
  const [view, setView] = useState<'month' | 'list'>('month')
  const [mission, setMission] = useState('')
  const [locale, setLocale] = useState('')
  const [data, setData] = useState<Calendar | null>(null)
  const [missions, setMissions] = useState<Calendar['missions']>([])
  const [error, setError] = useState<string | null>(null)
  const missionId = useId()
  const localeId = useId()
  const headingId = useId()

  useEffect(() => {
    const next = new Date(month.getFullYear(), month.getMonth() + 1, 1)
    const query = new URLSearchParams({ from: month.toISOString(), to: next.toISOString() })
    if (mission) query.set('mission', mission)
    if (locale) query.set('locale', locale)
    void callApi<Calendar>(config, `/workflow/calendar?${query}`).then((r) => {
      if (!r.ok) return setError(`${t('calendar:loadFailed')} ${r.message}`)
      setError(null)
      setData(r.data)
      if (!mission) setMissions(r.data.missions)
    })
  }, [config, month, mission, locale, t])

  const locales = useMemo(() => [...new Set(missions.flatMap((m) => m.locales))], [missions])
  const byDay = useMemo(() => {
    const map = new Map<string, Item[]>()
    for (const item of data?.items ?? []) {
      const key = dayKey(new Date(item.at))
      map.set(key, [...(map.get(key) ?? []), item])
    }
    return map
  }, [data])

  const link = (i: Item) => `${config.routes.admin}/collections/articles/${i.id}${locale ? `?locale=${locale}` : ''}`
  const entry = (i: Item) => (
    <li key={`${i.kind}-${i.id}-${i.at}-${i.locales.join()}`} className={`calendar-item calendar-item--${i.kind}`}>
      <span>{t(`calendar:kind_${i.kind}`)}</span> ·{' '}
      <a data-content href={link(i)}>
        {i.title}
      </a>{' '}
      ({i.locales.map((l) => l.toUpperCase()).join(', ')}){' · '}
      <time dateTime={i.at}>{formatDateTime(i.at, i18n.language)}</time>
    </li>
  )

  // Monday-first weeks of the month shown.
  const first = new Date(month)
  const start = new Date(first)
  start.setDate(1 - ((first.getDay() + 6) % 7))
  const days = Array.from({ length: 42 }, (_, n) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + n))
  const weeks = Array.from({ length: 6 }, (_, w) => days.slice(w * 7, w * 7 + 7)).filter((week) => week.some((d) => d.getMonth() === month.getMonth()))
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' })
  const monthName = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(month)

  return (
    <section className="editorial-calendar" aria-labelledby={headingId} style={{ paddingBlock: '2rem' }}>
      <h1 id={headingId}>{t('calendar:title')}</h1>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'end', marginBlock: '1rem' }}>
        <div>
          <label htmlFor={missionId} className="field-label">
            {t('calendar:mission')}
          </label>
          <select id={missionId} value={mission} onChange={(e) => setMission(e.target.value)}>
            <option value="">{t('calendar:allMissions')}</option>
            {missions.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={localeId} className="field-label">
            {t('calendar:language')}
          </label>
          <select id={localeId} value={locale} onChange={(e) => setLocale(e.target.value)}>
            <option value="">{t('calendar:allLanguages')}</option>
            {locales.map((l) => (
              <option key={l} value={l}>
                {t(`workflow:lang_${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div role="group" aria-label={t('calendar:viewAs')} style={{ display: 'flex', gap: '.25rem' }}>
          <Button
            buttonStyle={view === 'month' ? 'primary' : 'secondary'}
            margin={false}
            size="small"
            aria-pressed={view === 'month'}
            onClick={() => setView('month')}
          >
            {t('calendar:month')}
          </Button>
          <Button
            buttonStyle={view === 'list' ? 'primary' : 'secondary'}
            margin={false}
            size="small"
            aria-pressed={view === 'list'}
            onClick={() => setView('list')}
          >
            {t('calendar:list')}
          </Button>
        </div>
        <div style={{ display: 'flex', gap: '.25rem', alignItems: 'center' }}>
          <Button buttonStyle="secondary" margin={false} size="small" onClick={() => setMonth(new Date(month.getFullYear(), month.getMonth() - 1, 1))}>
            {t('calendar:previous')}
          </Button>
          <h2 style={{ margin: '0 .5rem', fontSize: '1.1rem' }} aria-live="polite">
            {monthName}
          </h2>
          <Button buttonStyle="secondary" margin={false} size="small" onClick={() => setMonth(new Date(month.getFullYear(), month.getMonth() + 1, 1))}>
            {t('calendar:next')}
          </Button>
        </div>
      </div>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {!data && !error && <p>{t('workflow:loading')}</p>}
      {data && view === 'list' && (data.items.length ? <ul className="calendar-list">{data.items.map(entry)}</ul> : <p>{t('calendar:empty')}</p>)}
      {data && view === 'month' && (
        <table className="calendar-month" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <caption className="sr-only" style={{ position: 'absolute', left: '-9999px' }}>
            {monthName}
          </caption>
          <thead>
            <tr>
              {weeks[0]!.map((d) => (
                <th key={d.toISOString()} scope="col">
                  {weekday.format(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]!.toISOString()}>
                {week.map((d) => (
                  <td
                    key={d.toISOString()}
                    data-day={dayKey(d)}
                    style={{
                      verticalAlign: 'top',
                      border: '1px solid var(--theme-elevation-150)',
                      padding: '.25rem',
                      height: '6rem',
                      opacity: d.getMonth() === month.getMonth() ? 1 : 0.6,
                    }}
                  >
                    <div style={{ fontWeight: 600 }}>{d.getDate()}</div>
                    {byDay.get(dayKey(d)) && <ul style={{ margin: 0, paddingInlineStart: '1rem', fontSize: '.85em' }}>{byDay.get(dayKey(d))!.map(entry)}</ul>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
