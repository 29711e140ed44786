/**
 * This newsroom's settings. Everything not given here takes the default from
 * `schema.ts` (Vietnamese labels, Asia/Ho_Chi_Minh, 20 articles a page).
 */
import type { SiteConfigInput } from './schema.ts';

export const site: SiteConfigInput = {
  name: 'Tin Cảng Thành',
  description: 'Tin tức thời sự, chính trị, kinh tế, xã hội, văn hóa của thành phố cảng.',
  url: 'https://tin.example.org',
  publisher: { name: 'Báo điện tử Tin Cảng Thành', logo: '/logo.png' },
};
