'use client'
import { useEffect, useId, useState } from 'react'
import { useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { idOf } from '../access/roles'
import { callApi } from './adminApi'
import { useDocMissions } from './useDocMissions'
import type { WorkflowView } from './workflowOffer'

type Status = { ok: boolean; text: string }

/**
 * Under the article's image: its alt text in every language the article's missions publish,
 * edited in place (saved on the image when the field is left), so nobody opens the image once
 * per language. A language that is online without an alt text is flagged: publishing it is
 * refused until it has one (cms/workflow/verbs/publish.ts).
 */
export function ImageAltTexts() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { t } = useTranslation<object, string>()
  const { missionLocales } = useDocMissions()
  const mediaId = idOf(useFormFields(([fields]) => fields.heroImage?.value))
  const [alts, setAlts] = useState<Record<string, string> | null>(null)
  const [saved, setSaved] = useState<Record<string, string>>({})
  const [status, setStatus] = useState<Record<string, Status>>({})
  const [live, setLive] = useState<Record<string, boolean>>({})
  const baseId = useId()

  useEffect(() => {
    if (mediaId === undefined) return setAlts(null)
    void callApi<{ alt?: Record<string, string | null> | string | null }>(config, `/media/${mediaId}?locale=all&depth=0`).then((r) => {
      if (!r.ok) return
      const alt = r.data.alt && typeof r.data.alt === 'object' ? r.data.alt : {}
      const values = Object.fromEntries(Object.entries(alt).map(([l, v]) => [l, v ?? '']))
      setAlts(values)
      setSaved(values)
    })
  }, [mediaId, config])
  useEffect(() => {
    if (!id) return
    void callApi<WorkflowView>(config, `/articles/${id}/workflow`).then((r) => {
      if (r.ok) setLive(Object.fromEntries(Object.entries(r.data.locales).map(([l, v]) => [l, Boolean(v.live)])))
    })
  }, [id, config])

  if (mediaId === undefined || !alts || !missionLocales) return null
  const save = async (locale: string) => {
    const value = (alts[locale] ?? '').trim()
    if (value === (saved[locale] ?? '').trim() || !value) return
    const r = await callApi(config, `/media/${mediaId}?locale=${locale}&depth=0`, { method: 'PATCH', body: JSON.stringify({ alt: value }) })
    setStatus((s) => ({
      ...s,
      [locale]: r.ok ? { ok: true, text: t('workflow:altSaved') } : { ok: false, text: `${t('workflow:altSaveFailed')} ${r.message}` },
    }))
    if (r.ok) setSaved((s) => ({ ...s, [locale]: value }))
  }
  return (
    <fieldset className="image-alt-texts" style={{ border: '1px solid var(--theme-elevation-150)', padding: '.75rem 1rem', marginBlockEnd: '1.5rem' }}>
      <legend>{t('workflow:altTexts')}</legend>
      {missionLocales.map((locale) => {
        const inputId = `${baseId}-${locale}`
        const language = t(`workflow:lang_${locale}`)
        const missingLive = live[locale] && !(saved[locale] ?? '').trim()
        return (
          <div key={locale} className="field-type text" data-locale={locale} style={{ marginBlockEnd: '.5rem' }}>
            <label htmlFor={inputId} className="field-label">
              {t('workflow:altFor', { language })}
            </label>
            <input
              id={inputId}
              type="text"
              lang={locale}
              value={alts[locale] ?? ''}
              aria-invalid={missingLive || undefined}
              aria-describedby={missingLive || status[locale] ? `${inputId}-note` : undefined}
              onChange={(e) => setAlts((a) => ({ ...(a ?? {}), [locale]: e.target.value }))}
              onBlur={() => void save(locale)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault()
                  void save(locale)
                }
              }}
              style={{ width: '100%' }}
            />
            {(missingLive || status[locale]) && (
              <p
                id={`${inputId}-note`}
                role={missingLive || !status[locale]?.ok ? 'alert' : 'status'}
                style={{ margin: 0, fontSize: '.85em', color: missingLive || !status[locale]?.ok ? 'var(--theme-error-500)' : undefined }}
              >
                {missingLive ? t('workflow:altMissingLive', { language }) : status[locale]!.text}
              </p>
            )}
          </div>
        )
      })}
    </fieldset>
  )
}
