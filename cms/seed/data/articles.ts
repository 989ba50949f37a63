/**
 * Demo articles for the seed script.
 *
 * All content is original, invented for this project (fictional events, no real
 * officials named). Each mission has seven published articles covering all three
 * sections, plus a few special cases used by tests:
 *  - 'au-vi-only-community-tet': Vietnamese only (no English translation);
 *  - 'jp-draft-holiday-closure': a draft that must never appear on a public site;
 *  - 'hq-consular-online-services': HQ statement syndicated to all three missions;
 *  - 'au-event-mid-autumn', 'au-event-tea-open-day': announcements of upcoming events
 *    (the upcomingEvents home block of au-canberra lists them).
 */

export type SeedArticle = {
  /** Stable unique id, kebab-case ASCII. */
  key: string
  /** Mission code of the publishing mission. */
  mission: string
  /** Other mission codes that also publish the article (HQ syndication). */
  alsoMissions?: string[]
  section: 'news' | 'cultural-diplomacy' | 'external-information'
  /** Publication date = now minus this many days (0..60); unique within a mission. */
  daysAgo: number
  vi: { title: string; summary: string; body: string[] }
  /** Omitted => the article exists only in Vietnamese. */
  en?: { title: string; summary: string; body: string[] }
  /** Defaults to 'published'. */
  status?: 'published' | 'draft'
  /**
   * An announced event, relative to the day the seed runs (so demo events are always ahead):
   * starts `inDays` days from today at `startsAtUtc` (HH:MM, UTC), lasting `hours` if given.
   */
  event?: { inDays: number; startsAtUtc: string; hours?: number; venue: { vi: string; en: string } }
}

