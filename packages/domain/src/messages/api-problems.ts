import type { ProblemTexts } from './format.js';

/** Problems the gateway answers besides the domain's: requests, the write protocol, audit, rules, imports. */
export const API_PROBLEM_MESSAGES = {
  // requests
  VALIDATION_FAILED: {
    vi: {
      title: 'Dữ liệu không hợp lệ',
      detail:
        'Dữ liệu gửi lên không hợp lệ[ ({errors:count} lỗi, chi tiết trong danh sách errors)]. Vui lòng kiểm tra lại.',
    },
    en: {
      title: 'The request is not valid',
      detail: 'The request is not valid[ ({errors:count} error(s), listed in errors)].',
    },
  },
  BAD_REQUEST: {
    vi: { title: 'Yêu cầu không hợp lệ', detail: 'Máy chủ không xử lý được yêu cầu này vì yêu cầu không hợp lệ.' },
    en: { title: 'Bad request', detail: 'The request could not be processed.' },
  },
  UNAUTHENTICATED: {
    vi: {
      title: 'Cần đăng nhập',
      detail: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    },
    en: {
      title: 'Authentication required',
      detail: 'Sign in, or sign in again: the token is missing, invalid or expired.',
    },
  },
  FORBIDDEN: {
    vi: { title: 'Không có quyền', detail: 'Vai trò của bạn không được phép thực hiện thao tác này.' },
    en: { title: 'Not allowed', detail: 'Your role may not do this.' },
  },
  UNIT_OUT_OF_SCOPE: {
    vi: { title: 'Ngoài địa bàn được phân công', detail: 'Đơn vị {unitCode} không thuộc địa bàn bạn được phân công.' },
    en: { title: 'Not allowed', detail: 'Unit {unitCode} is not among your units.' },
  },
  LOG_CHECKPOINTS_UNAVAILABLE: {
    vi: {
      title: 'Không có điểm kiểm tra',
      detail: 'Máy chủ này không lưu các điểm kiểm tra có chữ ký của sổ sự kiện.',
    },
    en: { title: 'Not available', detail: 'This service keeps no signed checkpoints of the event log.' },
  },
  NOT_FOUND: {
    vi: { title: 'Không tìm thấy', detail: 'Không tìm thấy dữ liệu được yêu cầu.' },
    en: { title: 'Not found', detail: 'Nothing was found.' },
  },
  ROUTE_NOT_FOUND: {
    vi: { title: 'Không có địa chỉ API này', detail: 'Máy chủ không có địa chỉ API hoặc phương thức được yêu cầu.' },
    en: { title: 'Not found', detail: 'No such route.' },
  },
  RATE_LIMITED: {
    vi: {
      title: 'Quá nhiều yêu cầu',
      detail: 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {retryAfterSeconds} giây.',
    },
    en: { title: 'Too many requests', detail: 'Too many requests: retry in {retryAfterSeconds} seconds.' },
  },
  PAYLOAD_TOO_LARGE: {
    vi: { title: 'Dữ liệu gửi lên quá lớn', detail: 'Nội dung yêu cầu vượt quá dung lượng cho phép.' },
    en: { title: 'Payload too large', detail: 'The request body is larger than allowed.' },
  },
  REQUEST_TIMEOUT: {
    vi: {
      title: 'Gửi yêu cầu quá lâu',
      detail: 'Yêu cầu không được gửi xong trong thời gian cho phép nên kết nối đã bị đóng. Vui lòng gửi lại.',
    },
    en: { title: 'Request timeout', detail: 'The request was not received in time; the connection was closed.' },
  },
  HEADERS_TOO_LARGE: {
    vi: { title: 'Tiêu đề yêu cầu quá lớn', detail: 'Phần tiêu đề (header) của yêu cầu vượt quá dung lượng cho phép.' },
    en: { title: 'Request headers too large', detail: 'The request headers are larger than allowed.' },
  },
  INVALID_CHARACTERS: {
    vi: {
      title: 'Có ký tự không được phép',
      detail:
        'Tên hoặc nội dung nhập có ký tự điều khiển hoặc ký tự đảo chiều văn bản, không được phép[ ({errors:count} trường, chi tiết trong danh sách errors)]. Vui lòng gõ lại.',
    },
    en: {
      title: 'Characters not allowed',
      detail:
        'A name or text holds control or bidirectional-override characters, which are not allowed[ ({errors:count} field(s), listed in errors)].',
    },
  },
  INVALID_TEXT: {
    vi: {
      title: 'Dữ liệu văn bản hỏng',
      detail: 'Yêu cầu có ký tự NUL hoặc ký tự Unicode hỏng (nửa cặp thay thế), không thể lưu. Vui lòng kiểm tra lại.',
    },
    en: {
      title: 'Invalid text',
      detail: 'The request holds a NUL character or broken Unicode (a lone surrogate), which cannot be stored.',
    },
  },
  INTERNAL: {
    vi: {
      title: 'Lỗi hệ thống',
      detail:
        'Đã xảy ra lỗi ngoài dự kiến và lỗi đã được ghi lại[ với mã yêu cầu {requestId}]. Nếu lỗi lặp lại, vui lòng báo mã này cho bộ phận hỗ trợ.',
    },
    en: {
      title: 'Internal error',
      detail: 'An unexpected error occurred; it has been logged[ with request id {requestId}].',
    },
  },
  // writes: conditional requests, retries, read-your-writes
  INVALID_IF_MATCH: {
    vi: { title: 'Tiêu đề If-Match không hợp lệ', detail: 'If-Match phải là một ETag do máy chủ trả về, ví dụ "3".' },
    en: { title: 'Invalid If-Match', detail: 'If-Match must be an ETag the server returned, like "3".' },
  },
  PRECONDITION_FAILED: {
    vi: {
      title: 'Hồ sơ hộ đã thay đổi',
      detail:
        'Hồ sơ hộ đã được cập nhật sau khi bạn mở[ (bạn sửa từ phiên bản {expectedVersion}, hiện tại là phiên bản {currentVersion})]. Vui lòng tải lại hồ sơ rồi thực hiện lại.',
    },
    en: {
      title: 'The household has changed',
      detail:
        'The household changed since you read it[ (you sent If-Match "{expectedVersion}", it is at version {currentVersion})]. Reload and try again.',
    },
  },
  CONCURRENCY_CONFLICT: {
    vi: {
      title: 'Hồ sơ hộ vừa thay đổi',
      detail:
        'Hồ sơ hộ vừa được cập nhật cùng lúc bởi một thao tác khác[ (phiên bản hiện tại: {currentVersion})]. Vui lòng thử lại.',
    },
    en: {
      title: 'The household changed meanwhile',
      detail: 'Another change was recorded at the same time[ (now at version {currentVersion})]. Try again.',
    },
  },
  INVALID_IDEMPOTENCY_KEY: {
    vi: {
      title: 'Khóa Idempotency-Key không hợp lệ',
      detail: 'Idempotency-Key chỉ gồm từ 1 đến 200 ký tự: chữ cái, chữ số và các dấu . _ : -',
    },
    en: { title: 'Invalid Idempotency-Key', detail: 'Use 1–200 letters, digits, . _ : - in an Idempotency-Key.' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: {
      title: 'Khóa Idempotency-Key đã được dùng',
      detail: 'Khóa này đã được dùng cho một yêu cầu có nội dung khác; mỗi thao tác cần một khóa riêng.',
    },
    en: { title: 'Idempotency-Key reused', detail: 'This key was used with another request.' },
  },
  IDEMPOTENCY_CONFLICT: {
    vi: {
      title: 'Xung đột khi gửi lại yêu cầu',
      detail: 'Khóa Idempotency-Key này đã tạo ra những bản ghi có nội dung khác.',
    },
    en: { title: 'Conflicting retry', detail: 'This key already produced other events.' },
  },
  INVALID_POSITION: {
    vi: {
      title: 'Vị trí chờ cập nhật không hợp lệ',
      detail: 'X-Wait-For-Position phải là giá trị position do một thao tác ghi trả về.',
    },
    en: { title: 'Invalid position', detail: 'X-Wait-For-Position must be a position a command returned.' },
  },
  NOT_YET_PROJECTED: {
    vi: {
      title: 'Dữ liệu chưa kịp cập nhật',
      detail: 'Dữ liệu vừa ghi chưa kịp cập nhật vào phần tra cứu. Vui lòng thử lại sau {retryAfterSeconds} giây.',
    },
    en: {
      title: 'Not projected yet',
      detail: 'What was just recorded is not readable yet: retry in {retryAfterSeconds} second(s).',
    },
  },
  INVALID_CURSOR: {
    vi: {
      title: 'Tham số phân trang không hợp lệ',
      detail: 'Tham số cursor phải là giá trị nextCursor do chính địa chỉ API này trả về.',
    },
    en: { title: 'Invalid cursor', detail: 'cursor must be a nextCursor this route returned.' },
  },
  // event store
  INVALID_APPEND: {
    vi: { title: 'Không ghi được dữ liệu', detail: 'Dữ liệu không hợp lệ nên không được ghi vào nhật ký sự kiện.' },
    en: { title: 'Invalid request', detail: 'The events could not be appended.' },
  },
  STORE_CLOSED: {
    vi: {
      title: 'Hệ thống đang tạm dừng',
      detail: 'Hệ thống đang khởi động lại hoặc bảo trì. Vui lòng thử lại sau ít phút.',
    },
    en: { title: 'Service unavailable', detail: 'The service is restarting; try again shortly.' },
  },
  ERASURE_NOT_SUPPORTED: {
    vi: {
      title: 'Không thể xoá dữ liệu cá nhân',
      detail: 'Kho sự kiện đang dùng không cho phép xoá dữ liệu cá nhân của các sự kiện đã ghi.',
    },
    en: {
      title: 'Erasure not supported',
      detail: 'The event store in use cannot erase the personal data of recorded events.',
    },
  },
  DATABASE_UNAVAILABLE: {
    vi: {
      title: 'Không kết nối được cơ sở dữ liệu',
      detail:
        'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau {retryAfterSeconds} giây; thao tác gửi lại với cùng Idempotency-Key sẽ không bị ghi hai lần.',
    },
    en: {
      title: 'Database unavailable',
      detail:
        'The database cannot be reached right now: retry in {retryAfterSeconds} seconds (a write repeated with the same Idempotency-Key is stored once).',
    },
  },
  // audit, rules, units
  NO_STATE_AT_THAT_POINT: {
    vi: {
      title: 'Hộ chưa được đăng ký vào thời điểm đó',
      detail: 'Vào thời điểm hoặc phiên bản được chọn, hộ chưa có bản ghi nào.',
    },
    en: { title: 'Not registered yet', detail: 'The household had no events by then.' },
  },
  RULE_VERSION_NOT_FOUND: {
    vi: { title: 'Không tìm thấy phiên bản quy định', detail: 'Không có phiên bản quy định số {ruleVersion}.' },
    en: { title: 'No such rule version', detail: 'There is no rule version {ruleVersion}.' },
  },
  UNIT_LIST_INVALID: {
    vi: {
      title: 'Danh mục đơn vị hành chính bị từ chối',
      detail:
        'Danh mục đơn vị hành chính có {problems:count} lỗi nên không được nạp (chi tiết trong danh sách problems).',
    },
    en: { title: 'The unit list was refused', detail: '{problems:count} problem(s), listed in problems.' },
  },
  // list imports
  IMPORT_NOT_FOUND: {
    vi: {
      title: 'Không tìm thấy lượt nhập danh sách',
      detail: 'Không tìm thấy lượt nhập danh sách này, hoặc lượt nhập không thuộc địa bàn của bạn.',
    },
    en: { title: 'No such import', detail: 'No such import, or it is outside your units.' },
  },
  MULTIPART_REQUIRED: {
    vi: { title: 'Cần gửi kèm tệp', detail: 'Hãy gửi yêu cầu dạng multipart/form-data có trường file.' },
    en: { title: 'A file is needed', detail: 'Send multipart/form-data with a file field.' },
  },
  MULTIPART_INVALID: {
    vi: {
      title: 'Không đọc được tệp gửi lên',
      detail: 'Nội dung multipart/form-data không đúng định dạng, hãy gửi lại tệp.',
    },
    en: { title: 'Unreadable upload', detail: 'The multipart/form-data body is malformed; send the file again.' },
  },
  FILE_REQUIRED: {
    vi: { title: 'Cần tệp danh sách', detail: 'Trường file phải chứa một tệp .xlsx hoặc .csv.' },
    en: { title: 'A list file is needed', detail: 'The file field must hold an .xlsx or .csv file.' },
  },
  FILE_TOO_LARGE: {
    vi: { title: 'Tệp quá lớn', detail: 'Tệp vượt quá dung lượng cho phép[ ({maxBytes:bytes})].' },
    en: { title: 'File too large', detail: 'The file is larger than allowed[ ({maxBytes:bytes})].' },
  },
  INVALID_MAPPING: {
    vi: {
      title: 'Bảng ánh xạ cột không hợp lệ',
      detail: 'Trường mapping phải là JSON dạng {"columns": {"householdCode": "Tên cột trong tệp"}}.',
    },
    en: { title: 'Invalid mapping', detail: 'mapping must be JSON: {"columns": {"householdCode": "column name"}}.' },
  },
} as const satisfies Readonly<Record<string, ProblemTexts>>;
