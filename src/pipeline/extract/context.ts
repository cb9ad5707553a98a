import type { Block } from '../../schemas/ingest.ts';
import { articleSentences, type Sentence } from '../../lib/sentences.ts';
import { findCountries, type CountryHit } from './countries.ts';
import { findProvinces, type ProvinceHit } from './province.ts';

/** A sentence of the article with the countries it names, found once for every extractor. */
export interface ArticleSentence extends Sentence {
  /** Country mentions (Vietnam included) with UTF-16 positions in `text`. */
  countries: readonly CountryHit[];
  /** Vietnamese province mentions, with UTF-16 positions in `text`. */
  provinces: readonly ProvinceHit[];
}

/** What every extractor reads: the article (noise removed) of one report, split once. */
export interface ExtractContext {
  file: string;
  /** Article blocks only, in text order. */
  blocks: readonly Block[];
  sentences: readonly ArticleSentence[];
}

export function makeContext(file: string, blocks: readonly Block[]): ExtractContext {
  const article = blocks.filter((b) => b.kind !== 'noise');
  const sentences = articleSentences(article).map((s) => ({ ...s, countries: findCountries(s.text), provinces: findProvinces(s.text) }));
  return { file, blocks: article, sentences };
}
