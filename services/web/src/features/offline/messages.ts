import { defineMessages } from '../../lib/i18n/define';

export const offline = defineMessages(
  {
    sent: 'Đã lưu',
    kept: 'Chưa có kết nối: đã lưu trên máy, sẽ gửi khi có mạng',
    conflict: 'Hộ đã thay đổi trong lúc bạn nhập: xem và quyết định ở trang của hộ',
    refused: 'Máy chủ không nhận',
  },
  {
    sent: 'Saved',
    kept: 'No connection: kept on this device, sent when the connection returns',
    conflict: 'The household changed while you typed: review it on the household’s page',
    refused: 'The server refused it',
  },
);
