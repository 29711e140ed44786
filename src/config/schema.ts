/**
 * The one schema for the site configuration. Every value a reader sees that is
 * not article content (labels, date formats, paths, the cookie notice) comes from
 * here, so another newsroom changes its language by editing `src/config/site.ts`.
 */
import { z } from 'astro/zod';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A URL path segment: lower-case ASCII words joined by `-`. */
const SegmentSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case ASCII words joined by "-"');

export const LabelsSchema = z.object({
  home: z.string().default('Trang chủ'),
  latest: z.string().default('Tin mới nhất'),
  related: z.string().default('Tin liên quan'),
  otherNews: z.string().default('Tin khác'),
  source: z.string().default('Nguồn tin'),
  reporter: z.string().default('Tin'),
  photographer: z.string().default('Ảnh'),
  tags: z.string().default('Chủ đề'),
  tag: z.string().default('Chủ đề'),
  author: z.string().default('Tác giả'),
  categories: z.string().default('Chuyên mục'),
  updated: z.string().default('Cập nhật'),
  page: z.string().default('Trang'),
  previousPage: z.string().default('Trang trước'),
  nextPage: z.string().default('Trang sau'),
  pagination: z.string().default('Phân trang'),
  readMore: z.string().default('Xem thêm'),
  search: z.string().default('Tìm kiếm'),
  searchPlaceholder: z.string().default('Nhập từ khóa, có dấu hoặc không dấu'),
  searchAll: z.string().default('Tất cả chuyên mục'),
  searchNoResults: z.string().default('Không tìm thấy bài viết nào phù hợp.'),
  searchIgnoredWords: z.string().default('Không tìm thấy từ:'),
  searchResultCount: z.string().default('kết quả'),
  menu: z.string().default('Menu'),
  skipToContent: z.string().default('Chuyển đến nội dung chính'),
  notFoundTitle: z.string().default('Không tìm thấy trang'),
  notFoundText: z
    .string()
    .default('Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Mời bạn xem các tin mới nhất.'),
  share: z.string().default('Chia sẻ'),
  copyLink: z.string().default('Sao chép liên kết'),
  email: z.string().default('Email'),
  breadcrumb: z.string().default('Đường dẫn'),
  articleCount: z.string().default('bài viết'),
  redirectText: z.string().default('Bài viết đã được chuyển sang địa chỉ mới:'),
  footerRights: z.string().default('Mọi bài viết là sản phẩm của tòa soạn.'),
  rss: z.string().default('RSS'),
});

export const CookieNoticeSchema = z.object({
  enabled: z.boolean().default(true),
  text: z
    .string()
    .default(
      'Trang web sử dụng cookie để ghi nhớ lựa chọn của bạn và cải thiện trải nghiệm đọc tin.',
    ),
  linkText: z.string().default('Tìm hiểu thêm'),
  linkUrl: z.string().default('/chinh-sach-cookie/'),
  accept: z.string().default('Đồng ý'),
});

export const SiteConfigSchema = z
  .object({
    name: z.string().min(1).default('Tin Cảng Thành'),
    shortName: z.string().optional(),
    description: z.string().default('Tin tức thời sự, chính trị, kinh tế, xã hội của thành phố cảng.'),
    url: z.url({ protocol: /^https?$/ }).default('https://tin.example.org'),
    /** BCP 47 language of content and interface (`<html lang>`, feeds, news sitemap). */
    language: z.string().default('vi'),
    /** Locale used for collation (tag and author lists). */
    locale: z.string().default('vi-VN'),
    timeZone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh')
      .default('Asia/Ho_Chi_Minh'),
    /** Date patterns: dd, MM, yyyy, HH, mm are replaced. */
    dateFormat: z.string().default('dd/MM/yyyy'),
    dateTimeFormat: z.string().default('dd/MM/yyyy HH:mm'),
    pageSize: z.number().int().min(1).max(200).default(20),
    relatedCount: z.number().int().min(0).max(20).default(5),
    otherNewsCount: z.number().int().min(0).max(20).default(5),
    excerptLength: z.number().int().min(40).max(1000).default(160),
    homeLatestCount: z.number().int().min(1).default(10),
    homeCategoryCount: z.number().int().min(1).default(4),
    feedItems: z.number().int().min(1).default(50),
    /** How much longer than usual a lead may be before `npm run check` warns. */
    leadWarnLength: z.number().int().min(50).default(400),
    paths: z
      .object({
        author: SegmentSchema.default('tac-gia'),
        tag: SegmentSchema.default('chu-de'),
        search: SegmentSchema.default('tim-kiem'),
      })
      .prefault({}),
    labels: LabelsSchema.prefault({}),
    cookieNotice: CookieNoticeSchema.prefault({}),
    publisher: z
      .object({
        name: z.string().optional(),
        logo: z.string().default('/logo.png'),
      })
      .prefault({}),
    /** Image used for Open Graph when an article has no cover. */
    defaultImage: z.string().default('/og-default.png'),
    /** Accept `.mdx` articles. MDX runs code at build time: switch off for outside contributors. */
    allowMdx: z.boolean().default(true),
    /** Hosts whose iframes are kept in article bodies. */
    embedHosts: z
      .array(z.string())
      .default(['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com']),
  })
  .superRefine((config, ctx) => {
    const segments = Object.values(config.paths);
    if (new Set(segments).size !== segments.length) {
      ctx.addIssue({ code: 'custom', path: ['paths'], message: 'paths must be distinct' });
    }
  });

export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
export type SiteConfig = z.output<typeof SiteConfigSchema>;
export type Labels = SiteConfig['labels'];
