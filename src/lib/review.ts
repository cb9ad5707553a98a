/** The review page's groups: each kind of uncertain call, in the order an editor checks them, with its Vietnamese name. */
import type { ReviewKind } from '../schemas/extraction.ts';

export const REVIEW_KINDS: ReadonlyArray<{ kind: ReviewKind; title: string; hint: string }> = [
  { kind: 'relation-weak', title: 'Quan hệ chưa rõ', hint: 'Không câu nào nói rõ địa danh này là đối tác hay chỉ được nhắc đến.' },
  { kind: 'locality-unknown', title: 'Địa danh chưa có trong danh mục', hint: 'Tên giữ như trong bài; kiểm tra chính tả và quốc gia.' },
  { kind: 'headline-guessed', title: 'Tiêu đề được đoán', hint: 'Tiêu đề chọn trong nhiều dòng, hoặc tách khỏi dòng mở đầu.' },
  { kind: 'province-missing', title: 'Chưa xác định tỉnh', hint: 'Bài không nhắc tỉnh nào đủ rõ.' },
  { kind: 'figure-unlabelled', title: 'Con số chưa rõ đo gì', hint: 'Câu không nói con số đo gì; nhãn trong bảng số liệu là nhãn chung.' },
];

/** Site-relative path of a kind's list on the review page. */
export const reviewPath = (kind: ReviewKind) => `kiem-tra/${kind}/`;
