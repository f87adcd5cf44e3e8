import type { LivelihoodSupported } from '@benvung/domain';
import type { Rng } from './rng.js';

/** Words the generated histories are written with: names, villages, courses, models, notes. All invented. */

const FAMILY = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Huỳnh', 5],
  ['Võ', 4],
  ['Phan', 4.5],
  ['Trương', 2],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Hồ', 1.5],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Châu', 0.5],
  ['Đinh', 0.5],
  ['Tô', 0.4],
] as const;
const KHMER_FAMILY = ['Thạch', 'Sơn', 'Kim', 'Danh', 'Lâm', 'Trà', 'Thị'] as const;
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Minh', 'Quốc', 'Thanh', 'Công', 'Đức'] as const;
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Kim', 'Bích', 'Mỹ'] as const;
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Hải', 'Lộc', 'Long', 'Minh', 'Nam', 'Phúc', 'Quang'];
const GIVEN_MALE_2 = ['Sang', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Vinh', 'Em', 'Út', 'Sáu'];
const GIVEN_FEMALE = ['Anh', 'Cúc', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hồng', 'Hương', 'Lan', 'Liên', 'Mai', 'Nga'];
const GIVEN_FEMALE_2 = [
  'Nhung',
  'Oanh',
  'Phượng',
  'Sen',
  'Thảo',
  'Thu',
  'Thủy',
  'Trang',
  'Tuyết',
  'Vân',
  'Xuân',
  'Yến',
];
const KHMER_GIVEN = ['Sóc', 'Sa Rinh', 'Sô Phal', 'Thươl', 'Chanh', 'Kha', 'Ny', 'Sa Ry', 'Pha', 'Mây', 'Ro', 'Sươl'];

/** A household head's invented name; Khmer names in the Mekong provinces where they are common. */
export function headName(rng: Rng, khmerShare: number): string {
  const female = rng.chance(0.32);
  if (rng.chance(khmerShare)) return `${rng.pick(KHMER_FAMILY)} ${rng.pick(KHMER_GIVEN)}`;
  const family = rng.weighted(FAMILY);
  const middle = rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = rng.pick(
    female ? (rng.chance(0.5) ? GIVEN_FEMALE : GIVEN_FEMALE_2) : rng.chance(0.5) ? GIVEN_MALE : GIVEN_MALE_2,
  );
  return `${family} ${middle} ${given}`;
}

/** Villages: ấp / khóm in the south, thôn / tổ dân phố in the centre. */
export function village(rng: Rng, south: boolean, urban: boolean): string {
  const n = rng.int(1, urban ? 6 : 12);
  if (urban) return south ? `Khóm ${n}` : `Tổ dân phố ${n}`;
  return south ? `Ấp ${rng.pick(['', '', 'Tân ', 'Phú ', 'Long '])}${n}`.replace('  ', ' ') : `Thôn ${n}`;
}

export const LOAN_PURPOSES = [
  'Nuôi bò sinh sản',
  'Nuôi heo',
  'Nuôi tôm thẻ',
  'Nuôi cua trong vuông tôm',
  'Trồng lúa',
  'Trồng dừa',
  'Mua máy cày nhỏ',
  'Buôn bán nhỏ',
  'Sửa xe máy',
  'Nuôi gà thả vườn',
] as const;

export const COURSES = [
  { course: 'Kỹ thuật nuôi tôm công nghiệp', occupation: 'Nuôi trồng thủy sản' },
  { course: 'Sửa chữa máy nông nghiệp', occupation: 'Cơ khí nông nghiệp' },
  { course: 'May công nghiệp', occupation: 'Thợ may' },
  { course: 'Kỹ thuật trồng rau an toàn', occupation: 'Trồng trọt' },
  { course: 'Chăn nuôi bò sinh sản', occupation: 'Chăn nuôi' },
  { course: 'Hàn điện', occupation: 'Thợ hàn' },
  { course: 'Nấu ăn', occupation: 'Đầu bếp' },
  { course: 'Đan đát thủ công mỹ nghệ', occupation: 'Thủ công mỹ nghệ' },
  { course: 'Lái xe hạng B2', occupation: 'Lái xe' },
  { course: 'Tiếng Nhật cho lao động xuất khẩu', occupation: 'Lao động xuất khẩu' },
] as const;

export const PROVIDERS = [
  'Trung tâm Giáo dục nghề nghiệp',
  'Trung tâm Khuyến nông tỉnh',
  'Trường Cao đẳng nghề',
  'Hội Nông dân xã',
  'Hội Liên hiệp Phụ nữ xã',
] as const;

export const LIVELIHOOD_MODELS: readonly {
  model: string;
  modelType: LivelihoodSupported['data']['modelType'];
  /** The model's total value in millions of VND, split over the group. */
  totalMillions: readonly [number, number];
}[] = [
  { model: 'Nuôi bò sinh sản', modelType: 'livestock', totalMillions: [300, 900] },
  { model: 'Nuôi dê', modelType: 'livestock', totalMillions: [150, 400] },
  { model: 'Nuôi gà thả vườn', modelType: 'livestock', totalMillions: [80, 250] },
  { model: 'Nuôi cá lóc trong vèo', modelType: 'aquaculture', totalMillions: [400, 900] },
  { model: 'Nuôi tôm càng xanh luân canh lúa', modelType: 'aquaculture', totalMillions: [500, 1200] },
  { model: 'Trồng rau màu trên đất lúa', modelType: 'crops', totalMillions: [100, 300] },
  { model: 'Trồng dưa lưới nhà màng', modelType: 'crops', totalMillions: [300, 800] },
  { model: 'Trồng rừng keo', modelType: 'forestry', totalMillions: [200, 600] },
  { model: 'Đan lục bình', modelType: 'handicraft', totalMillions: [60, 200] },
  { model: 'Dịch vụ sơ chế nông sản', modelType: 'services', totalMillions: [150, 400] },
];

export const PRODUCTION_ITEMS = [
  'Giống lúa chất lượng cao',
  'Bò giống',
  'Heo giống',
  'Gà giống và thức ăn',
  'Phân bón',
  'Cây giống dừa',
  'Tôm giống',
  'Cá giống',
] as const;

export const EMPLOYERS = [
  'Công ty TNHH May mặc Tân Phước',
  'Công ty CP Thủy sản Minh Phú',
  'Khu công nghiệp Hòa Phú',
  'Công ty TNHH Giày da Mỹ Phong',
  'Hợp tác xã nông nghiệp',
] as const;

export const EXPORT_COUNTRIES = ['Nhật Bản', 'Hàn Quốc', 'Đài Loan (Trung Quốc)'] as const;

export const OTHER_SUPPORT = [
  'Hỗ trợ tiền điện cho hộ nghèo',
  'Quà Tết của Mặt trận Tổ quốc xã',
  'Miễn giảm học phí cho học sinh',
  'Hỗ trợ sách vở đầu năm học',
] as const;

export const NOTES = {
  visit: [
    'Thăm hộ: gia đình đang chăm sóc đàn bò từ mô hình sinh kế, thu nhập ổn định hơn.',
    'Thăm hộ: chủ hộ đau ốm kéo dài, cần theo dõi khả năng tái nghèo.',
    'Thăm hộ: nhà đã được sửa chữa, mái tôn chắc chắn.',
    'Thăm hộ: con thứ hai đã đi làm công nhân tại khu công nghiệp.',
    'Thăm hộ: ruộng lúa bị ảnh hưởng xâm nhập mặn, năng suất giảm.',
  ],
  call: [
    'Gọi điện nhắc lịch trả nợ vay Ngân hàng Chính sách xã hội.',
    'Gọi điện mời tham gia lớp dạy nghề của xã.',
    'Gọi điện hỏi thăm tình hình sau đợt mưa lũ.',
  ],
  observation: [
    'Hộ có nguyện vọng vay vốn mở rộng chăn nuôi.',
    'Hộ chưa sử dụng nhà tiêu hợp vệ sinh, đề nghị hỗ trợ.',
    'Thành viên trong độ tuổi lao động chưa có việc làm ổn định.',
  ],
  other: ['Đã cập nhật thông tin hộ theo phiếu rà soát.'],
} as const;
