import type { CollectionConfig, Field } from 'payload'
import { contentLocales, sections } from '#core/locales'
import { nobody } from '../access/rules'
import { hqOnly, readDeliveries } from './access'

export const frequencies = ['immediate', 'daily'] as const
export type Frequency = (typeof frequencies)[number]

/**
 * A confirmed e-mail subscription of one address to one mission: only what sending needs —
 * the address, the reader's language, their choices, when and where they consented. Nothing
 * is stored before confirmation (the confirmation link carries the choices), and
 * unsubscribing deletes the record. Written only by cms/subscriptions/endpoints.ts.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: { vi: 'Người đăng ký', en: 'Subscriber' }, plural: { vi: 'Người đăng ký nhận thư', en: 'E-mail subscribers' } },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'mission', 'locale', 'sections', 'alerts', 'frequency', 'consentedAt'],
    group: { vi: 'Độc giả', en: 'Readers' },
  },
  access: { read: hqOnly, delete: hqOnly, create: nobody, update: nobody },
  indexes: [{ fields: ['email', 'mission'], unique: true }],
  fields: [
    { name: 'email', type: 'email', required: true, index: true },
    { name: 'mission', type: 'relationship', relationTo: 'missions', required: true, index: true },
    { name: 'locale', type: 'select', required: true, options: contentLocales.map((l) => ({ value: l.code, label: l.label })) },
    { name: 'sections', type: 'select', hasMany: true, options: [...sections] },
    { name: 'alerts', type: 'checkbox', defaultValue: false, label: { vi: 'Cảnh báo khẩn', en: 'Emergency alerts' } },
    { name: 'frequency', type: 'select', required: true, defaultValue: 'immediate', options: [...frequencies] },
    { name: 'consentedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'source', type: 'text', admin: { description: { vi: 'Trang nơi người đọc đăng ký', en: 'The page the reader subscribed on' } } },
    // Hard bounces in a row; at BOUNCE_LIMIT the address gets no more mail (cms/subscriptions/feedback.ts).
    { name: 'bounces', type: 'number', defaultValue: 0 },
    { name: 'complainedAt', type: 'date' },
  ],
}

export const deliveryStatuses = ['pending', 'sending', 'sent', 'digest', 'failed', 'bounced', 'complained', 'uncertain', 'skipped'] as const

const countsJoin = (on: 'article' | 'mission'): Field => ({
  name: 'mailDeliveries',
  type: 'join',
  collection: 'deliveries',
  on,
  label: { vi: 'Thư đã gửi cho người đăng ký', en: 'E-mails to subscribers' },
  defaultSort: '-createdAt',
  admin: { defaultColumns: ['createdAt', 'kind', 'locale', 'status', 'sentAt'], allowCreate: false },
})
/** The per-article and per-mission delivery counts in the admin (registered on Articles and Missions). */
export const articleDeliveriesField = countsJoin('article')
export const missionDeliveriesField = countsJoin('mission')

/**
 * One row per message owed: (publication, subscriber) is the unique `key`, so a publish or a
 * retried job never mails anyone twice. Rows are planned all at once before the first send, so
 * a crash loses no recipient. No address is kept here — only the subscriber's id.
 */
export const Deliveries: CollectionConfig = {
  slug: 'deliveries',
  labels: { singular: { vi: 'Thư gửi đi', en: 'Delivery' }, plural: { vi: 'Thư gửi đi', en: 'Deliveries' } },
  admin: { defaultColumns: ['createdAt', 'kind', 'mission', 'article', 'locale', 'status', 'sentAt'], group: { vi: 'Độc giả', en: 'Readers' } },
  access: { read: readDeliveries, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'publication', type: 'text', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: ['article', 'alert', 'digest'] },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true },
    { name: 'alert', type: 'number' },
    { name: 'mission', type: 'relationship', relationTo: 'missions', required: true, index: true },
    { name: 'subscriber', type: 'number', required: true, index: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: [...deliveryStatuses] },
    { name: 'error', type: 'text' },
    { name: 'sentAt', type: 'date' },
  ],
}
