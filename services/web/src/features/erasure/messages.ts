import { defineMessages } from '../../lib/i18n/define';

export const erasure = defineMessages(
  {
    title: 'Xoá dữ liệu cá nhân',
    hint: 'Xoá họ tên, số định danh của chủ hộ và các thành viên, nội dung ghi chú và lý do gắn cờ trong mọi sự kiện của hộ. Không thể hoàn tác. Phân loại, số liệu báo cáo và phân tích giữ nguyên; lịch sử ghi lại việc xoá, người xoá và lý do.',
    reason: 'Lý do xoá',
    reasonHint: 'Ví dụ: đơn yêu cầu của chủ hộ, số và ngày văn bản (10–500 ký tự)',
    save: 'Xoá dữ liệu cá nhân',
    cancel: 'Hủy',
    confirmTitle: 'Xác nhận xoá dữ liệu cá nhân',
    confirmText:
      'Xoá vĩnh viễn dữ liệu cá nhân của hộ {{head}}? Họ tên và số định danh sẽ không còn hiển thị ở bất kỳ đâu. Lý do: {{reason}}',
    confirm: 'Xoá vĩnh viễn',
    back: 'Quay lại',
    done: 'Đã xoá dữ liệu cá nhân của {{count}} sự kiện.',
  },
  {
    title: 'Erase personal data',
    hint: 'Erases the names and ID numbers of the head and the members, note texts and flag reasons from every event of the household. It cannot be undone. Classification, report figures and analytics stay as they are; the history records the erasure, who made it and why.',
    reason: 'Reason for the erasure',
    reasonHint: 'E.g. the head’s written request, the document’s number and date (10–500 characters)',
    save: 'Erase personal data',
    cancel: 'Cancel',
    confirmTitle: 'Confirm the erasure',
    confirmText:
      'Permanently erase the personal data of the household {{head}}? Names and ID numbers will no longer be shown anywhere. Reason: {{reason}}',
    confirm: 'Erase permanently',
    back: 'Go back',
    done: 'The personal data of {{count}} event(s) was erased.',
  },
);
