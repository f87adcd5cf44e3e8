/**
 * Vietnamese text folded for search and matching: no tone or vowel marks, đ as d, lower case, single
 * spaces. "Nguyễn Văn An" and "nguyen van an" fold alike; so do "Xã Hồng Dân" and "xa hong dan".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
