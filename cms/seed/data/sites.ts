import type { Mission } from '#core/payload-types'

/** Demo site settings: three missions whose sites differ in title, colour, menu and home layout. */
type L = Partial<Record<'vi' | 'en' | 'ar', string>>
export type SeedPage = { key: string; kind: string; title: L; body: L }
export type HomeBlock = NonNullable<Mission['homeLayout']>[number]
export type SeedSite = {
  code: string
  /** Mission name and city in a host-country language (the others come from data/missions.ts). */
  extraNames?: Partial<Record<'ar', { name: string; city: string }>>
  enabledLocales: ('vi' | 'en' | 'ar')[]
  siteTitle: L
  tagline: L
  accentColour: string
  hotline: string
  phone: string
  email: string
  address: { label: L; address: L }
  hours: { days: L; opens: string; closes: string }[]
  holidays: { date: string; name: L }[]
  social: NonNullable<Mission['socialProfiles']>
  pages: SeedPage[]
  /** Menu items: page keys, "section:<name>" or https URLs, labelled per locale. */
  header: { to: string; label: L }[]
  footer: { to: string; label: L }[]
  /** Home layout block types in order (the same order in every locale). */
  home: HomeBlock['blockType'][]
  headOfMission?: { name: string; message: L }
  accredited?: { country: string; relations: L; consularContact: L }[]
}

const consularPage = (city: string): SeedPage => ({
  key: 'consular-services',
  kind: 'consular-services',
  title: { vi: 'Dịch vụ lãnh sự', en: 'Consular services', ar: 'الخدمات القنصلية' },
  body: {
    vi: `Đại sứ quán tại ${city} cấp hộ chiếu, thị thực, hợp pháp hóa giấy tờ và đăng ký hộ tịch cho công dân Việt Nam.`,
    en: `The mission in ${city} issues passports and visas, legalises documents and registers births and marriages of Vietnamese citizens.`,
    ar: `تصدر البعثة في ${city} جوازات السفر والتأشيرات، وتصدّق الوثائق، وتسجّل المواليد وعقود الزواج للمواطنين الفيتناميين.`,
  },
})

const protectionPage: SeedPage = {
  key: 'citizen-protection',
  kind: 'citizen-protection',
  title: { vi: 'Bảo hộ công dân', en: 'Citizen protection', ar: 'حماية المواطنين' },
  body: {
    vi: 'Khi gặp sự cố khẩn cấp, hãy gọi đường dây nóng bảo hộ công dân (24/7) ghi ở chân trang.',
    en: 'In an emergency, call the 24/7 citizen-protection hotline shown at the foot of every page.',
    ar: 'في حالات الطوارئ، اتصل بالخط الساخن لحماية المواطنين المتاح على مدار الساعة والمذكور أسفل كل صفحة.',
  },
}

