import type { DomainErrorCode } from '../shared/error-codes.js';
import { ACCOUNT_PROBLEM_MESSAGES } from './account-problems.js';
import { API_PROBLEM_MESSAGES } from './api-problems.js';
import { formatProblemTemplate, type ProblemLocale, type ProblemText, type ProblemTexts } from './format.js';
import { FRAMEWORK_PROBLEM_MESSAGES } from './framework-problems.js';
import { HOUSEHOLD_PROBLEM_MESSAGES } from './household-problems.js';
import { REPORT_PROBLEM_MESSAGES } from './report-problems.js';
import { REVIEW_ROUND_API_PROBLEM_MESSAGES, REVIEW_ROUND_PROBLEM_MESSAGES } from './review-round-problems.js';
import { SUPPORT_PROBLEM_MESSAGES } from './support-problems.js';

/** The gateway's own problem codes (protocol, accounts, the HTTP framework). */
export type ApiProblemCode =
  | keyof typeof API_PROBLEM_MESSAGES
  | keyof typeof ACCOUNT_PROBLEM_MESSAGES
  | keyof typeof FRAMEWORK_PROBLEM_MESSAGES
  | keyof typeof REVIEW_ROUND_API_PROBLEM_MESSAGES
  | keyof typeof REPORT_PROBLEM_MESSAGES;

/** Every problem `code` the API answers with texts of its own. */
export type ProblemCode = DomainErrorCode | ApiProblemCode;

/**
 * Title and detail template of every problem code, in Vietnamese and English. Browser-safe data: the
 * web app translates a problem by its `code` with {@link localizeProblem}, as the gateway does.
 */
export const PROBLEM_MESSAGES: Readonly<Record<ProblemCode, ProblemTexts>> = {
  ...HOUSEHOLD_PROBLEM_MESSAGES,
  ...SUPPORT_PROBLEM_MESSAGES,
  ...REVIEW_ROUND_PROBLEM_MESSAGES,
  ...API_PROBLEM_MESSAGES,
  ...REVIEW_ROUND_API_PROBLEM_MESSAGES,
  ...REPORT_PROBLEM_MESSAGES,
  ...ACCOUNT_PROBLEM_MESSAGES,
  ...FRAMEWORK_PROBLEM_MESSAGES,
};

/** Said of a problem whose code has no texts, or whose template lacks a value: by its status alone. */
const GENERIC: Readonly<Record<ProblemLocale, Readonly<Record<number | 'other', ProblemText>>>> = {
  vi: {
    400: { title: 'Yêu cầu không hợp lệ', detail: 'Máy chủ không xử lý được yêu cầu này vì yêu cầu không hợp lệ.' },
    401: { title: 'Cần đăng nhập', detail: 'Vui lòng đăng nhập để tiếp tục.' },
    403: { title: 'Không có quyền', detail: 'Bạn không có quyền thực hiện thao tác này.' },
    404: { title: 'Không tìm thấy', detail: 'Không tìm thấy dữ liệu được yêu cầu.' },
    409: { title: 'Xung đột dữ liệu', detail: 'Thao tác không phù hợp với tình trạng hiện tại của hồ sơ.' },
    412: { title: 'Hồ sơ đã thay đổi', detail: 'Hồ sơ đã thay đổi; vui lòng tải lại rồi thực hiện lại.' },
    413: { title: 'Dữ liệu quá lớn', detail: 'Nội dung gửi lên vượt quá dung lượng cho phép.' },
    422: { title: 'Yêu cầu bị từ chối', detail: 'Yêu cầu không đáp ứng quy định nghiệp vụ nên không được chấp nhận.' },
    429: { title: 'Quá nhiều yêu cầu', detail: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.' },
    503: { title: 'Dịch vụ tạm thời gián đoạn', detail: 'Vui lòng thử lại sau ít phút.' },
    other: { title: 'Không xử lý được yêu cầu', detail: 'Máy chủ không xử lý được yêu cầu này.' },
  },
  en: {
    400: { title: 'Bad request', detail: 'The request could not be processed.' },
    401: { title: 'Authentication required', detail: 'Sign in to continue.' },
    403: { title: 'Not allowed', detail: 'You may not do this.' },
    404: { title: 'Not found', detail: 'Nothing was found.' },
    409: { title: 'Conflict', detail: 'This does not fit the record’s current state.' },
    412: { title: 'Changed meanwhile', detail: 'The record changed; reload and try again.' },
    413: { title: 'Payload too large', detail: 'The request body is larger than allowed.' },
    422: { title: 'Refused', detail: 'The request breaks a business rule.' },
    429: { title: 'Too many requests', detail: 'Too many requests; try again shortly.' },
    503: { title: 'Service unavailable', detail: 'Try again shortly.' },
    other: { title: 'The request could not be processed', detail: 'The request could not be processed.' },
  },
};

/** Whether a code has texts of its own in the catalogue. */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEM_MESSAGES, code);
}

/** A problem as it travels: RFC 9457 members with our `code`, and extension members. */
export interface ProblemLike {
  readonly code: string;
  readonly status: number;
  readonly [member: string]: unknown;
}

export interface LocalizedProblem {
  title: string;
  detail: string;
  /** Whether `detail` is the code's own template; false: a sentence about the status only. */
  specific: boolean;
}

/**
 * A problem's title and detail in a language, filled from its extension members (`unitCode`,
 * `successors`, `currentVersion` …). Unknown codes get a title and detail for their status, and a
 * template missing a value falls back to the status's detail under the code's title, so the answer is
 * always in the language asked for; `specific` says which happened.
 */
export function localizeProblem(problem: ProblemLike, locale: ProblemLocale): LocalizedProblem {
  const generic = GENERIC[locale][problem.status] ?? GENERIC[locale].other;
  const texts = isProblemCode(problem.code) ? PROBLEM_MESSAGES[problem.code][locale] : undefined;
  const detail = texts && formatProblemTemplate(texts.detail, problem, locale);
  return {
    title: texts?.title ?? generic.title,
    detail: detail ?? generic.detail,
    specific: detail !== undefined,
  };
}
