import type { ProblemTexts } from './format.js';

/**
 * Problems of the HTTP framework: their codes are Fastify's and @fastify/multipart's, without the
 * `FST_ERR_` prefix, kept as clients already see them.
 */
export const FRAMEWORK_PROBLEM_MESSAGES = {
  BAD_URL: {
    vi: { title: 'Địa chỉ không hợp lệ', detail: 'Địa chỉ (URL) của yêu cầu sai định dạng.' },
    en: { title: 'The request could not be processed', detail: 'The URL is malformed.' },
  },
  INVALID_URL: {
    vi: { title: 'Địa chỉ không hợp lệ', detail: 'Địa chỉ (URL) của yêu cầu sai định dạng.' },
    en: { title: 'The request could not be processed', detail: 'The URL is malformed.' },
  },
  MAX_PARAM_LENGTH: {
    vi: { title: 'Địa chỉ quá dài', detail: 'Một phần của đường dẫn trong địa chỉ yêu cầu quá dài.' },
    en: { title: 'The request could not be processed', detail: 'A path segment is too long.' },
  },
  CTP_INVALID_MEDIA_TYPE: {
    vi: {
      title: 'Định dạng nội dung không được hỗ trợ',
      detail:
        'Máy chủ không nhận nội dung dạng này; hãy gửi application/json, hoặc multipart/form-data khi tải tệp lên.',
    },
    en: { title: 'Unsupported media type', detail: 'Send application/json (multipart/form-data for uploads).' },
  },
  CTP_INVALID_CONTENT_LENGTH: {
    vi: { title: 'Độ dài nội dung không khớp', detail: 'Giá trị Content-Length không khớp với nội dung gửi lên.' },
    en: { title: 'Invalid Content-Length', detail: 'Content-Length does not match the body.' },
  },
  CTP_EMPTY_JSON_BODY: {
    vi: { title: 'Thiếu nội dung JSON', detail: 'Yêu cầu khai báo nội dung JSON nhưng không gửi kèm nội dung.' },
    en: { title: 'Empty JSON body', detail: 'The request declares JSON but has no body.' },
  },
  CTP_INVALID_JSON_BODY: {
    vi: { title: 'JSON không hợp lệ', detail: 'Nội dung gửi lên không phải JSON hợp lệ.' },
    en: { title: 'Invalid JSON', detail: 'The body is not valid JSON.' },
  },
  FST_REQ_FILE_TOO_LARGE: {
    vi: { title: 'Tệp quá lớn', detail: 'Tệp tải lên vượt quá dung lượng cho phép.' },
    en: { title: 'File too large', detail: 'The uploaded file is larger than allowed.' },
  },
  FST_FILES_LIMIT: {
    vi: { title: 'Quá nhiều tệp', detail: 'Mỗi lần chỉ được tải lên một tệp.' },
    en: { title: 'Too many files', detail: 'Upload one file at a time.' },
  },
  FST_FIELDS_LIMIT: {
    vi: { title: 'Quá nhiều trường', detail: 'Biểu mẫu gửi lên có quá nhiều trường.' },
    en: { title: 'Too many fields', detail: 'The form has too many fields.' },
  },
  FST_PARTS_LIMIT: {
    vi: { title: 'Quá nhiều phần dữ liệu', detail: 'Biểu mẫu gửi lên có quá nhiều phần.' },
    en: { title: 'Too many parts', detail: 'The form has too many parts.' },
  },
  FST_PROTO_VIOLATION: {
    vi: { title: 'Tên trường không hợp lệ', detail: 'Biểu mẫu có tên trường không được phép.' },
    en: { title: 'Invalid field name', detail: 'The form uses a field name that is not allowed.' },
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    vi: { title: 'Cần gửi dạng multipart', detail: 'Yêu cầu phải có dạng multipart/form-data.' },
    en: { title: 'Not multipart', detail: 'The request is not multipart/form-data.' },
  },
  FST_INVALID_JSON_FIELD_ERROR: {
    vi: {
      title: 'Trường JSON không hợp lệ',
      detail: 'Một trường của biểu mẫu khai báo là JSON nhưng không phải JSON hợp lệ.',
    },
    en: { title: 'Invalid JSON field', detail: 'A form field declared as JSON is not valid JSON.' },
  },
  FST_MP_PREMATURE_CLOSE: {
    vi: { title: 'Tải lên bị gián đoạn', detail: 'Kết nối bị đóng trước khi tải lên xong. Vui lòng tải lại tệp.' },
    en: { title: 'Upload interrupted', detail: 'The request closed before the upload was complete.' },
  },
} as const satisfies Readonly<Record<string, ProblemTexts>>;
