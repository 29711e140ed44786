/**
 * The fixture newsroom shared by the discovery build-output tests and the
 * search browser test: articles about "chuyển đổi số", "Đại hội Đảng" and
 * "Hải Phòng", decoys whose words fold to the same letters without forming the
 * phrases ("theo dõi", "dài hơi", "hai phòng học"), a title full of markup,
 * tag and author spellings that differ only in case or Unicode form, a draft
 * and an embargoed article with marker words, and enough short items to
 * overflow the 50-item feed.
 */
import { SAMPLE_IMAGE, type FixtureSpec } from '../helpers/fixture.ts';

/** The build clock: two days back from here is the Google News window. */
export const NOW = '2024-09-20T12:00:00+07:00';

export const DRAFT_MARKER = 'zqxbannhapmarker';
export const EMBARGO_MARKER = 'zqxcamvamarker';

export const TRICKY_TITLE = `Tiêu đề </script><script>alert(1)</script> & "trích dẫn" 'đơn' <!-- chú thích -->`;

export const URLS = {
  transformation: '/chinh-tri/hai-phong-day-manh-chuyen-doi-so/',
  business: '/kinh-te/doanh-nghiep-van-tai-chuyen-doi-so/',
  congress: '/chinh-tri/dai-hoi-dang-bo-quan-hong-bang/',
  decoy: '/xa-hoi/doan-xe-cuu-tro-tren-hanh-trinh-dai/',
  classrooms: '/xa-hoi/truong-lang-xay-them-hai-phong-hoc/',
  tricky: '/xa-hoi/tieu-de-kho/',
  draft: '/chinh-tri/phuong-an-nhan-su-ban-nhap/',
  embargoed: '/kinh-te/bao-cao-quy-iv/',
} as const;

export const FILLER_COUNT = 52;

/** YAML single-quoted scalar. */
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

export function discoveryCorpus(): FixtureSpec {
  const fillers = Array.from({ length: FILLER_COUNT }, (_, index) => {
    const n = index + 1;
    const day = String(1 + Math.floor(index / 4)).padStart(2, '0');
    const hour = String(6 + (index % 4) * 3).padStart(2, '0');
    return {
      path: `2024/07/tin-van-${n}.md`,
      frontMatter: `title: Tin vắn thời tiết ${n}\ncategory: xa-hoi\ndate: 2024-07-${day} ${hour}:00\nauthor: ${n % 2 ? 'Phóng Viên' : 'PHÓNG VIÊN'}`,
      body: `Nội dung tin vắn ${n} về thời tiết nắng nóng kéo dài.`,
    };
  });
  return {
    files: { 'articles/2024/09/images/cover.jpg': SAMPLE_IMAGE },
    articles: [
      {
        path: '2024/09/hai-phong-day-manh-chuyen-doi-so.md',
        frontMatter: [
          'title: Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính',
          'category: chinh-tri',
          'date: 2024-09-19 15:30',
          'updated: 2024-09-20 08:00',
          'author: [Lê Oanh, Trần Minh Đức]',
          'photographer: Hoàng Phước',
          'source: { name: Báo Hải Phòng, url: "https://example.org/bai-goc" }',
          'lead: Thành phố Hải Phòng đưa toàn bộ thủ tục hành chính lên môi trường số.',
          'tags: [Chuyển đổi số, Hải Phòng]',
          'cover: { src: ./images/cover.jpg, alt: Cán bộ hướng dẫn người dân làm thủ tục trực tuyến }',
        ].join('\n'),
        body: '## Chuyển đổi số ở phường\n\nCác phường của Hải Phòng hoàn tất chuyển đổi số trong tiếp nhận hồ sơ.\n',
      },
      {
        path: '2024/09/doanh-nghiep-van-tai-chuyen-doi-so.md',
        frontMatter: [
          'title: Doanh nghiệp vận tải tăng tốc chuyển đổi số',
          'category: kinh-te',
          'date: 2024-09-19 09:00',
          'author: lê oanh',
          `tags: [${'chuyển đổi số'.normalize('NFD')}]`,
          'lead: Các hãng xe khách chuyển sang vé điện tử và theo dõi hành trình bằng định vị.',
        ].join('\n'),
        body: 'Chuyển đổi số giúp doanh nghiệp giảm chi phí.\n',
      },
      {
        path: '2024/09/dai-hoi-dang-bo-quan-hong-bang.md',
        frontMatter: [
          'title: Đại hội Đảng bộ quận Hồng Bàng nhiệm kỳ mới',
          'category: chinh-tri',
          'date: 2024-09-10 08:00',
          'author: Nguyễn Thu Hà',
          'tags: [Đại hội Đảng]',
        ].join('\n'),
        body: 'Đại hội Đảng bộ quận bầu ban chấp hành mới.\n',
      },
      {
        // Every word of "chuyen doi so" and "dai hoi dang" when folded, many
        // times and in a short text (what BM25 likes), but never as a phrase.
        path: '2024/09/doan-xe-cuu-tro-tren-hanh-trinh-dai.md',
        frontMatter: [
          'title: Đoàn xe cứu trợ trên hành trình dài',
          'category: xa-hoi',
          'date: 2024-09-12 10:00',
          'author: Đỗ Khánh Linh',
        ].join('\n'),
        body: 'Người dân đang theo dõi chuyến đi dài. Chuyến xe chở hơi ấm, sổ sách ghi đủ. Dõi theo từng chuyến, dài hơn, hơi mệt, đang về, sổ tay.\n',
      },
      {
        path: '2024/09/truong-lang-xay-them-hai-phong-hoc.md',
        frontMatter: [
          'title: Trường làng xây thêm hai phòng học',
          'category: xa-hoi',
          'date: 2024-09-11 10:00',
          'author: Đỗ Khánh Linh',
        ].join('\n'),
        body: 'Nhà trường khánh thành hai phòng học mới cho học sinh lớp một.\n',
      },
      {
        path: '2024/09/tieu-de-kho.md',
        frontMatter: [
          `title: ${quote(TRICKY_TITLE)}`,
          'category: xa-hoi',
          'date: 2024-09-13 10:00',
          `author: ${quote('Nguyễn "Tí" & <Tèo>')}`,
          `lead: ${quote('Lời dẫn có </script> và & cùng "ngoặc".')}`,
          `tags: [${quote('A&B <thẻ>')}]`,
        ].join('\n'),
        body: 'Nội dung bình thường.\n',
      },
      {
        path: '2024/09/phuong-an-nhan-su-ban-nhap.md',
        frontMatter: ['title: Phương án nhân sự (bản nháp)', 'category: chinh-tri', 'date: 2024-09-15 08:00', 'author: Lê Oanh', 'draft: true'].join('\n'),
        body: `Bản nháp chưa duyệt ${DRAFT_MARKER} về Đại hội Đảng.\n`,
      },
      {
        path: '2024/12/bao-cao-quy-iv.md',
        frontMatter: ['title: Báo cáo quý IV', 'category: kinh-te', 'date: 2024-12-01 08:00', 'author: Lê Oanh'].join('\n'),
        body: `Số liệu cấm đăng trước ngày công bố ${EMBARGO_MARKER} chuyển đổi số.\n`,
      },
      ...fillers,
    ],
  };
}
