export type SeedMission = {
  code: string
  kind: 'embassy' | 'consulate-general' | 'representative-office' | 'permanent-mission'
  hostCountry: string
  timeZone: string
  name: { vi: string; en: string }
  city: { vi: string; en: string }
}

export const seedMissions: SeedMission[] = [
  {
    code: 'au-canberra',
    kind: 'embassy',
    hostCountry: 'AU',
    timeZone: 'Australia/Sydney',
    name: { vi: 'Đại sứ quán Việt Nam tại Ô-xtrây-li-a', en: 'Embassy of Viet Nam in Australia' },
    city: { vi: 'Can-bê-ra', en: 'Canberra' },
  },
  {
    code: 'jp-osaka',
    kind: 'consulate-general',
    hostCountry: 'JP',
    timeZone: 'Asia/Tokyo',
    name: { vi: 'Tổng Lãnh sự quán Việt Nam tại Ô-xa-ca', en: 'Consulate-General of Viet Nam in Osaka' },
    city: { vi: 'Ô-xa-ca', en: 'Osaka' },
  },
  {
    code: 'eg-cairo',
    kind: 'embassy',
    hostCountry: 'EG',
    timeZone: 'Africa/Cairo',
    name: { vi: 'Đại sứ quán Việt Nam tại Ai Cập', en: 'Embassy of Viet Nam in Egypt' },
    city: { vi: 'Cai-rô', en: 'Cairo' },
  },
]
