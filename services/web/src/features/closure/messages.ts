import { defineMessages } from '../../lib/i18n/define';

export const closure = defineMessages(
  {
    title: 'Đóng hồ sơ hộ',
    hint: 'Hộ thôi được theo dõi. Sau khi đóng, không ghi thêm được gì cho hộ; chỉ có thể hủy việc đóng hồ sơ ở mục "Sửa hoặc hủy sự kiện".',
    reason: 'Lý do đóng hồ sơ',
    reasons: {
      dissolved: 'Hộ giải thể (không còn là một hộ)',
      moved_away: 'Hộ chuyển đi nơi khác, ngoài địa bàn theo dõi',
      deceased: 'Các thành viên của hộ đã qua đời',
    },
    occurredAt: 'Ngày đóng hồ sơ',
    save: 'Lưu',
    cancel: 'Hủy',
    confirmTitle: 'Xác nhận đóng hồ sơ',
    confirmText: 'Đóng hồ sơ hộ {{head}} từ ngày {{date}}, lý do: {{reason}}?',
    confirm: 'Đóng hồ sơ',
    back: 'Quay lại',
  },
  {
    title: 'Close the household’s case',
    hint: 'The household is no longer followed. Once closed nothing more can be recorded for it; only voiding the closure (under "Amend or void an event") reopens it.',
    reason: 'Reason for closing',
    reasons: {
      dissolved: 'The household dissolved (no longer a household)',
      moved_away: 'The household moved away, out of the area followed',
      deceased: 'The household’s members have died',
    },
    occurredAt: 'Closing date',
    save: 'Save',
    cancel: 'Cancel',
    confirmTitle: 'Confirm the closure',
    confirmText: 'Close the case of {{head}} from {{date}}, because: {{reason}}?',
    confirm: 'Close the case',
    back: 'Go back',
  },
);
