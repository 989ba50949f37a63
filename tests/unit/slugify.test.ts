import { describe, expect, it } from 'vitest'
import { slugify, URL_SAFE_CODE } from '../../cms/lib/slugify'

describe('slugify folds Vietnamese', () => {
  it.each([
    ['Đổi mới', 'doi-moi'],
    ['đường Điện Biên Phủ', 'duong-dien-bien-phu'],
    ['Đại sứ quán Việt Nam tại Ô-xtrây-li-a', 'dai-su-quan-viet-nam-tai-o-xtray-li-a'],
    ['Chào mừng Quốc khánh 2/9', 'chao-mung-quoc-khanh-2-9'],
    ['Trade & investment: "Viet Nam Week"', 'trade-and-investment-viet-nam-week'],
    ['  Tết   Nguyên Đán  ', 'tet-nguyen-dan'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  // Every vowel with each of the five tone marks, in both cases, plus the hooked/horned vowels.
  const toneTable: [string, string][] = [
    ['àáảãạ ÀÁẢÃẠ', 'aaaaa-aaaaa'],
    ['ằắẳẵặ ẰẮẲẴẶ ă Ă', 'aaaaa-aaaaa-a-a'],
    ['ầấẩẫậ ẦẤẨẪẬ â Â', 'aaaaa-aaaaa-a-a'],
    ['èéẻẽẹ ÈÉẺẼẸ', 'eeeee-eeeee'],
    ['ềếểễệ ỀẾỂỄỆ ê Ê', 'eeeee-eeeee-e-e'],
    ['ìíỉĩị ÌÍỈĨỊ', 'iiiii-iiiii'],
    ['òóỏõọ ÒÓỎÕỌ', 'ooooo-ooooo'],
    ['ồốổỗộ ỒỐỔỖỘ ô Ô', 'ooooo-ooooo-o-o'],
    ['ờớởỡợ ỜỚỞỠỢ ơ Ơ', 'ooooo-ooooo-o-o'],
    ['ùúủũụ ÙÚỦŨỤ', 'uuuuu-uuuuu'],
    ['ừứửữự ỪỨỬỮỰ ư Ư', 'uuuuu-uuuuu-u-u'],
    ['ỳýỷỹỵ ỲÝỶỸỴ', 'yyyyy-yyyyy'],
    ['đ Đ đĐ', 'd-d-dd'],
  ]
  it.each(toneTable)('tone marks %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('produces URL-safe output for any title', () => {
    for (const title of ['Hà Nội – 1000 năm', '🇻🇳 Quốc khánh', 'ASEAN/EU: ngày hội']) {
      expect(slugify(title)).toMatch(URL_SAFE_CODE)
    }
  })
})