export const seedSites: SeedSite[] = [
  {
    code: 'au-canberra',
    enabledLocales: ['vi', 'en'],
    siteTitle: { vi: 'Đại sứ quán Việt Nam tại Ô-xtrây-li-a', en: 'Vietnam Embassy in Australia' },
    tagline: { vi: 'Cầu nối Việt Nam - Ô-xtrây-li-a', en: 'Connecting Viet Nam and Australia' },
    accentColour: '#1f5fa8',
    hotline: '+61 400 000 111',
    phone: '+61 2 6286 6059',
    email: 'consular.au@example.org',
    address: {
      label: { vi: 'Trụ sở', en: 'Chancery' },
      address: { vi: '6 Timbarra Crescent, O’Malley ACT 2606', en: '6 Timbarra Crescent, O’Malley ACT 2606' },
    },
    hours: [{ days: { vi: 'Thứ Hai – Thứ Sáu', en: 'Monday – Friday' }, opens: '09:00', closes: '17:00' }],
    holidays: [
      { date: '2026-01-26', name: { vi: 'Ngày Quốc khánh Ô-xtrây-li-a', en: 'Australia Day' } },
      { date: '2026-09-02', name: { vi: 'Quốc khánh Việt Nam', en: 'Viet Nam National Day' } },
    ],
    social: [{ network: 'facebook', url: 'https://www.facebook.com/example-vn-embassy-au' }],
    pages: [
      {
        key: 'about',
        kind: 'about',
        title: { vi: 'Giới thiệu Đại sứ quán', en: 'About the Embassy' },
        body: { vi: 'Đại sứ quán Việt Nam tại Ô-xtrây-li-a được thành lập năm 1973.', en: 'The Embassy of Viet Nam in Australia was established in 1973.' },
      },
      {
        key: 'ambassador',
        kind: 'ambassador',
        title: { vi: 'Đại sứ', en: 'The Ambassador' },
        body: { vi: 'Tiểu sử Đại sứ.', en: 'Biography of the Ambassador.' },
      },
      consularPage('Canberra'),
      protectionPage,
    ],
    header: [
      { to: 'about', label: { vi: 'Giới thiệu', en: 'About us' } },
      { to: 'section:news', label: { vi: 'Tin tức', en: 'News' } },
      { to: 'consular-services', label: { vi: 'Lãnh sự', en: 'Consular' } },
      { to: 'ambassador', label: { vi: 'Đại sứ', en: 'Ambassador' } },
    ],
    footer: [
      { to: 'citizen-protection', label: { vi: 'Bảo hộ công dân', en: 'Citizen protection' } },
      { to: 'https://www.mofa.gov.vn/', label: { vi: 'Bộ Ngoại giao', en: 'Ministry of Foreign Affairs' } },
    ],
    home: ['headOfMission', 'leadStory', 'featured', 'latestBySection', 'upcomingEvents', 'consularLinks', 'contact'],
    headOfMission: {
      name: 'Nguyễn Văn A',
      message: { vi: 'Chào mừng quý vị đến với trang thông tin của Đại sứ quán.', en: 'Welcome to the website of the Embassy of Viet Nam in Australia.' },
    },
  },
  {
    code: 'jp-osaka',
    enabledLocales: ['vi', 'en'],
    siteTitle: { vi: 'Tổng Lãnh sự quán Việt Nam tại Ô-xa-ca', en: 'Consulate-General of Viet Nam, Osaka' },
    tagline: { vi: 'Phục vụ cộng đồng người Việt vùng Kansai', en: 'Serving the Vietnamese community in Kansai' },
    accentColour: '#a4262c',
    hotline: '+81 90 0000 2222',
    phone: '+81 6 6263 1600',
    email: 'consular.osaka@example.org',
    address: { label: { vi: 'Trụ sở', en: 'Office' }, address: { vi: '4-2-15 Ichioka, Minato-ku, Osaka', en: '4-2-15 Ichioka, Minato-ku, Osaka' } },
    hours: [{ days: { vi: 'Thứ Hai – Thứ Sáu', en: 'Monday – Friday' }, opens: '09:30', closes: '16:30' }],
    holidays: [{ date: '2026-05-03', name: { vi: 'Ngày Hiến pháp Nhật Bản', en: 'Constitution Day (Japan)' } }],
    social: [{ network: 'youtube', url: 'https://www.youtube.com/@example-vn-osaka' }],
    pages: [
      {
        key: 'visa',
        kind: 'visa',
        title: { vi: 'Thị thực', en: 'Visa' },
        body: { vi: 'Hướng dẫn xin thị thực vào Việt Nam.', en: 'How to apply for a visa to Viet Nam.' },
      },
      consularPage('Osaka'),
      protectionPage,
    ],
    header: [
      { to: 'visa', label: { vi: 'Thị thực', en: 'Visa' } },
      { to: 'consular-services', label: { vi: 'Dịch vụ lãnh sự', en: 'Consular services' } },
      { to: 'section:cultural-diplomacy', label: { vi: 'Văn hóa', en: 'Culture' } },
    ],
    footer: [{ to: 'citizen-protection', label: { vi: 'Bảo hộ công dân', en: 'Citizen protection' } }],
    home: ['consularLinks', 'leadStory', 'latestBySection', 'contact'],
  },
  {
    code: 'eg-cairo',
    extraNames: { ar: { name: 'سفارة جمهورية فيتنام الاشتراكية في مصر', city: 'القاهرة' } },
    enabledLocales: ['vi', 'en', 'ar'],
    siteTitle: { vi: 'Đại sứ quán Việt Nam tại Ai Cập', en: 'Embassy of Viet Nam, Cairo', ar: 'سفارة فيتنام في القاهرة' },
    tagline: { vi: 'Kiêm nhiệm Xu-đăng và Li-bi', en: 'Also accredited to Sudan and Libya', ar: 'معتمدة أيضًا لدى السودان وليبيا' },
    accentColour: '#0b6e4f',
    hotline: '+20 100 000 3333',
    phone: '+20 2 2736 8001',
    email: 'consular.eg@example.org',
    address: {
      label: { vi: 'Trụ sở', en: 'Chancery', ar: 'مقر السفارة' },
      address: { vi: '8 Ibn El Nabih, Zamalek, Cairo', en: '8 Ibn El Nabih, Zamalek, Cairo', ar: '٨ شارع ابن النبيه، الزمالك، القاهرة' },
    },
    hours: [{ days: { vi: 'Chủ Nhật – Thứ Năm', en: 'Sunday – Thursday', ar: 'الأحد – الخميس' }, opens: '09:00', closes: '15:00' }],
    holidays: [{ date: '2026-07-23', name: { vi: 'Ngày Cách mạng Ai Cập', en: 'Revolution Day (Egypt)', ar: 'عيد ثورة يوليو' } }],
    social: [{ network: 'facebook', url: 'https://www.facebook.com/example-vn-embassy-eg' }],
    pages: [
      {
        key: 'about',
        kind: 'about',
        title: { vi: 'Giới thiệu', en: 'About the Embassy', ar: 'عن السفارة' },
        body: {
          vi: 'Đại sứ quán Việt Nam tại Ai Cập.',
          en: 'The Embassy of Viet Nam in Egypt.',
          ar: 'سفارة جمهورية فيتنام الاشتراكية في جمهورية مصر العربية.',
        },
      },
      {
        key: 'overseas-vietnamese',
        kind: 'overseas-vietnamese',
        title: { vi: 'Người Việt Nam ở nước ngoài', en: 'Overseas Vietnamese' },
        body: { vi: 'Cộng đồng người Việt tại Ai Cập.', en: 'The Vietnamese community in Egypt.' },
      },
      consularPage('Cairo'),
      protectionPage,
    ],
    header: [
      { to: 'about', label: { vi: 'Giới thiệu', en: 'About', ar: 'عن السفارة' } },
      { to: 'consular-services', label: { vi: 'Lãnh sự', en: 'Consular', ar: 'الخدمات القنصلية' } },
      { to: 'section:news', label: { vi: 'Tin tức', en: 'News', ar: 'الأخبار' } },
      { to: 'overseas-vietnamese', label: { vi: 'Kiều bào', en: 'Overseas Vietnamese' } },
    ],
    footer: [{ to: 'citizen-protection', label: { vi: 'Bảo hộ công dân', en: 'Citizen protection', ar: 'حماية المواطنين' } }],
    home: ['leadStory', 'latestBySection', 'consularLinks', 'contact'],
    accredited: [
      {
        country: 'SD',
        relations: {
          vi: 'Việt Nam và Xu-đăng thiết lập quan hệ ngoại giao năm 1969.',
          en: 'Viet Nam and Sudan established diplomatic relations in 1969.',
          ar: 'أقامت فيتنام والسودان علاقات دبلوماسية عام ١٩٦٩.',
        },
        consularContact: {
          vi: 'Công dân tại Xu-đăng liên hệ Đại sứ quán tại Cairo.',
          en: 'Citizens in Sudan: contact the Embassy in Cairo.',
          ar: 'المواطنون في السودان: يرجى التواصل مع السفارة في القاهرة.',
        },
      },
      {
        country: 'LY',
        relations: {
          vi: 'Việt Nam và Li-bi thiết lập quan hệ ngoại giao năm 1975.',
          en: 'Viet Nam and Libya established diplomatic relations in 1975.',
          ar: 'أقامت فيتنام وليبيا علاقات دبلوماسية عام ١٩٧٥.',
        },
        consularContact: {
          vi: 'Công dân tại Li-bi liên hệ Đại sứ quán tại Cairo.',
          en: 'Citizens in Libya: contact the Embassy in Cairo.',
          ar: 'المواطنون في ليبيا: يرجى التواصل مع السفارة في القاهرة.',
        },
      },
    ],
  },
]

