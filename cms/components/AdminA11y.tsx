'use client'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from '@payloadcms/ui'

type T = (key: string, vars?: Record<string, unknown>) => string
let generated = 0

const hasName = (el: Element) =>
  el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') || (el.id && el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el.hasAttribute('title')

/**
 * Repairs of Payload's own admin markup that assistive technology trips over (found by axe on
 * the article form): inputs whose label points at no element, icon buttons without a name,
 * focusable icons inside aria-hidden, an untranslated "[object Object]" in the dashboard's
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
  for (const button of doc.querySelectorAll<HTMLElement>('.doc-controls__popup .popup-button:not([aria-label])')) button.setAttribute('aria-label', t('general:moreOptions'))
  for (const el of doc.querySelectorAll<HTMLElement>('[aria-label*="[object Object]"]')) {
    const title = el.closest('.card')?.querySelector('.card__title')?.textContent?.trim()
    if (title) el.setAttribute('aria-label', t('general:createNewLabel', { label: title }))
  }
  // Icons hidden from screen readers must not take keyboard focus either (react-select clears with Backspace).
  for (const el of doc.querySelectorAll<HTMLElement>('[aria-hidden="true"][tabindex="0"]')) el.setAttribute('tabindex', '-1')
  for (const list of doc.querySelectorAll<HTMLElement>('ul.doc-tabs__tabs:not([role])')) list.setAttribute('role', 'none')
  // A sortable chip is a group holding its own buttons, not a button around buttons.
  for (const chip of doc.querySelectorAll<HTMLElement>('.rs__multi-value[role="button"]')) {
    chip.setAttribute('role', 'group')
    const name = chip.querySelector('[title]')?.getAttribute('title')
    if (name) chip.setAttribute('aria-label', name)
  }
  // A link named differently from what it shows (the versions tab): its visible text is its name.
  for (const link of doc.querySelectorAll<HTMLElement>('.doc-tab[aria-label], a.doc-tab[aria-label]')) {
    const text = link.textContent?.trim()
    const label = link.getAttribute('aria-label') ?? ''
    if (text && !text.toLowerCase().includes(label.toLowerCase())) {
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
  return <>{children}</>
}