export const seedArticles: SeedArticle[] = [
  // --- Embassy of Viet Nam in Australia (Canberra) ---
  {
    key: 'au-trade-week',
    mission: 'au-canberra',
    section: 'news',
    daysAgo: 3,
    vi: {
      title: 'Khai mạc "Tuần lễ Việt Nam" xúc tiến thương mại và đầu tư tại Sydney',
      summary:
        'Hơn 40 doanh nghiệp Việt Nam giới thiệu nông sản, thực phẩm chế biến, đồ gỗ và dịch vụ du lịch tới các nhà nhập khẩu, đối tác Australia trong khuôn khổ Tuần lễ Việt Nam tại Sydney.',
      body: [
        'Ngày hôm qua, "Tuần lễ Việt Nam" đã chính thức khai mạc tại Sydney với sự tham gia của hơn 40 doanh nghiệp đến từ nhiều tỉnh, thành phố trong cả nước. Sự kiện do Đại sứ quán Việt Nam tại Australia phối hợp với các cơ quan xúc tiến thương mại trong nước và hiệp hội doanh nghiệp sở tại tổ chức, nhằm kết nối trực tiếp nhà sản xuất Việt Nam với các nhà nhập khẩu, nhà phân phối và chuỗi bán lẻ Australia.',
        'Phát biểu tại lễ khai mạc, Đại sứ nhấn mạnh quan hệ kinh tế giữa hai nước còn nhiều dư địa phát triển, nhất là trong các lĩnh vực nông sản chế biến, thủy sản, đồ gỗ, dệt may và du lịch. Đại sứ đề nghị các doanh nghiệp tận dụng tốt các hiệp định thương mại tự do mà hai nước cùng là thành viên, đồng thời chú trọng tiêu chuẩn chất lượng và truy xuất nguồn gốc sản phẩm.',
        'Trong khuôn khổ Tuần lễ, ban tổ chức bố trí các phiên giao thương trực tiếp, hội thảo về quy định an toàn thực phẩm của Australia và khu trưng bày sản phẩm mở cửa cho công chúng. Nhiều doanh nghiệp cho biết đã tìm được đối tác tiềm năng ngay trong ngày đầu tiên và dự kiến tiếp tục trao đổi để tiến tới ký kết hợp đồng trong thời gian tới.',
      ],
    },
    en: {
      title: 'Trade & investment: "Viet Nam Week" opens in Sydney',
      summary:
        'More than 40 Vietnamese companies are presenting farm produce, processed food, furniture and tourism services to Australian importers and partners during Viet Nam Week in Sydney.',
      body: [
        '"Viet Nam Week" officially opened in Sydney yesterday, bringing together more than 40 businesses from provinces and cities across Viet Nam. Organised by the Embassy of Viet Nam in Australia together with trade promotion agencies at home and local business associations, the event aims to connect Vietnamese producers directly with Australian importers, distributors and retail chains.',
        'Speaking at the opening ceremony, the Ambassador said economic ties between the two countries still had considerable room to grow, particularly in processed agricultural products, seafood, furniture, textiles and tourism. The Ambassador encouraged companies to make full use of the free trade agreements to which both countries are parties, while paying close attention to quality standards and product traceability.',
        'Over the course of the week, the organisers are holding business-matching sessions, a workshop on Australian food safety regulations and a product showcase open to the public. Several companies reported meeting promising partners on the very first day and plan to continue talks with a view to signing contracts in the near future.',
      ],
    },
  },
  {
    key: 'hq-consular-online-services',
    mission: 'au-canberra',
    alsoMissions: ['jp-osaka', 'eg-cairo'],
    section: 'external-information',
    daysAgo: 8,
    vi: {
      title: 'Bộ Ngoại giao mở rộng dịch vụ công trực tuyến về lãnh sự cho công dân ở nước ngoài',
      summary:
        'Bộ Ngoại giao thông báo mở rộng việc tiếp nhận hồ sơ trực tuyến đối với nhiều thủ tục lãnh sự, giúp người Việt Nam ở nước ngoài tiết kiệm thời gian và chi phí đi lại.',
      body: [
        'Bộ Ngoại giao vừa ra thông cáo về việc mở rộng cung cấp dịch vụ công trực tuyến trong lĩnh vực lãnh sự tại các cơ quan đại diện Việt Nam ở nước ngoài. Theo đó, công dân có thể khai và nộp hồ sơ trực tuyến đối với các thủ tục như cấp hộ chiếu, đăng ký khai sinh, xác nhận tình trạng hôn nhân và hợp pháp hóa lãnh sự giấy tờ.',
        'Thông cáo nêu rõ việc mở rộng dịch vụ trực tuyến là một bước trong quá trình chuyển đổi số của ngành ngoại giao, nhằm giảm thủ tục giấy tờ và rút ngắn thời gian giải quyết hồ sơ. Người nộp hồ sơ có thể theo dõi tiến độ xử lý, nhận thông báo qua thư điện tử và thanh toán lệ phí bằng các phương thức điện tử được chấp nhận tại từng địa bàn.',
        'Các cơ quan đại diện sẽ đăng tải hướng dẫn chi tiết trên trang thông tin điện tử của mình và tiếp tục hỗ trợ những người chưa quen sử dụng dịch vụ trực tuyến. Bộ Ngoại giao khuyến nghị công dân chỉ sử dụng các cổng thông tin chính thức và cảnh giác với các trang mạng mạo danh cơ quan nhà nước để thu phí.',
      ],
    },
    en: {
      title: 'Foreign ministry expands online consular services for citizens abroad',
      summary:
        'The Ministry of Foreign Affairs has announced that many more consular procedures can now be filed online, saving Vietnamese citizens abroad both time and travel costs.',
      body: [
        "The Ministry of Foreign Affairs has issued a statement announcing the expansion of online public services in the consular field at Viet Nam's representative missions abroad. Citizens can now complete and submit applications online for procedures including passport issuance, birth registration, certification of marital status and consular legalisation of documents.",
        'The statement explains that the expansion is part of the digital transformation of the diplomatic service, aimed at reducing paperwork and shortening processing times. Applicants can track the progress of their case, receive updates by email and pay fees using the electronic payment methods accepted in each host country.',
        'Missions will publish detailed guidance on their websites and continue to assist people who are not yet familiar with online services. The Ministry advises citizens to use only official portals and to be wary of websites that impersonate government agencies in order to collect fees.',
      ],
    },
  },
  {
    key: 'au-national-day-reception',
    mission: 'au-canberra',
    section: 'news',
    daysAgo: 12,
    vi: {
      title: 'Đại sứ quán tổ chức tiệc chiêu đãi kỷ niệm Quốc khánh tại Canberra',
      summary:
        'Đại sứ quán Việt Nam tại Australia tổ chức tiệc chiêu đãi trọng thể kỷ niệm Quốc khánh, với sự tham dự của đại diện chính phủ sở tại, đoàn ngoại giao, bạn bè Australia và đồng bào.',
      body: [
        'Tối qua, Đại sứ quán Việt Nam tại Australia đã tổ chức tiệc chiêu đãi trọng thể tại Canberra nhân dịp kỷ niệm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam. Tham dự buổi lễ có đại diện các bộ, ngành của Australia, nghị sĩ Quốc hội, đại sứ và đại biện các nước, giới học giả, doanh nghiệp cùng đông đảo đồng bào đang sinh sống, học tập và làm việc tại thủ đô.',
        'Phát biểu tại buổi chiêu đãi, Đại sứ điểm lại những thành tựu phát triển kinh tế - xã hội của Việt Nam và khẳng định đường lối đối ngoại độc lập, tự chủ, hòa bình, hữu nghị, hợp tác và phát triển. Đại sứ cảm ơn sự ủng hộ của bạn bè Australia và bày tỏ mong muốn hai nước tiếp tục làm sâu sắc hơn quan hệ trên mọi lĩnh vực.',
        'Buổi chiêu đãi diễn ra trong không khí ấm cúng với các tiết mục âm nhạc truyền thống do sinh viên Việt Nam biểu diễn và khu giới thiệu ẩm thực với những món ăn đặc trưng của ba miền. Nhiều khách mời bày tỏ ấn tượng trước sự năng động của Việt Nam và mong muốn sớm có dịp đến thăm đất nước.',
      ],
    },
    en: {
      title: 'Embassy hosts National Day reception in Canberra',
      summary:
        'The Embassy of Viet Nam in Australia held a formal reception marking National Day, attended by representatives of the host government, the diplomatic corps, Australian friends and the community.',
      body: [
        "Last night the Embassy of Viet Nam in Australia held a formal reception in Canberra to mark the National Day of the Socialist Republic of Viet Nam. Guests included representatives of Australian government departments, members of Parliament, ambassadors and chargés d'affaires of other countries, academics, business leaders and many members of the Vietnamese community living, studying and working in the capital.",
        "In remarks to the guests, the Ambassador reviewed Viet Nam's socio-economic achievements and reaffirmed the country's foreign policy of independence, self-reliance, peace, friendship, cooperation and development. The Ambassador thanked Australian friends for their support and expressed the hope that the two countries would continue to deepen their relationship across all areas.",
        "The evening unfolded in a warm atmosphere, with traditional music performed by Vietnamese students and a food corner presenting signature dishes from the northern, central and southern regions. Many guests spoke of their admiration for Viet Nam's dynamism and said they hoped to visit the country soon.",
      ],
    },
  },
  {
    key: 'au-passport-renewal-hours',
    mission: 'au-canberra',
    section: 'news',
    daysAgo: 20,
    vi: {
      title: 'Thông báo điều chỉnh giờ tiếp nhận hồ sơ cấp đổi hộ chiếu tại Đại sứ quán',
      summary:
        'Từ đầu tháng tới, Đại sứ quán tiếp nhận hồ sơ cấp đổi hộ chiếu vào buổi sáng các ngày làm việc và bổ sung một buổi sáng thứ Bảy mỗi tháng để tạo thuận lợi cho người lao động, sinh viên.',
      body: [
        'Nhằm đáp ứng nhu cầu ngày càng tăng của cộng đồng, Đại sứ quán Việt Nam tại Australia thông báo điều chỉnh giờ tiếp nhận hồ sơ cấp đổi hộ chiếu kể từ đầu tháng tới. Theo đó, hồ sơ được tiếp nhận từ 9 giờ đến 12 giờ các ngày từ thứ Hai đến thứ Sáu, trừ các ngày nghỉ lễ của Việt Nam và Australia. Kết quả được trả vào buổi chiều các ngày làm việc.',
        'Đặc biệt, Đại sứ quán sẽ mở thêm một buổi tiếp nhận hồ sơ vào sáng thứ Bảy tuần đầu tiên của mỗi tháng, dành cho người lao động và sinh viên khó sắp xếp thời gian trong tuần. Đồng bào được khuyến khích đặt lịch hẹn trực tuyến trước khi đến, mang theo hộ chiếu cũ, ảnh chân dung theo quy định và giấy tờ chứng minh nơi cư trú.',
        'Đối với những trường hợp ở xa Canberra, đồng bào có thể gửi hồ sơ qua đường bưu điện bảo đảm, kèm phong bì đã dán tem và ghi sẵn địa chỉ để nhận lại kết quả. Mọi thắc mắc xin liên hệ bộ phận lãnh sự qua thư điện tử hoặc điện thoại trong giờ hành chính.',
      ],
    },
    en: {
      title: 'Revised hours for passport renewal applications at the Embassy',
      summary:
        'From the start of next month, the Embassy will accept passport renewal applications on weekday mornings and add one Saturday morning each month for the convenience of workers and students.',
      body: [
        'To meet growing demand from the community, the Embassy of Viet Nam in Australia is revising its hours for passport renewal applications from the start of next month. Applications will be received from 9:00 to 12:00, Monday to Friday, except on Vietnamese and Australian public holidays. Completed passports can be collected in the afternoon on working days.',
        'In addition, the Embassy will open for applications on the morning of the first Saturday of each month, for workers and students who find it difficult to visit during the week. Applicants are encouraged to book an appointment online before coming and to bring their current passport, a portrait photo that meets the requirements and proof of residence.',
        'Applicants living far from Canberra may submit their documents by registered post, enclosing a stamped self-addressed envelope for the return of their passport. Any questions can be directed to the consular section by email or by telephone during business hours.',
      ],
    },
  },
  {
    key: 'au-vietnamese-language-class',
    mission: 'au-canberra',
    section: 'cultural-diplomacy',
    daysAgo: 27,
    vi: {
      title: 'Khai giảng lớp tiếng Việt cuối tuần cho con em kiều bào tại Canberra',
      summary:
        'Lớp tiếng Việt cuối tuần do Đại sứ quán phối hợp với hội phụ huynh tổ chức đã khai giảng khóa mới với gần 50 học sinh, góp phần giữ gìn tiếng mẹ đẻ trong cộng đồng.',
      body: [
        'Sáng Chủ nhật vừa qua, lớp tiếng Việt cuối tuần dành cho con em người Việt tại Canberra đã khai giảng khóa học mới với gần 50 học sinh từ 5 đến 14 tuổi. Lớp học do Đại sứ quán phối hợp với hội phụ huynh tổ chức, các giáo viên là sinh viên, nghiên cứu sinh và kiều bào tình nguyện tham gia giảng dạy.',
        'Chương trình năm nay được chia thành ba cấp độ, kết hợp dạy đọc, viết với các hoạt động kể chuyện, hát đồng dao và tìm hiểu phong tục ngày Tết. Bên cạnh bộ sách giáo khoa dành cho người Việt ở nước ngoài, giáo viên còn sử dụng tranh ảnh, trò chơi và video để giúp các em hứng thú hơn với tiếng mẹ đẻ.',
        'Phát biểu tại buổi khai giảng, đại diện Đại sứ quán cảm ơn các thầy cô tình nguyện và các gia đình đã kiên trì đồng hành cùng lớp học. Đại sứ quán khẳng định sẽ tiếp tục hỗ trợ tài liệu, địa điểm và kinh phí để việc dạy và học tiếng Việt trong cộng đồng được duy trì lâu dài.',
      ],
    },
    en: {
      title: 'Weekend Vietnamese classes open for community children in Canberra',
      summary:
        "The weekend Vietnamese class run by the Embassy and a parents' association has started a new course with nearly 50 pupils, helping keep the mother tongue alive in the community.",
      body: [
        "Last Sunday morning, the weekend Vietnamese class for children of Vietnamese families in Canberra began its new course with nearly 50 pupils aged five to fourteen. The class is organised by the Embassy together with a parents' association, and is taught by volunteer students, doctoral candidates and long-standing members of the community.",
        "This year's programme is divided into three levels, combining reading and writing with storytelling, traditional children's rhymes and lessons about Tết customs. Alongside textbooks designed for Vietnamese people overseas, teachers use pictures, games and short videos to make learning the mother tongue more engaging for the children.",
        'Speaking at the opening, a representative of the Embassy thanked the volunteer teachers and families for their steady commitment to the class. The Embassy will continue to provide teaching materials, a venue and funding so that Vietnamese language learning in the community can be sustained over the long term.',
      ],
    },
  },
  {
    key: 'au-food-festival',
    mission: 'au-canberra',
    section: 'cultural-diplomacy',
    daysAgo: 34,
    vi: {
      title: 'Ẩm thực Việt Nam thu hút du khách tại lễ hội đa văn hóa ở Canberra',
      summary:
        'Gian hàng ẩm thực do Đại sứ quán và cộng đồng người Việt phối hợp thực hiện đã phục vụ hàng nghìn lượt khách với phở, bánh mì, nem rán và cà phê phin.',
      body: [
        'Trong hai ngày cuối tuần qua, gian hàng Việt Nam tại lễ hội đa văn hóa thường niên ở Canberra đã thu hút hàng nghìn lượt khách tham quan. Gian hàng do Đại sứ quán phối hợp với hội người Việt, hội sinh viên và một số nhà hàng Việt tại địa phương thực hiện, giới thiệu các món ăn quen thuộc như phở bò, bánh mì, nem rán, gỏi cuốn và cà phê phin.',
        'Bên cạnh khu ẩm thực, ban tổ chức còn bố trí góc trưng bày áo dài, nón lá và tranh dân gian, cùng màn trình diễn trống và múa lân của thanh niên cộng đồng. Nhiều vị khách đã kiên nhẫn xếp hàng để thưởng thức bát phở nóng và tìm hiểu cách pha cà phê phin truyền thống.',
        'Theo đại diện Đại sứ quán, ẩm thực là cầu nối gần gũi và hiệu quả để giới thiệu văn hóa Việt Nam tới bạn bè Australia. Toàn bộ số tiền thu được từ gian hàng, sau khi trừ chi phí, sẽ được dùng để hỗ trợ quỹ khuyến học của cộng đồng người Việt tại Canberra.',
      ],
    },
    en: {
      title: 'Vietnamese cuisine draws crowds at Canberra multicultural festival',
      summary:
        'A food stall run jointly by the Embassy and the Vietnamese community served thousands of visitors with pho, banh mi, fried spring rolls and traditional drip coffee.',
      body: [
        "Over the past weekend, the Viet Nam stall at Canberra's annual multicultural festival welcomed thousands of visitors. Run by the Embassy together with the Vietnamese community association, the student association and several local Vietnamese restaurants, the stall offered familiar dishes such as beef pho, banh mi, fried spring rolls, fresh rice-paper rolls and drip-filter coffee.",
        'Next to the food area, the organisers set up a corner displaying ao dai, conical hats and folk paintings, while young people from the community gave drum and lion dance performances. Many visitors queued patiently for a steaming bowl of pho and stayed to learn how traditional phin coffee is brewed.',
        'According to a representative of the Embassy, food is one of the most approachable and effective ways to introduce Vietnamese culture to Australian friends. All proceeds from the stall, after costs, will go to the education support fund of the Vietnamese community in Canberra.',
      ],
    },
  },
  {
    key: 'au-asean-seminar',
    mission: 'au-canberra',
    section: 'external-information',
    daysAgo: 41,
    vi: {
      title: 'Tọa đàm về vai trò của Việt Nam trong ASEAN tại một trường đại học ở Canberra',
      summary:
        'Đại sứ quán phối hợp với một trường đại học tại Canberra tổ chức tọa đàm về đóng góp của Việt Nam trong ASEAN và triển vọng hợp tác giữa ASEAN với Australia.',
      body: [
        'Đại sứ quán Việt Nam tại Australia vừa phối hợp với khoa nghiên cứu châu Á của một trường đại học tại Canberra tổ chức tọa đàm với chủ đề "Việt Nam trong ASEAN: hành trình hội nhập và đóng góp". Sự kiện thu hút hơn 100 giảng viên, nhà nghiên cứu, sinh viên và đại diện cơ quan đại diện các nước ASEAN tại Australia.',
        'Tại tọa đàm, Đại sứ trình bày quá trình Việt Nam gia nhập và tham gia tích cực vào các hoạt động của ASEAN, từ thúc đẩy kết nối kinh tế đến duy trì hòa bình, ổn định trong khu vực. Các diễn giả cũng thảo luận về quan hệ Đối tác Chiến lược Toàn diện ASEAN - Australia cùng các cơ hội hợp tác trong giáo dục, chuyển đổi năng lượng và kinh tế số.',
        'Nhiều sinh viên đã đặt câu hỏi về kinh nghiệm phát triển của Việt Nam và cơ hội thực tập, nghiên cứu tại Việt Nam. Đại sứ quán cho biết sẽ duy trì chuỗi tọa đàm định kỳ nhằm cung cấp thông tin chính thống, cập nhật về Việt Nam tới giới học giả và thế hệ trẻ Australia.',
      ],
    },
    en: {
      title: "Canberra university seminar examines Viet Nam's role in ASEAN",
      summary:
        "The Embassy and a Canberra university co-hosted a seminar on Viet Nam's contributions to ASEAN and the outlook for cooperation between ASEAN and Australia.",
      body: [
        'The Embassy of Viet Nam in Australia has joined the Asian studies faculty of a Canberra university in hosting a seminar titled "Viet Nam in ASEAN: a journey of integration and contribution". The event attracted more than 100 lecturers, researchers and students, as well as representatives of the missions of ASEAN member states in Australia.',
        'The Ambassador outlined how Viet Nam joined ASEAN and has since taken an active part in its work, from promoting economic connectivity to maintaining peace and stability in the region. Speakers also discussed the ASEAN-Australia Comprehensive Strategic Partnership and opportunities for cooperation in education, the energy transition and the digital economy.',
        "Many students asked about Viet Nam's development experience and about opportunities for internships and research in the country. The Embassy said it would hold such seminars on a regular basis to provide accurate and up-to-date information about Viet Nam to Australian scholars and young people.",
      ],
    },
  },
  {
    key: 'au-vi-only-community-tet',
    mission: 'au-canberra',
    section: 'news',
    daysAgo: 50,
    vi: {
      title: 'Đồng bào tại Canberra quây quần đón Tết cổ truyền cùng Đại sứ quán',
      summary:
        'Hàng trăm đồng bào, sinh viên và gia đình người Việt tại Canberra đã cùng cán bộ Đại sứ quán gói bánh chưng, xem văn nghệ và chúc Tết trong không khí đầm ấm.',
      body: [
        'Trong không khí rộn ràng những ngày giáp Tết, Đại sứ quán Việt Nam tại Australia đã tổ chức chương trình "Xuân quê hương" để đồng bào tại Canberra và các vùng lân cận cùng đón Tết cổ truyền. Chương trình thu hút hàng trăm người tham dự, trong đó có nhiều gia đình trẻ, sinh viên mới sang học tập và các cụ cao niên đã gắn bó lâu năm với thành phố.',
        'Ngay từ buổi sáng, các gia đình đã cùng nhau gói bánh chưng, viết thư pháp và trang trí cây đào, cây quất. Các em nhỏ hào hứng tham gia trò chơi dân gian và nhận lì xì đầu năm, trong khi các bạn sinh viên mang đến những tiết mục văn nghệ đậm đà bản sắc dân tộc.',
        'Phát biểu chúc Tết, Đại sứ gửi lời thăm hỏi tới toàn thể đồng bào, cảm ơn cộng đồng đã luôn hướng về quê hương và đóng góp tích cực vào sự phát triển của quan hệ hai nước. Đại sứ mong mỗi người tiếp tục giữ gìn tiếng Việt, văn hóa Việt, đoàn kết và tương trợ lẫn nhau trong năm mới.',
      ],
    },
  },
  {
    key: 'au-event-mid-autumn',
    mission: 'au-canberra',
    section: 'cultural-diplomacy',
    daysAgo: 15,
    event: {
      inDays: 10,
      startsAtUtc: '07:30',
      hours: 3,
      venue: { vi: 'Sân Đại sứ quán, 6 Timbarra Crescent, O’Malley ACT', en: 'Embassy grounds, 6 Timbarra Crescent, O’Malley ACT' },
    },
    vi: {
      title: 'Mời đồng bào dự "Đêm hội trăng rằm" cho thiếu nhi tại Đại sứ quán',
      summary:
        'Đại sứ quán trân trọng mời các gia đình người Việt tại Canberra đưa các cháu đến rước đèn, phá cỗ và xem múa lân trong chương trình Trung thu năm nay.',
      body: [
        'Nhân dịp Tết Trung thu, Đại sứ quán Việt Nam tại Australia tổ chức chương trình "Đêm hội trăng rằm" dành cho thiếu nhi người Việt tại Canberra và các vùng lân cận. Chương trình gồm rước đèn ông sao, múa lân, kể chuyện chú Cuội, chị Hằng và phá cỗ trông trăng.',
        'Các gia đình có thể đăng ký tham dự qua thư điện tử của Đại sứ quán trước ngày tổ chức ba ngày. Các cháu được mời mang theo đèn lồng tự làm; ban tổ chức sẽ chọn những chiếc đèn đẹp nhất để trao quà khích lệ.',
      ],
    },
    en: {
      title: 'Mid-Autumn lantern night for children at the Embassy',
      summary:
        "The Embassy invites Vietnamese families in Canberra to bring their children for a lantern parade, a lion dance and a moon-watching feast at this year's Mid-Autumn Festival.",
      body: [
        'To celebrate the Mid-Autumn Festival, the Embassy of Viet Nam in Australia is holding a lantern night for Vietnamese children in Canberra and the surrounding region. The programme includes a star-lantern parade, a lion dance, the story of the Moon Lady and a traditional moon-watching feast.',
        'Families can register by e-mail to the Embassy up to three days before the event. Children are welcome to bring lanterns they made themselves; the organisers will award small prizes to the most beautiful ones.',
      ],
    },
  },
  {
    key: 'au-event-tea-open-day',
    mission: 'au-canberra',
    section: 'cultural-diplomacy',
    daysAgo: 23,
    event: {
      inDays: 24,
      startsAtUtc: '00:00',
      venue: { vi: 'Phòng đa năng, Đại sứ quán Việt Nam, Canberra', en: 'Function room, Embassy of Viet Nam, Canberra' },
    },
    vi: {
      title: 'Ngày mở cửa: thưởng thức trà Việt Nam tại Đại sứ quán',
      summary: 'Đại sứ quán mở cửa đón bạn bè Australia đến tìm hiểu các loại trà nổi tiếng của Việt Nam, từ trà Shan tuyết đến trà sen Tây Hồ.',
      body: [
        'Đại sứ quán Việt Nam tại Australia tổ chức ngày mở cửa với chủ đề "Hương trà Việt", giới thiệu tới công chúng Canberra các loại trà đặc sản của Việt Nam cùng nghệ thuật pha và thưởng trà truyền thống.',
        'Chương trình mở cửa tự do, không cần đăng ký. Khách tham quan có thể nếm thử trà, trò chuyện với các nghệ nhân và tìm hiểu về các vùng trà nổi tiếng ở miền núi phía Bắc Việt Nam.',
      ],
    },
    en: {
      title: 'Open day: Vietnamese tea tasting at the Embassy',
      summary: "The Embassy opens its doors to Australian friends to discover Viet Nam's famous teas, from snow Shan tea to West Lake lotus tea.",
      body: [
        'The Embassy of Viet Nam in Australia is holding an open day themed "The fragrance of Vietnamese tea", introducing the people of Canberra to Viet Nam\'s speciality teas and the traditional art of brewing and serving them.',
        'Admission is free and no registration is needed. Visitors can taste the teas, talk with tea masters and learn about the renowned tea-growing regions in the mountains of northern Viet Nam.',
      ],
    },
  },
  // --- Consulate-General of Viet Nam in Osaka, Japan ---
  {
    key: 'jp-kansai-business-forum',
    mission: 'jp-osaka',
    section: 'news',
    daysAgo: 2,
    vi: {
      title: 'Diễn đàn kết nối doanh nghiệp Việt Nam - Kansai thu hút hơn 200 đại biểu',
      summary:
        'Tổng Lãnh sự quán Việt Nam tại Osaka phối hợp với các tổ chức kinh tế vùng Kansai tổ chức diễn đàn giới thiệu môi trường đầu tư và kết nối doanh nghiệp hai bên.',
      body: [
        'Tổng Lãnh sự quán Việt Nam tại Osaka vừa phối hợp với các tổ chức kinh tế vùng Kansai tổ chức Diễn đàn kết nối doanh nghiệp Việt Nam - Kansai, thu hút hơn 200 đại biểu là lãnh đạo doanh nghiệp, nhà đầu tư và đại diện chính quyền địa phương. Đoàn công tác của một số tỉnh phía Bắc và phía Nam Việt Nam cũng tham dự để giới thiệu các khu công nghiệp và dự án kêu gọi đầu tư.',
        'Phát biểu khai mạc, Tổng Lãnh sự cho biết Kansai là địa bàn có nhiều doanh nghiệp quan tâm đầu tư vào Việt Nam, đặc biệt trong lĩnh vực chế tạo, điện tử và chế biến thực phẩm. Tổng Lãnh sự khuyến khích các doanh nghiệp vừa và nhỏ của Kansai tìm hiểu các chính sách ưu đãi mới, đồng thời khẳng định Tổng Lãnh sự quán sẽ đồng hành, hỗ trợ kết nối thông tin.',
        'Bên lề diễn đàn đã diễn ra hơn 60 cuộc gặp giao thương song phương. Một số doanh nghiệp hai nước cũng đã trao biên bản ghi nhớ hợp tác trong các lĩnh vực cơ khí chính xác, logistics và đào tạo nguồn nhân lực, mở ra triển vọng cho những dự án cụ thể trong thời gian tới.',
      ],
    },
    en: {
      title: 'Viet Nam-Kansai business forum draws more than 200 delegates',
      summary:
        "The Consulate-General of Viet Nam in Osaka and Kansai economic organisations co-hosted a forum presenting Viet Nam's investment climate and connecting businesses from both sides.",
      body: [
        'The Consulate-General of Viet Nam in Osaka, together with economic organisations in the Kansai region, has hosted the Viet Nam-Kansai Business Connection Forum, attracting more than 200 delegates including business leaders, investors and local government officials. Delegations from several northern and southern Vietnamese provinces also attended to present industrial parks and projects seeking investment.',
        'In opening remarks, the Consul General noted that many Kansai companies are interested in investing in Viet Nam, particularly in manufacturing, electronics and food processing. The Consul General encouraged small and medium-sized enterprises in Kansai to explore new incentive policies and pledged that the Consulate-General would support them with information and introductions.',
        'More than 60 bilateral business meetings took place on the sidelines of the forum. Several companies from the two countries also exchanged memoranda of understanding on cooperation in precision engineering, logistics and workforce training, opening the way for concrete projects in the period ahead.',
      ],
    },
  },
  {
    key: 'jp-draft-holiday-closure',
    mission: 'jp-osaka',
    section: 'news',
    daysAgo: 5,
    status: 'draft',
    vi: {
      title: 'BẢN NHÁP: Thông báo lịch nghỉ lễ của Tổng Lãnh sự quán Việt Nam tại Osaka',
      summary:
        'Bản nháp nội bộ: Tổng Lãnh sự quán tạm ngừng tiếp nhận hồ sơ lãnh sự trong dịp nghỉ lễ sắp tới; các trường hợp khẩn cấp vẫn được hỗ trợ qua đường dây nóng bảo hộ công dân.',
      body: [
        '[Nội dung đang chờ phê duyệt] Tổng Lãnh sự quán Việt Nam tại Osaka trân trọng thông báo lịch nghỉ lễ sắp tới. Trong thời gian này, bộ phận lãnh sự tạm ngừng tiếp nhận hồ sơ và trả kết quả. Ngày nghỉ cụ thể sẽ được cập nhật sau khi có quyết định chính thức của Thủ trưởng cơ quan.',
        'Trong thời gian nghỉ lễ, các trường hợp khẩn cấp liên quan đến bảo hộ công dân như tai nạn, bị bắt giữ hoặc mất giấy tờ tùy thân vẫn được hỗ trợ qua đường dây nóng. Đồng bào có nhu cầu làm thủ tục lãnh sự được khuyến nghị chủ động sắp xếp nộp hồ sơ trước hoặc sau kỳ nghỉ.',
      ],
    },
    en: {
      title: 'DRAFT: Holiday closure notice of the Consulate-General of Viet Nam in Osaka',
      summary:
        'Internal draft: the Consulate-General will suspend consular services during the upcoming holiday; emergencies will still be handled through the citizen protection hotline.',
      body: [
        '[Pending approval] The Consulate-General of Viet Nam in Osaka wishes to announce its upcoming holiday closure. During this period, the consular section will neither receive applications nor return documents. The exact dates will be confirmed once the head of mission has made an official decision.',
        'During the holiday, emergencies involving citizen protection, such as accidents, arrests or the loss of identity documents, will still be handled through the hotline. Anyone needing consular services is advised to plan ahead and submit applications before or after the holiday period.',
      ],
    },
  },
  {
    key: 'jp-trainee-heat-safety',
    mission: 'jp-osaka',
    section: 'news',
    daysAgo: 9,
    vi: {
      title: 'Tổng Lãnh sự quán khuyến cáo thực tập sinh Việt Nam về an toàn lao động mùa nắng nóng',
      summary:
        'Trước đợt nắng nóng kéo dài tại vùng Kansai, Tổng Lãnh sự quán đề nghị thực tập sinh, người lao động Việt Nam chủ động phòng tránh sốc nhiệt và bảo đảm an toàn khi làm việc ngoài trời.',
      body: [
        'Theo dự báo của cơ quan khí tượng Nhật Bản, nhiều địa phương thuộc vùng Kansai và lân cận sẽ trải qua đợt nắng nóng kéo dài với nhiệt độ có thể vượt 35 độ C. Tổng Lãnh sự quán Việt Nam tại Osaka khuyến cáo thực tập sinh, người lao động và du học sinh Việt Nam chủ động các biện pháp phòng tránh sốc nhiệt, nhất là khi làm việc tại công trường, nhà xưởng hoặc ngoài trời.',
        'Người lao động cần uống nước thường xuyên kể cả khi chưa khát, bổ sung muối khoáng, nghỉ ngơi ở nơi thoáng mát và mặc trang phục phù hợp. Khi có dấu hiệu chóng mặt, buồn nôn hoặc mệt mỏi bất thường, cần báo ngay cho người quản lý và gọi số khẩn cấp 119 nếu tình trạng trở nên nghiêm trọng.',
        'Tổng Lãnh sự quán cũng nhắc nhở người lao động nắm rõ quyền lợi của mình theo hợp đồng, trong đó có quyền được nghỉ giải lao và được trang bị phương tiện bảo hộ phù hợp. Trường hợp gặp khó khăn hoặc cần hỗ trợ, đồng bào có thể liên hệ đường dây nóng bảo hộ công dân của Tổng Lãnh sự quán, hoạt động 24/7.',
      ],
    },
    en: {
      title: 'Consulate-General advises Vietnamese trainees on heat safety at work',
      summary:
        'Ahead of a prolonged heatwave in Kansai, the Consulate-General urges Vietnamese technical trainees and workers to guard against heatstroke and stay safe when working outdoors.',
      body: [
        'According to forecasts from the Japan Meteorological Agency, many areas in and around the Kansai region are expected to experience a prolonged heatwave, with temperatures possibly exceeding 35°C. The Consulate-General of Viet Nam in Osaka advises Vietnamese technical trainees, workers and students to take steps to prevent heatstroke, especially when working on construction sites, in factories or outdoors.',
        'Workers should drink water regularly even when they are not thirsty, replenish salts and minerals, rest in cool, well-ventilated places and wear suitable clothing. Anyone experiencing dizziness, nausea or unusual fatigue should tell their supervisor immediately and call the emergency number 119 if the condition becomes serious.',
        "The Consulate-General also reminds workers to be aware of their rights under their contracts, including the right to rest breaks and to appropriate protective equipment. Anyone facing difficulties or needing assistance can contact the Consulate-General's citizen protection hotline, which operates around the clock.",
      ],
    },
  },
  {
    key: 'jp-kobe-culture-day',
    mission: 'jp-osaka',
    section: 'cultural-diplomacy',
    daysAgo: 16,
    vi: {
      title: 'Ngày hội văn hóa Việt Nam tại Kobe lan tỏa sắc màu quê hương tới bạn bè Nhật Bản',
      summary:
        'Ngày hội văn hóa Việt Nam tại Kobe với biểu diễn nghệ thuật, trình diễn áo dài và ẩm thực ba miền đã thu hút đông đảo người dân địa phương và cộng đồng người Việt.',
      body: [
        'Cuối tuần qua, Ngày hội văn hóa Việt Nam đã diễn ra tại một công viên ven biển ở thành phố Kobe, do Tổng Lãnh sự quán Việt Nam tại Osaka phối hợp với chính quyền địa phương và các hội đoàn người Việt tổ chức. Dù thời tiết se lạnh, ngày hội vẫn thu hút hàng nghìn lượt khách, trong đó phần lớn là người dân Nhật Bản.',
        'Trên sân khấu chính, các nghệ sĩ và sinh viên Việt Nam đã biểu diễn đàn bầu, đàn tranh, múa nón và trình diễn áo dài. Khu ẩm thực với các món phở, bún chả, bánh xèo và chè luôn đông khách, trong khi góc trải nghiệm cho phép du khách thử viết thư pháp chữ Việt và chơi các trò chơi dân gian.',
        'Đại diện chính quyền thành phố đánh giá cao ngày hội như một dịp để người dân địa phương hiểu thêm về cộng đồng người Việt, nay là một trong những cộng đồng người nước ngoài đông đảo tại tỉnh Hyogo. Ban tổ chức dự kiến duy trì sự kiện này hằng năm.',
      ],
    },
    en: {
      title: 'Viet Nam culture day in Kobe shares the colours of home with Japanese friends',
      summary:
        'A Viet Nam culture day in Kobe featuring music, an ao dai show and food from all three regions drew large numbers of local residents and members of the Vietnamese community.',
      body: [
        'Last weekend, a Viet Nam culture day was held in a seaside park in Kobe, organised by the Consulate-General of Viet Nam in Osaka together with the city authorities and Vietnamese community associations. Despite the chilly weather, the event attracted thousands of visitors, most of them Japanese residents.',
        'On the main stage, Vietnamese artists and students performed on the dan bau monochord and dan tranh zither, presented a conical-hat dance and staged an ao dai show. The food area, serving pho, bun cha, banh xeo and sweet che, was busy all day, while an activity corner let visitors try Vietnamese calligraphy and traditional folk games.',
        'A representative of the city government praised the event as an opportunity for local people to learn more about the Vietnamese community, now one of the largest foreign communities in Hyogo Prefecture. The organisers plan to make the culture day an annual fixture.',
      ],
    },
  },
  {
    key: 'jp-fukuoka-mobile-consular',
    mission: 'jp-osaka',
    section: 'news',
    daysAgo: 23,
    vi: {
      title: 'Tổ công tác lãnh sự lưu động hỗ trợ đồng bào tại Fukuoka cấp đổi hộ chiếu',
      summary:
        'Trong hai ngày cuối tuần, tổ công tác lãnh sự lưu động của Tổng Lãnh sự quán đã tiếp nhận hơn 300 hồ sơ cấp đổi hộ chiếu và các giấy tờ khác cho đồng bào tại khu vực Kyushu.',
      body: [
        'Nhằm tạo thuận lợi cho đồng bào sinh sống xa Osaka, Tổng Lãnh sự quán Việt Nam tại Osaka đã cử tổ công tác lãnh sự lưu động tới thành phố Fukuoka trong hai ngày cuối tuần. Đây là hoạt động được tổ chức định kỳ nhằm hỗ trợ cộng đồng người Việt tại khu vực Kyushu, nơi có đông thực tập sinh và du học sinh đang sinh sống.',
        'Trong thời gian làm việc, tổ công tác đã tiếp nhận hơn 300 hồ sơ cấp đổi hộ chiếu, đăng ký khai sinh, chứng thực chữ ký và cấp các loại giấy xác nhận. Cán bộ lãnh sự cũng trực tiếp giải đáp thắc mắc về thủ tục, hướng dẫn đồng bào nộp hồ sơ trực tuyến và phổ biến các lưu ý về tuân thủ pháp luật sở tại.',
        'Tổng Lãnh sự quán cảm ơn hội người Việt tại Fukuoka và các tình nguyện viên đã hỗ trợ tổ chức đợt công tác. Lịch làm việc lưu động tiếp theo tại các tỉnh thuộc khu vực Chugoku và Shikoku sẽ được thông báo trên trang thông tin điện tử của Tổng Lãnh sự quán. Những trường hợp chưa kịp nộp hồ sơ trong đợt này có thể gửi qua đường bưu điện hoặc nộp trực tuyến.',
      ],
    },
    en: {
      title: 'Mobile consular team helps Vietnamese residents in Fukuoka renew passports',
      summary:
        "Over a weekend, the Consulate-General's mobile consular team received more than 300 applications for passport renewal and other documents from Vietnamese residents in the Kyushu region.",
      body: [
        'To make things easier for Vietnamese people living far from Osaka, the Consulate-General of Viet Nam in Osaka sent a mobile consular team to Fukuoka for two days over the weekend. Such visits are held regularly to support the Vietnamese community in the Kyushu region, home to large numbers of technical trainees and international students.',
        'During the visit, the team received more than 300 applications for passport renewal, birth registration, signature authentication and various certificates. Consular officers also answered questions about procedures, showed applicants how to file online and shared reminders on complying with local laws.',
        "The Consulate-General thanked the Vietnamese association in Fukuoka and the volunteers who helped organise the visit. The schedule for the next mobile consular visits to prefectures in the Chugoku and Shikoku regions will be announced on the Consulate-General's website. Those unable to attend this time can still submit their applications by post or online.",
      ],
    },
  },
  {
    key: 'jp-kyoto-ao-dai-tea',
    mission: 'jp-osaka',
    section: 'cultural-diplomacy',
    daysAgo: 30,
    vi: {
      title: 'Giao lưu áo dài và trà đạo gắn kết phụ nữ Việt Nam và Nhật Bản tại Kyoto',
      summary:
        'Buổi giao lưu văn hóa tại Kyoto đã giới thiệu vẻ đẹp áo dài Việt Nam và nghệ thuật trà đạo Nhật Bản, tạo dịp để phụ nữ hai nước trò chuyện, chia sẻ và kết bạn.',
      body: [
        'Tổng Lãnh sự quán Việt Nam tại Osaka vừa phối hợp với một hội hữu nghị Nhật - Việt tại Kyoto tổ chức buổi giao lưu văn hóa với chủ đề "Áo dài và trà đạo". Tham dự chương trình có hơn 80 khách mời, gồm hội viên hội hữu nghị, phụ nữ Việt Nam đang sinh sống tại Kyoto và sinh viên hai nước.',
        'Mở đầu chương trình, các thành viên cộng đồng giới thiệu lịch sử và ý nghĩa của chiếc áo dài, sau đó mời khách mời Nhật Bản mặc thử áo dài và chụp ảnh lưu niệm. Đáp lại, các nghệ nhân trà đạo hướng dẫn khách Việt Nam cách pha và thưởng thức trà theo nghi thức truyền thống của Nhật Bản.',
        'Nhiều người tham dự cho biết họ nhận thấy nhiều điểm tương đồng trong quan niệm về sự tinh tế, chừng mực và lòng hiếu khách của hai dân tộc. Ban tổ chức hy vọng những hoạt động giao lưu quy mô nhỏ như vậy sẽ góp phần vun đắp tình cảm giữa nhân dân hai nước. Một buổi giao lưu tương tự về ẩm thực gia đình dự kiến sẽ được tổ chức vào năm sau.',
      ],
    },
    en: {
      title: 'Ao dai and tea ceremony exchange brings Vietnamese and Japanese women together in Kyoto',
      summary:
        'A cultural exchange in Kyoto showcased the Vietnamese ao dai and the Japanese art of tea, giving women from both countries a chance to talk, share experiences and make friends.',
      body: [
        'The Consulate-General of Viet Nam in Osaka has teamed up with a Japan-Viet Nam friendship association in Kyoto to host a cultural exchange themed "Ao dai and the Way of Tea". More than 80 guests attended, including members of the friendship association, Vietnamese women living in Kyoto and students from both countries.',
        'The programme began with members of the community explaining the history and meaning of the ao dai, after which Japanese guests were invited to try on the garment and pose for souvenir photos. In return, tea masters showed the Vietnamese guests how to prepare and enjoy tea according to traditional Japanese etiquette.',
        "Many participants said they had noticed much in common between the two peoples' ideas of refinement, moderation and hospitality. The organisers hope that small-scale exchanges like this will help nurture friendship between the people of both countries. A similar gathering focusing on home cooking is planned for next year.",
      ],
    },
  },
  {
    key: 'jp-osaka-photo-exhibition',
    mission: 'jp-osaka',
    section: 'external-information',
    daysAgo: 37,
    vi: {
      title: 'Triển lãm ảnh "Việt Nam - Đất nước, con người" khai mạc tại Osaka',
      summary:
        'Triển lãm giới thiệu hơn 80 bức ảnh về cảnh quan, di sản và nhịp sống hiện đại của Việt Nam, giúp công chúng vùng Kansai có cái nhìn sinh động về một đất nước đang phát triển năng động.',
      body: [
        'Tổng Lãnh sự quán Việt Nam tại Osaka đã khai mạc triển lãm ảnh "Việt Nam - Đất nước, con người" tại một trung tâm giao lưu quốc tế ở trung tâm thành phố. Triển lãm giới thiệu hơn 80 bức ảnh chọn lọc về cảnh quan thiên nhiên, di sản văn hóa, đời sống thường nhật và sự phát triển của các đô thị Việt Nam.',
        'Phát biểu tại lễ khai mạc, Tổng Lãnh sự cho biết triển lãm là một hoạt động thông tin đối ngoại nhằm giúp người dân Nhật Bản hiểu rõ hơn về một Việt Nam hòa bình, ổn định, thân thiện và đang hội nhập sâu rộng. Tổng Lãnh sự hy vọng những hình ảnh này sẽ khơi gợi mong muốn đến thăm, học tập và hợp tác với Việt Nam.',
        'Triển lãm mở cửa miễn phí cho công chúng trong hai tuần. Đi kèm triển lãm là góc giới thiệu sách, tài liệu về Việt Nam bằng tiếng Nhật và các buổi nói chuyện ngắn về du lịch, ẩm thực do sinh viên Việt Nam thực hiện. Sau Osaka, triển lãm dự kiến sẽ được giới thiệu tại Kyoto và Kobe.',
      ],
    },
    en: {
      title: 'Photo exhibition "Viet Nam - Land and People" opens in Osaka',
      summary:
        "Featuring more than 80 photographs of Viet Nam's landscapes, heritage and modern life, the exhibition gives the Kansai public a vivid picture of a dynamic, fast-developing country.",
      body: [
        'The Consulate-General of Viet Nam in Osaka has opened the photo exhibition "Viet Nam - Land and People" at an international exchange centre in the heart of the city. The exhibition features more than 80 selected photographs of the country\'s natural landscapes, cultural heritage, everyday life and growing cities.',
        "At the opening ceremony, the Consul General said the exhibition was part of the mission's public information work, helping Japanese people better understand a peaceful, stable and friendly Viet Nam that is integrating ever more deeply with the world. The Consul General hoped the images would inspire visitors to travel to, study in and work with Viet Nam.",
        'The exhibition is open to the public free of charge for two weeks. Alongside the photographs, a reading corner offers books and materials about Viet Nam in Japanese, and Vietnamese students give short talks on travel and cuisine. After Osaka, the exhibition is expected to travel to Kyoto and Kobe.',
      ],
    },
  },
  {
    key: 'jp-university-talk',
    mission: 'jp-osaka',
    section: 'external-information',
    daysAgo: 44,
    vi: {
      title: 'Tổng Lãnh sự chia sẻ về quan hệ Việt Nam - Nhật Bản với sinh viên đại học tại Osaka',
      summary:
        'Tại buổi nói chuyện với sinh viên một trường đại học ở Osaka, Tổng Lãnh sự giới thiệu chính sách đối ngoại của Việt Nam và những triển vọng hợp tác giữa hai nước.',
      body: [
        'Theo lời mời của khoa quan hệ quốc tế một trường đại học tại Osaka, Tổng Lãnh sự Việt Nam đã có buổi nói chuyện với hơn 150 sinh viên về chủ đề "Việt Nam và Nhật Bản: đối tác tin cậy trong một thế giới nhiều biến động". Buổi nói chuyện nằm trong chuỗi bài giảng chuyên đề về khu vực châu Á - Thái Bình Dương của nhà trường.',
        'Tổng Lãnh sự giới thiệu khái quát về lịch sử, tình hình phát triển của Việt Nam và đường lối đối ngoại độc lập, tự chủ, đa phương hóa, đa dạng hóa. Theo Tổng Lãnh sự, quan hệ hai nước đang phát triển mạnh mẽ trên nhiều lĩnh vực, từ kinh tế, đầu tư, hợp tác lao động đến giao lưu văn hóa, giáo dục và hợp tác giữa các địa phương.',
        'Trong phần hỏi đáp, sinh viên quan tâm tới cơ hội du học, thực tập tại Việt Nam và vai trò của thế hệ trẻ trong việc thúc đẩy quan hệ hai nước. Tổng Lãnh sự khuyến khích các bạn trẻ học tiếng Việt và đến Việt Nam để tự mình trải nghiệm.',
      ],
    },
    en: {
      title: 'Consul General discusses Viet Nam-Japan relations with Osaka university students',
      summary:
        "In a talk to students at an Osaka university, the Consul General introduced Viet Nam's foreign policy and the prospects for cooperation between the two countries.",
      body: [
        'At the invitation of the international relations faculty of an Osaka university, the Consul General of Viet Nam gave a talk to more than 150 students on the theme "Viet Nam and Japan: trusted partners in a changing world". The talk was part of the university\'s lecture series on the Asia-Pacific region.',
        "The Consul General gave an overview of Viet Nam's history and development and of its foreign policy of independence, self-reliance, multilateralisation and diversification. Relations between the two countries, the Consul General said, are flourishing in many fields, from the economy, investment and labour cooperation to cultural and educational exchanges and partnerships between localities.",
        'During the question-and-answer session, students asked about opportunities to study and intern in Viet Nam and about the role of young people in strengthening bilateral ties. The Consul General encouraged them to learn Vietnamese and to visit Viet Nam to experience the country for themselves.',
      ],
    },
  },
  // --- Embassy of Viet Nam in Egypt (Cairo) ---
  {
    key: 'eg-cairo-food-fair',
    mission: 'eg-cairo',
    section: 'news',
    daysAgo: 4,
    vi: {
      title: 'Doanh nghiệp Việt Nam giới thiệu nông sản, thực phẩm tại hội chợ quốc tế ở Cairo',
      summary:
        'Với sự hỗ trợ của Đại sứ quán, nhiều doanh nghiệp Việt Nam đã tham gia hội chợ thực phẩm quốc tế tại Cairo, giới thiệu gạo, cà phê, hạt điều, hạt tiêu và thủy sản chế biến.',
      body: [
        'Khu gian hàng Việt Nam tại hội chợ thực phẩm quốc tế diễn ra ở Cairo tuần qua đã thu hút sự quan tâm của đông đảo nhà nhập khẩu và nhà phân phối đến từ Ai Cập và các nước trong khu vực. Các doanh nghiệp Việt Nam giới thiệu nhiều mặt hàng thế mạnh như gạo, cà phê, hạt điều, hạt tiêu, quế, hồi và thủy sản chế biến.',
        'Đại sứ quán Việt Nam tại Ai Cập đã hỗ trợ các doanh nghiệp trong công tác chuẩn bị, cung cấp thông tin về thị trường và quy định nhập khẩu của Ai Cập, đồng thời mời các đối tác tiềm năng đến thăm gian hàng. Bên lề hội chợ, Đại sứ quán tổ chức buổi gặp gỡ giữa doanh nghiệp hai nước để trao đổi về nhu cầu và điều kiện giao hàng.',
        'Theo Đại sứ, Ai Cập là cửa ngõ quan trọng để hàng hóa Việt Nam tiếp cận thị trường Trung Đông và châu Phi. Đại sứ khuyến nghị doanh nghiệp tìm hiểu kỹ yêu cầu về chứng nhận halal, quy cách đóng gói và chú trọng xây dựng quan hệ đối tác lâu dài, uy tín.',
      ],
    },
    en: {
      title: 'Vietnamese firms showcase farm and food products at Cairo international fair',
      summary:
        'With support from the Embassy, Vietnamese companies took part in an international food fair in Cairo, presenting rice, coffee, cashews, pepper and processed seafood.',
      body: [
        "The Viet Nam pavilion at last week's international food fair in Cairo attracted strong interest from importers and distributors from Egypt and elsewhere in the region. Vietnamese companies presented many of the country's leading export products, including rice, coffee, cashew nuts, pepper, cinnamon, star anise and processed seafood.",
        'The Embassy of Viet Nam in Egypt helped the companies prepare, providing information on the Egyptian market and its import regulations and inviting potential partners to visit the pavilion. On the sidelines of the fair, the Embassy arranged a meeting between businesses from both countries to discuss demand and delivery terms.',
        'According to the Ambassador, Egypt is an important gateway for Vietnamese goods to reach markets in the Middle East and Africa. The Ambassador advised companies to study halal certification requirements and packaging specifications carefully and to focus on building long-term, trustworthy partnerships.',
      ],
    },
  },
  {
    key: 'eg-citizen-safety-advice',
    mission: 'eg-cairo',
    section: 'news',
    daysAgo: 11,
    vi: {
      title: 'Khuyến cáo công dân Việt Nam lưu ý an toàn khi đi lại và lưu trú tại Ai Cập',
      summary:
        'Đại sứ quán khuyến nghị công dân Việt Nam đến Ai Cập du lịch, học tập hoặc làm việc mang theo giấy tờ tùy thân, tuân thủ quy định sở tại và lưu số đường dây nóng bảo hộ công dân.',
      body: [
        'Thời gian gần đây, số lượng công dân Việt Nam đến Ai Cập du lịch, học tập và làm việc tăng đáng kể. Để bảo đảm an toàn trong thời gian lưu trú, Đại sứ quán Việt Nam tại Ai Cập khuyến nghị đồng bào luôn mang theo hộ chiếu hoặc bản sao hộ chiếu, bảo đảm thị thực còn hiệu lực và lưu bản chụp các giấy tờ quan trọng trên điện thoại hoặc thư điện tử.',
        'Khi tham quan các di tích và khu vực sa mạc, đồng bào nên đi cùng các công ty lữ hành được cấp phép, chuẩn bị đủ nước uống, tránh hoạt động ngoài trời vào giữa trưa và tôn trọng phong tục, tập quán địa phương. Cần thận trọng với những lời mời chào dịch vụ không rõ nguồn gốc và thỏa thuận rõ giá cả trước khi sử dụng.',
        'Trong trường hợp bị mất giấy tờ, gặp tai nạn hoặc cần hỗ trợ khẩn cấp, đồng bào hãy liên hệ ngay cơ quan chức năng sở tại và đường dây nóng bảo hộ công dân của Đại sứ quán. Công dân lưu trú dài hạn được khuyến khích đăng ký thông tin với Đại sứ quán để được hỗ trợ kịp thời khi cần thiết.',
      ],
    },
    en: {
      title: 'Safety advice for Vietnamese citizens travelling and staying in Egypt',
      summary:
        'The Embassy advises Vietnamese citizens visiting, studying or working in Egypt to carry identity documents, follow local regulations and save the citizen protection hotline number.',
      body: [
        'The number of Vietnamese citizens travelling to Egypt for tourism, study and work has risen markedly in recent times. To stay safe during their time in the country, the Embassy of Viet Nam in Egypt recommends that citizens always carry their passport or a copy of it, make sure their visa remains valid and keep scans of important documents on their phone or in their email.',
        'When visiting historical sites and desert areas, travellers should use licensed tour operators, carry enough drinking water, avoid outdoor activities at midday and respect local customs and traditions. They should be wary of unsolicited offers of services from unknown sources and agree on prices clearly before using any service.',
        "Anyone who loses documents, has an accident or needs urgent assistance should immediately contact the local authorities and the Embassy's citizen protection hotline. Long-term residents are encouraged to register their details with the Embassy so that help can be provided promptly when needed.",
      ],
    },
  },
  {
    key: 'eg-egypt-scholarships',
    mission: 'eg-cairo',
    section: 'news',
    daysAgo: 18,
    vi: {
      title: 'Thông tin về chương trình học bổng Chính phủ Ai Cập dành cho sinh viên Việt Nam',
      summary:
        'Chính phủ Ai Cập tiếp tục dành học bổng đại học, sau đại học cho công dân Việt Nam trong năm học tới; Đại sứ quán lưu ý ứng viên chuẩn bị hồ sơ sớm và theo dõi hướng dẫn chính thức.',
      body: [
        'Theo thông tin từ phía Ai Cập, trong năm học tới Chính phủ Ai Cập tiếp tục dành một số suất học bổng bậc đại học và sau đại học cho công dân Việt Nam theo thỏa thuận hợp tác giáo dục giữa hai nước. Các ngành đào tạo bao gồm ngôn ngữ Ả Rập, khảo cổ học, nông nghiệp, y dược và kỹ thuật tại các trường đại học công lập của Ai Cập.',
        'Ứng viên cần có kết quả học tập tốt, đủ sức khỏe và cam kết hoàn thành khóa học. Học bổng bao gồm miễn học phí, trợ cấp sinh hoạt hằng tháng và chỗ ở tại ký túc xá. Hồ sơ được tiếp nhận và xét chọn thông qua cơ quan có thẩm quyền trong nước theo hướng dẫn chính thức.',
        'Đại sứ quán khuyến nghị các ứng viên sớm chuẩn bị bản dịch công chứng văn bằng, bảng điểm và thường xuyên theo dõi thông báo trên các kênh chính thức. Sinh viên Việt Nam đang học tập tại Ai Cập sẵn sàng chia sẻ kinh nghiệm với các bạn có ý định nộp hồ sơ. Thông tin chi tiết sẽ được Đại sứ quán cập nhật trên trang thông tin điện tử ngay khi có thông báo chính thức.',
      ],
    },
    en: {
      title: 'Egyptian government scholarships available to Vietnamese students',
      summary:
        'The Egyptian government is again offering undergraduate and postgraduate scholarships to Vietnamese citizens next academic year; the Embassy urges applicants to prepare early and follow official guidance.',
      body: [
        "According to the Egyptian side, the Government of Egypt will again offer a number of undergraduate and postgraduate scholarships to Vietnamese citizens in the coming academic year under the two countries' education cooperation arrangements. Fields of study include Arabic language, archaeology, agriculture, medicine and pharmacy, and engineering at Egyptian public universities.",
        'Candidates should have a strong academic record, be in good health and be committed to completing their course. The scholarships cover tuition fees, a monthly living allowance and dormitory accommodation. Applications are received and assessed through the competent authority in Viet Nam in accordance with official guidance.',
        "The Embassy recommends that candidates prepare certified translations of their diplomas and transcripts early and check official channels regularly for announcements. Vietnamese students currently studying in Egypt are happy to share their experience with anyone planning to apply. Further details will be posted on the Embassy's website as soon as they are officially announced.",
      ],
    },
  },
  {
    key: 'eg-film-week',
    mission: 'eg-cairo',
    section: 'cultural-diplomacy',
    daysAgo: 25,
    vi: {
      title: 'Tuần phim Việt Nam tại Cairo giới thiệu điện ảnh đương đại tới khán giả Ai Cập',
      summary:
        'Tuần phim Việt Nam do Đại sứ quán phối hợp với một trung tâm văn hóa tại Cairo tổ chức đã trình chiếu nhiều bộ phim có phụ đề tiếng Ả Rập và tiếng Anh, thu hút đông đảo khán giả.',
      body: [
        'Đại sứ quán Việt Nam tại Ai Cập vừa phối hợp với một trung tâm văn hóa tại Cairo tổ chức Tuần phim Việt Nam, giới thiệu tới khán giả sở tại năm bộ phim truyện và phim tài liệu tiêu biểu của điện ảnh Việt Nam những năm gần đây. Tất cả các bộ phim đều có phụ đề tiếng Ả Rập và tiếng Anh.',
        'Các tác phẩm được lựa chọn phản ánh nhiều khía cạnh của đời sống Việt Nam, từ vẻ đẹp của làng quê, tình cảm gia đình đến nhịp sống sôi động nơi đô thị. Sau mỗi buổi chiếu, khán giả có dịp giao lưu với cán bộ Đại sứ quán và các nhà nghiên cứu điện ảnh Ai Cập về nội dung phim và văn hóa Việt Nam.',
        'Nhiều khán giả trẻ cho biết đây là lần đầu tiên họ được xem phim Việt Nam và bất ngờ trước những điểm tương đồng trong giá trị gia đình giữa hai dân tộc. Đại sứ quán dự kiến phối hợp tổ chức các tuần phim tương tự tại Alexandria và một số thành phố khác trong thời gian tới.',
      ],
    },
    en: {
      title: 'Viet Nam Film Week in Cairo introduces contemporary cinema to Egyptian audiences',
      summary:
        'Organised by the Embassy with a Cairo cultural centre, Viet Nam Film Week screened several films with Arabic and English subtitles and drew sizeable audiences.',
      body: [
        'The Embassy of Viet Nam in Egypt has joined a cultural centre in Cairo in hosting Viet Nam Film Week, presenting five notable feature films and documentaries from recent Vietnamese cinema to local audiences. All of the films were screened with Arabic and English subtitles.',
        'The selected works reflect many sides of Vietnamese life, from the beauty of the countryside and the warmth of family bonds to the bustling pace of the cities. After each screening, audiences could talk with Embassy staff and Egyptian film scholars about the films and about Vietnamese culture.',
        'Many young viewers said it was the first time they had seen a Vietnamese film and were surprised by the family values shared by the two peoples. The Embassy plans to co-organise similar film weeks in Alexandria and other cities in the near future.',
      ],
    },
  },
  {
    key: 'eg-charity-bazaar',
    mission: 'eg-cairo',
    section: 'cultural-diplomacy',
    daysAgo: 32,
    vi: {
      title: 'Gian hàng Việt Nam nổi bật tại hội chợ từ thiện của đoàn ngoại giao ở Cairo',
      summary:
        'Gian hàng của Đại sứ quán tại hội chợ từ thiện thường niên đã giới thiệu ẩm thực, đồ thủ công mỹ nghệ Việt Nam và góp phần gây quỹ cho các chương trình hỗ trợ trẻ em Ai Cập.',
      body: [
        'Đại sứ quán Việt Nam tại Ai Cập đã tham gia hội chợ từ thiện thường niên do phu nhân, phu quân các thành viên đoàn ngoại giao tại Cairo tổ chức. Gian hàng Việt Nam được trang trí bằng đèn lồng Hội An, nón lá và tranh sơn mài, trở thành một trong những điểm dừng chân được nhiều khách tham quan yêu thích.',
        'Cán bộ Đại sứ quán và gia đình đã chuẩn bị nhiều món ăn đặc trưng như nem rán, gỏi cuốn, bánh mì và cà phê sữa đá, cùng các sản phẩm thủ công như khăn lụa, đồ gốm và đồ mây tre đan. Nhiều vị khách tỏ ra thích thú khi được hướng dẫn cách cuốn gỏi và chấm nước mắm chua ngọt.',
        'Toàn bộ số tiền thu được từ gian hàng được đóng góp vào quỹ chung của hội chợ nhằm hỗ trợ các chương trình giáo dục và y tế cho trẻ em có hoàn cảnh khó khăn tại Ai Cập, thể hiện tinh thần sẻ chia của Việt Nam với nước bạn. Ban tổ chức cảm ơn các đại sứ quán tham gia và cho biết số tiền quyên góp năm nay cao hơn năm trước.',
      ],
    },
    en: {
      title: 'Viet Nam stall stands out at Cairo diplomatic charity bazaar',
      summary:
        "The Embassy's stall at the annual charity bazaar introduced Vietnamese food and handicrafts while helping raise funds for programmes supporting children in Egypt.",
      body: [
        'The Embassy of Viet Nam in Egypt took part in the annual charity bazaar organised by the spouses of members of the diplomatic corps in Cairo. Decorated with Hoi An lanterns, conical hats and lacquer paintings, the Viet Nam stall became one of the most popular stops for visitors.',
        'Embassy staff and their families prepared signature dishes such as fried spring rolls, fresh rice-paper rolls, banh mi and iced milk coffee, alongside handicrafts including silk scarves, ceramics and bamboo and rattan ware. Many visitors enjoyed learning how to roll fresh spring rolls and dip them in sweet and sour fish sauce.',
        "All proceeds from the stall went to the bazaar's common fund, which supports education and healthcare programmes for disadvantaged children in Egypt, reflecting Viet Nam's spirit of sharing and solidarity with a friendly nation. The organising committee thanked the participating embassies and said this year's bazaar had raised more than the previous one.",
      ],
    },
  },
  {
    key: 'eg-doi-moi-lecture',
    mission: 'eg-cairo',
    section: 'external-information',
    daysAgo: 40,
    vi: {
      title: 'Đại sứ giới thiệu kinh nghiệm Đổi mới của Việt Nam tại một trường đại học ở Cairo',
      summary:
        'Tại buổi thuyết trình trước giảng viên và sinh viên một trường đại học ở Cairo, Đại sứ đã chia sẻ những bài học từ công cuộc Đổi mới và hội nhập quốc tế của Việt Nam.',
      body: [
        'Theo lời mời của khoa kinh tế và khoa học chính trị của một trường đại học tại Cairo, Đại sứ Việt Nam tại Ai Cập đã có buổi thuyết trình về công cuộc Đổi mới của Việt Nam trước gần 200 giảng viên, nghiên cứu sinh và sinh viên. Đây là hoạt động thông tin đối ngoại nhằm giới thiệu hình ảnh Việt Nam tới giới trí thức Ai Cập.',
        'Đại sứ trình bày hành trình Việt Nam từ một nền kinh tế còn nhiều khó khăn trở thành một trong những nền kinh tế năng động của khu vực, với những thành tựu nổi bật trong xóa đói giảm nghèo, thu hút đầu tư nước ngoài và mở rộng thương mại. Đại sứ nhấn mạnh vai trò của ổn định chính trị, cải cách thể chế và chính sách đối ngoại rộng mở.',
        'Các đại biểu đặt nhiều câu hỏi về kinh nghiệm phát triển nông nghiệp, giáo dục và thu hút đầu tư của Việt Nam, cũng như tiềm năng hợp tác giữa hai nước trong các lĩnh vực này. Nhà trường bày tỏ mong muốn tăng cường trao đổi học thuật với các cơ sở giáo dục Việt Nam. Nhân dịp này, Đại sứ quán đã tặng thư viện của khoa bộ sách, tài liệu về Việt Nam bằng tiếng Anh và tiếng Ả Rập.',
      ],
    },
    en: {
      title: "Ambassador shares lessons of Viet Nam's Doi Moi reforms at Cairo university",
      summary:
        "In a lecture to faculty and students at a Cairo university, the Ambassador shared lessons from Viet Nam's Doi Moi renewal process and its international integration.",
      body: [
        "At the invitation of the faculty of economics and political science of a Cairo university, the Ambassador of Viet Nam to Egypt gave a lecture on Viet Nam's Doi Moi (Renewal) process to nearly 200 lecturers, doctoral candidates and students. The event was part of the Embassy's public information work to introduce Viet Nam to Egyptian academic circles.",
        "The Ambassador traced Viet Nam's journey from an economy facing many hardships to one of the most dynamic in the region, with notable achievements in poverty reduction, attracting foreign investment and expanding trade. The Ambassador stressed the importance of political stability, institutional reform and an open foreign policy.",
        "Participants asked many questions about Viet Nam's experience in agricultural development, education and investment attraction, and about the potential for bilateral cooperation in these areas. The university expressed its wish to strengthen academic exchanges with Vietnamese institutions. On this occasion, the Embassy presented the faculty library with a set of books and materials about Viet Nam in English and Arabic.",
      ],
    },
  },
  {
    key: 'eg-relations-anniversary-exhibition',
    mission: 'eg-cairo',
    section: 'external-information',
    daysAgo: 47,
    vi: {
      title: 'Triển lãm ảnh kỷ niệm ngày thiết lập quan hệ ngoại giao Việt Nam - Ai Cập',
      summary:
        'Triển lãm ảnh tư liệu tại trụ sở Đại sứ quán tái hiện chặng đường hữu nghị giữa hai nước, từ những năm tháng đấu tranh giành độc lập đến quan hệ hợp tác nhiều mặt hiện nay.',
      body: [
        'Nhân dịp kỷ niệm ngày thiết lập quan hệ ngoại giao giữa Việt Nam và Ai Cập, Đại sứ quán Việt Nam tại Ai Cập đã tổ chức triển lãm ảnh tư liệu với chủ đề "Việt Nam - Ai Cập: chặng đường hữu nghị". Triển lãm giới thiệu hơn 60 bức ảnh và tư liệu quý về các chuyến thăm, sự kiện và hoạt động hợp tác tiêu biểu giữa hai nước.',
        'Phát biểu tại lễ khai mạc, Đại sứ nhắc lại sự đồng cảm và ủng hộ lẫn nhau giữa nhân dân hai nước trong những năm tháng đấu tranh giành độc lập dân tộc. Đại sứ khẳng định Việt Nam luôn coi trọng quan hệ hữu nghị truyền thống với Ai Cập và mong muốn mở rộng hợp tác trong thương mại, nông nghiệp, giáo dục và du lịch.',
        'Đại diện Bộ Ngoại giao Ai Cập, các nhà nghiên cứu và hội viên hội hữu nghị Ai Cập - Việt Nam đã tới dự và chia sẻ nhiều kỷ niệm về Việt Nam. Triển lãm mở cửa đón khách tham quan trong một tuần và được giới thiệu đồng thời trên các kênh thông tin điện tử của Đại sứ quán.',
      ],
    },
    en: {
      title: 'Photo exhibition marks anniversary of Viet Nam-Egypt diplomatic relations',
      summary:
        "A documentary photo exhibition at the Embassy retraces the friendship between the two countries, from their struggles for independence to today's wide-ranging cooperation.",
      body: [
        'To mark the anniversary of the establishment of diplomatic relations between Viet Nam and Egypt, the Embassy of Viet Nam in Egypt has organised a documentary photo exhibition entitled "Viet Nam - Egypt: a journey of friendship". It presents more than 60 photographs and archival documents on landmark visits, events and cooperation activities between the two countries.',
        'Speaking at the opening, the Ambassador recalled the sympathy and mutual support between the two peoples during their struggles for national independence. The Ambassador affirmed that Viet Nam highly values its traditional friendship with Egypt and wishes to expand cooperation in trade, agriculture, education and tourism.',
        "Representatives of the Egyptian Ministry of Foreign Affairs, researchers and members of the Egypt-Viet Nam friendship association attended and shared many memories of Viet Nam. The exhibition is open to visitors for one week and is also being presented on the Embassy's online channels.",
      ],
    },
  },
]
