import type { ProblemTexts } from './format.js';

/** Problems of the web app's accounts and sessions: signing in, passwords, administering accounts. */
export const ACCOUNT_PROBLEM_MESSAGES = {
  INVALID_CREDENTIALS: {
    vi: { title: 'Đăng nhập không thành công', detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
    en: { title: 'Sign-in failed', detail: 'The username or the password is wrong.' },
  },
  ACCOUNT_LOCKED: {
    vi: {
      title: 'Tài khoản tạm bị khóa',
      detail:
        'Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {retryAfterSeconds} giây hoặc liên hệ quản trị viên.',
    },
    en: {
      title: 'Account locked',
      detail: 'Too many failed sign-ins: try again in {retryAfterSeconds} seconds or ask an administrator.',
    },
  },
  ACCOUNT_DISABLED: {
    vi: {
      title: 'Tài khoản đã bị vô hiệu hóa',
      detail: 'Tài khoản này đã bị vô hiệu hóa; vui lòng liên hệ quản trị viên.',
    },
    en: { title: 'Account disabled', detail: 'This account is disabled; ask an administrator.' },
  },
  SESSION_EXPIRED: {
    vi: { title: 'Phiên đăng nhập đã hết hạn', detail: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.' },
    en: { title: 'Authentication required', detail: 'The session has expired; sign in again.' },
  },
  SESSION_REVOKED: {
    vi: { title: 'Phiên đăng nhập đã kết thúc', detail: 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.' },
    en: { title: 'Authentication required', detail: 'The session has ended; sign in again.' },
  },
  SESSION_REQUIRED: {
    vi: { title: 'Cần đăng nhập trên ứng dụng', detail: 'Vui lòng đăng nhập trên ứng dụng web để đổi mật khẩu.' },
    en: { title: 'Not allowed', detail: 'Sign in to the web app to change a password.' },
  },
  CSRF_INVALID: {
    vi: {
      title: 'Yêu cầu bị từ chối',
      detail: 'Yêu cầu thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Vui lòng tải lại trang và thử lại.',
    },
    en: {
      title: 'Request refused',
      detail: 'The X-CSRF-Token header is missing or wrong: reload the page and try again.',
    },
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: {
      title: 'Cần đổi mật khẩu',
      detail: 'Bạn cần đổi mật khẩu dùng một lần trước khi thực hiện các thao tác khác.',
    },
    en: { title: 'Password change required', detail: 'Change the one-time password before anything else.' },
  },
  PASSWORD_TOO_SHORT: {
    vi: { title: 'Mật khẩu quá ngắn', detail: 'Mật khẩu phải có ít nhất {minLength} ký tự.' },
    en: { title: 'The password is too short', detail: 'A password needs at least {minLength} characters.' },
  },
  PASSWORD_EQUALS_USERNAME: {
    vi: { title: 'Mật khẩu trùng tên đăng nhập', detail: 'Mật khẩu không được trùng với tên đăng nhập.' },
    en: { title: 'The password is the username', detail: 'A password may not be the username.' },
  },
  PASSWORD_UNCHANGED: {
    vi: { title: 'Mật khẩu chưa được đổi', detail: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
    en: { title: 'Password not changed', detail: 'Choose a new password.' },
  },
  CURRENT_PASSWORD_INCORRECT: {
    vi: { title: 'Mật khẩu chưa được đổi', detail: 'Mật khẩu hiện tại không đúng.' },
    en: { title: 'Password not changed', detail: 'The current password is wrong.' },
  },
  JSON_REQUIRED: {
    vi: { title: 'Cần gửi dạng JSON', detail: 'Thông tin đăng nhập phải được gửi dưới dạng application/json.' },
    en: { title: 'JSON required', detail: 'Send the credentials as application/json.' },
  },
  USER_NOT_FOUND: {
    vi: { title: 'Không tìm thấy tài khoản', detail: 'Không có tài khoản người dùng này.' },
    en: { title: 'Not found', detail: 'No such account.' },
  },
  USERNAME_TAKEN: {
    vi: {
      title: 'Tên đăng nhập đã tồn tại',
      detail: 'Tên đăng nhập[ {username}] đã được sử dụng; vui lòng chọn tên khác.',
    },
    en: { title: 'Username taken', detail: 'The username[ {username}] is already in use.' },
  },
  LAST_ADMIN: {
    vi: {
      title: 'Quản trị viên cuối cùng',
      detail: 'Đây là quản trị viên cuối cùng còn hoạt động; hãy tạo hoặc kích hoạt một quản trị viên khác trước.',
    },
    en: {
      title: 'Last administrator',
      detail: 'This is the last enabled administrator: create or enable another one first.',
    },
  },
} as const satisfies Readonly<Record<string, ProblemTexts>>;
