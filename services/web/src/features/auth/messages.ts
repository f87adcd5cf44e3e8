import { defineMessages } from '../../lib/i18n/define';

export const auth = defineMessages(
  {
    signIn: {
      title: 'Đăng nhập',
      intro: 'Hệ thống theo dõi hộ nghèo, hộ cận nghèo',
      username: 'Tên đăng nhập',
      password: 'Mật khẩu',
      submit: 'Đăng nhập',
      failed: 'Không đăng nhập được',
    },
    password: {
      title: 'Đổi mật khẩu',
      mustChange: 'Đây là mật khẩu dùng một lần. Hãy đặt mật khẩu mới trước khi tiếp tục.',
      current: 'Mật khẩu hiện tại',
      next: 'Mật khẩu mới',
      confirm: 'Nhập lại mật khẩu mới',
      mismatch: 'Hai mật khẩu không giống nhau',
      tooShort: 'Mật khẩu cần ít nhất 10 ký tự',
      submit: 'Đổi mật khẩu',
      changed: 'Đã đổi mật khẩu',
    },
    account: {
      title: 'Tài khoản',
      role: 'Vai trò',
      units: 'Đơn vị',
      allUnits: 'Toàn quốc',
    },
  },
  {
    signIn: {
      title: 'Sign in',
      intro: 'Following up poor and near-poor households',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      failed: 'Could not sign in',
    },
    password: {
      title: 'Change password',
      mustChange: 'This is a one-time password. Choose a new password before going on.',
      current: 'Current password',
      next: 'New password',
      confirm: 'New password again',
      mismatch: 'The two passwords differ',
      tooShort: 'A password needs at least 10 characters',
      submit: 'Change password',
      changed: 'Password changed',
    },
    account: {
      title: 'Account',
      role: 'Role',
      units: 'Units',
      allUnits: 'Whole country',
    },
  },
);