/** Arabic translations of eg-cairo demo articles (by seed key), with explicit ASCII slugs. */
export const arabicArticles: Record<string, { title: string; slug: string; summary: string; body: string[] }> = {
  'eg-cairo-food-fair': {
    title: 'شركات فيتنامية تعرض منتجاتها الزراعية والغذائية في معرض دولي بالقاهرة',
    slug: 'vietnamese-firms-cairo-food-fair',
    summary: 'بدعم من السفارة، شاركت شركات فيتنامية في معرض دولي للأغذية بالقاهرة وعرضت الأرز والقهوة والكاجو والفلفل.',
    body: [
      'جذب الجناح الفيتنامي في المعرض الدولي للأغذية بالقاهرة اهتمام عدد كبير من المستوردين والموزعين من مصر ودول المنطقة.',
      'قدمت السفارة المعلومات عن السوق المصرية وقواعد الاستيراد، ونظمت لقاءات بين رجال الأعمال من البلدين.',
    ],
  },
  'eg-citizen-safety-advice': {
    title: 'نصائح السلامة للمواطنين الفيتناميين أثناء السفر والإقامة في مصر',
    slug: 'safety-advice-for-vietnamese-citizens-in-egypt',
    summary: 'توصي السفارة المواطنين بحمل وثائق الهوية واحترام القوانين المحلية وحفظ رقم الخط الساخن لحماية المواطنين.',
    body: [
      'توصي سفارة فيتنام في مصر المواطنين بحمل جواز السفر أو نسخة منه دائمًا، والتأكد من صلاحية التأشيرة.',
      'في حال فقدان الوثائق أو وقوع حادث، يرجى الاتصال فورًا بالسلطات المحلية وبالخط الساخن للسفارة.',
    ],
  },
  'eg-relations-anniversary-exhibition': {
    title: 'معرض صور بمناسبة ذكرى إقامة العلاقات الدبلوماسية بين فيتنام ومصر',
    slug: 'viet-nam-egypt-relations-photo-exhibition',
    summary: 'معرض للصور الوثائقية في مقر السفارة يستعرض مسيرة الصداقة بين البلدين.',
    body: ['نظمت سفارة فيتنام في مصر معرضًا للصور الوثائقية بعنوان «فيتنام ومصر: مسيرة صداقة» يضم أكثر من ستين صورة ووثيقة.'],
  },
}

/** A news item about the accredited countries, tagged with their ISO codes. */
export const accreditedNews = {
  mission: 'eg-cairo',
  countries: ['SD', 'LY'],
  vi: {
    title: 'Đại sứ quán hỗ trợ công dân Việt Nam tại Xu-đăng và Li-bi',
    summary: 'Đại sứ quán tại Cairo tiếp nhận hồ sơ lãnh sự của công dân Việt Nam tại Xu-đăng và Li-bi.',
  },
  en: {
    title: 'Embassy assists Vietnamese citizens in Sudan and Libya',
    summary: 'The Embassy in Cairo handles consular applications of Vietnamese citizens living in Sudan and Libya.',
  },
}
