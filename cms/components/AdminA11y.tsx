'use client'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from '@payloadcms/ui'
import { VersionLabels } from './VersionLabels'

type T = (key: string, vars?: Record<string, unknown>) => string
let generated = 0

/** Names the rich-text editor hard-codes in English (@payloadcms/richtext-lexical), by translation key. */
const hardCodedEnglish: Record<string, string> = {
  'Drag to move': 'a11y:dragToMove',
  'Add block': 'a11y:addBlock',
  'Edit link': 'a11y:editLink',
  'Remove link': 'a11y:removeLink',
}

const hasName = (el: Element) =>
  el.hasAttribute('aria-label') ||
  el.hasAttribute('aria-labelledby') ||
  (el.id && el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`)) ||
  el.hasAttribute('title')

/**
 * Repairs of Payload's own admin markup that assistive technology trips over (found by axe on
 * the article form): inputs whose label points at no element, icon buttons without a name,
 * focusable icons inside aria-hidden, names the rich-text editor writes in English, an untranslated "[object Object]" in the dashboard's
 * create buttons (Payload passes the label object, not its translation), a list of tab
 * buttons. Each repair is idempotent; a MutationObserver re-applies them as React re-renders.
 * Remove a repair once the Payload version in use fixes it.
 */
function repair(doc: Document, t: T) {
  for (const field of doc.querySelectorAll<HTMLElement>('.field-type')) {
    const label = field.querySelector<HTMLLabelElement>('label.field-label')
    if (!label || label.closest('.field-type') !== field) continue
    const inputs = [...field.querySelectorAll<HTMLElement>('input:not([type="hidden"]), textarea, [role="textbox"], [role="combobox"]')].filter(
      (input) => input.closest('.field-type') === field && !input.closest('.array-field, .blocks-field'),
    )
    if (!inputs.length) continue
    if (!label.id) label.id = `${field.id || `mp-field-${++generated}`}-label`
    for (const input of inputs) if (!hasName(input)) input.setAttribute('aria-labelledby', label.id)
    // A label whose `for` names no element: point it at the field's first labelable input.
    const target = label.htmlFor ? doc.getElementById(label.htmlFor) : null
    const first = inputs.find((i) => i instanceof HTMLInputElement || i instanceof HTMLTextAreaElement)
    if (!target && first?.id) label.htmlFor = first.id
  }
  for (const el of doc.querySelectorAll<HTMLElement>('[aria-label]')) {
    const key = hardCodedEnglish[el.getAttribute('aria-label') ?? '']
    if (key && t(key) !== key) el.setAttribute('aria-label', t(key))
  }
  for (const button of doc.querySelectorAll<HTMLElement>('.doc-controls__popup .popup-button:not([aria-label])'))
    button.setAttribute('aria-label', t('general:moreOptions'))
  // The pencil and the cross on an upload field's image: name them, with the file they act on.
  for (const [selector, key] of [
    ['.upload-relationship-details__edit', 'general:edit'],
    ['.upload-relationship-details__remove', 'general:remove'],
  ] as const) {
    for (const button of doc.querySelectorAll<HTMLElement>(`${selector}:not([aria-label])`)) {
      const file = button.closest('.upload-relationship-details')?.querySelector('a')?.textContent?.trim()
      button.setAttribute('aria-label', file ? `${t(key)}: ${file}` : t(key))
    }
  }
  for (const el of doc.querySelectorAll<HTMLElement>('[aria-label*="[object Object]"], [title*="[object Object]"]')) {
    const card = el.closest('.card')?.querySelector('.card__title')?.textContent?.trim()
    const column = el.closest('.sort-column')?.querySelector('.sort-column__label')?.textContent?.trim()
    for (const attribute of ['aria-label', 'title']) {
      const value = el.getAttribute(attribute)
      if (!value?.includes('[object Object]')) continue
      const field = el.closest('.field-type')?.querySelector('label.field-label')?.firstChild?.textContent?.trim()
      if (card) el.setAttribute(attribute, t('general:createNewLabel', { label: card }))
      else if (column ?? field) el.setAttribute(attribute, value.replace('[object Object]', (column ?? field)!))
    }
  }
  // "Edit <title>" on a relationship chip's drawer button is written in English.
  for (const el of doc.querySelectorAll<HTMLElement>('.relationship--multi-value-label__drawer-toggler[aria-label^="Edit "]')) {
    if (t('general:edit') !== 'Edit') el.setAttribute('aria-label', `${t('general:edit')} ${el.getAttribute('aria-label')!.slice(5)}`)
  }
  // Tooltips that are a field path ("workflow.forcePublished") or a code ("select-all") say nothing to a reader.
  for (const el of doc.querySelectorAll<HTMLInputElement>('input[title]')) {
    const title = el.getAttribute('title') ?? ''
    if (title === 'select-all') el.setAttribute('title', t('general:selectAllRows'))
    else if (/^[\w-]+(\.[\w-]+)+$/.test(title) || title === el.name) el.removeAttribute('title')
  }
  // Icons hidden from screen readers must not take keyboard focus either (react-select clears with Backspace).
  for (const el of doc.querySelectorAll<HTMLElement>('[aria-hidden="true"][tabindex="0"], button[aria-hidden="true"]:not([tabindex])'))
    el.setAttribute('tabindex', '-1')
  for (const list of doc.querySelectorAll<HTMLElement>('ul.doc-tabs__tabs:not([role])')) list.setAttribute('role', 'none')
  // A sortable chip is a group holding its own buttons, not a button around buttons.
  for (const chip of doc.querySelectorAll<HTMLElement>('.rs__multi-value[role="button"]')) {
    chip.setAttribute('role', 'group')
    const name = chip.querySelector('[title]')?.getAttribute('title')
    if (name) chip.setAttribute('aria-label', name)
  }
  // A link named differently from what it shows (the versions tab): its visible text is its name.
  for (const link of doc.querySelectorAll<HTMLElement>('.doc-tab[aria-label], a.doc-tab[aria-label]')) {
    const text = link.textContent?.replace(/\s+/g, ' ').trim()
    const label = link.getAttribute('aria-label') ?? ''
    if (text && text !== label) {
      link.removeAttribute('aria-label')
      link.title ||= label
    }
  }
}

/** Admin provider: applies the repairs above to every admin screen. */
export function AdminA11y({ children }: { children?: ReactNode }) {
  const { t } = useTranslation<object, string>()
  useEffect(() => {
    let queued = false
    const run = () => {
      queued = false
      observer.disconnect()
      repair(document, t as T)
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label', 'role', 'tabindex'] })
    }
    const observer = new MutationObserver(() => {
      if (!queued) {
        queued = true
        requestAnimationFrame(run)
      }
    })
    run()
    return () => observer.disconnect()
  }, [t])
  return (
    <>
      {children}
      <VersionLabels />
    </>
  )
}
