import type { Block } from '../../schemas/ingest.ts';
import { articleSentences, type Sentence } from './sentences.ts';

/** What every extractor reads: the article (noise removed) of one report, split once. */
export interface ExtractContext {
  file: string;
  /** Article blocks only, in text order. */
  blocks: readonly Block[];
  sentences: readonly Sentence[];
}

export function makeContext(file: string, blocks: readonly Block[]): ExtractContext {
  const article = blocks.filter((b) => b.kind !== 'noise');
  return { file, blocks: article, sentences: articleSentences(article) };
}
