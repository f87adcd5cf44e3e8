import { defineMessages } from '../../lib/i18n/define';

export const notes = defineMessages(
  {
    title: 'Ghi chú',
    text: 'Nội dung ghi chú',
    category: 'Loại ghi chú',
    categoryNone: 'Không phân loại',
    categories: { visit: 'Thăm hộ', call: 'Gọi điện', observation: 'Quan sát', other: 'Khác' },
    occurredAt: 'Ngày',
    save: 'Lưu',
    cancel: 'Hủy',
  },
  {
    title: 'Note',
    text: 'Note',
    category: 'Kind of note',
    categoryNone: 'No kind',
    categories: { visit: 'Home visit', call: 'Phone call', observation: 'Observation', other: 'Other' },
    occurredAt: 'Date',
    save: 'Save',
    cancel: 'Cancel',
  },
);
