/**
 * The calls of one report an editor should check in minutes: a locality the gazetteer does not
 * know, a relation no sentence states clearly, a headline chosen among several or cut out of a line,
 * a report without a subject province, a figure whose sentence does not say what it measures.
 */
import type { Block } from '../../schemas/ingest.ts';
import type { Fact, Partner, ProvinceRef, ReviewItem } from '../../schemas/extraction.ts';
import { GENERIC_LABELS } from './facts.ts';

const GENERIC = new Set<string>([GENERIC_LABELS.amount, GENERIC_LABELS.share]);

export function reviewItems(report: {
  blocks: readonly Block[];
  province: ProvinceRef | null;
  partners: readonly Partner[];
  facts: readonly Fact[];
}): ReviewItem[] {
  const out: ReviewItem[] = [];
  const headline = report.blocks.find((b) => b.kind === 'headline');
  if (headline && (headline.reason === 'headline-of-several' || headline.reason === 'headline-run-into-lede')) {
    out.push({
      kind: 'headline-guessed',
      subject: headline.text,
      note: headline.reason === 'headline-of-several' ? 'chọn trong nhiều dòng có thể là tiêu đề' : 'tách khỏi dòng mở đầu, trước dấu nguồn tin',
      sentence: null,
      line: headline.line,
    });
  }
  if (!report.province) {
    out.push({ kind: 'province-missing', subject: 'Chưa xác định tỉnh', note: 'không tỉnh nào được nhắc đủ rõ để là tỉnh của bài', sentence: null, line: null });
  }
  for (const p of report.partners) {
    const subject = `${p.asWritten[0] ?? p.name} (${p.country})`;
    if (!p.inGazetteer) {
      out.push({ kind: 'locality-unknown', subject, note: 'địa danh chưa có trong danh mục, giữ như trong bài', sentence: p.sentences[0]?.sentence ?? null, line: p.sentences[0]?.line ?? null });
    }
    if (p.evidence.weak) {
      out.push({ kind: 'relation-weak', subject, note: `${p.relation === 'partner' ? 'đối tác' : 'chỉ được nhắc đến'}: ${p.evidence.reason}`, sentence: p.evidence.sentence, line: p.evidence.line });
    }
  }
  for (const f of report.facts) {
    if (GENERIC.has(f.label)) out.push({ kind: 'figure-unlabelled', subject: f.text, note: 'câu không nói rõ con số đo gì', sentence: f.sentence, line: f.line });
  }
  return out;
}
