/**
 * How reports write things, as data: classifier words around foreign localities, counter nouns and
 * currencies after figures, web-page chrome, dateline markers of outlets, and the VNI-Windows table.
 * Each file is validated here when loaded; every stage reads these tables from here.
 */
import { z } from 'zod';
import factUnitsRaw from './data/fact-units.json' with { type: 'json' };
import foreignLocalitiesRaw from './data/foreign-localities.json' with { type: 'json' };
import noiseRulesRaw from './data/noise-rules.json' with { type: 'json' };
import outletsRaw from './data/outlets.json' with { type: 'json' };
import vniRaw from './data/vni.json' with { type: 'json' };
import relationCuesRaw from './data/relation-cues.json' with { type: 'json' };
import { FactUnit, PartnerKind } from '../schemas/extraction.ts';
import { loadData, Source, SourcedList } from './load.ts';

const Words = z.array(z.string().min(1)).min(1);

const FactUnitsFile = z.object({
  source: Source,
  sources: z.record(z.string(), Source),
  currencies: z.array(z.object({ unit: FactUnit, words: Words })).min(1),
  counts: z.array(z.object({ unit: FactUnit, words: Words })).min(1),
  ignore: Words,
  qualifiers: Words,
  ordinalBefore: Words,
  referenceBefore: Words,
  directions: Words,
  moneyContext: Words,
  fractionBefore: Words,
  fractionAfter: Words,
  labelHeads: z.array(z.object({ words: z.string().min(1), label: z.string().min(1).optional() })).min(1),
  labelRewrites: z.array(z.object({ from: z.string().min(1), to: z.string().min(1) })).min(1),
  labelStops: Words,
  labelSoftBreaks: Words,
  notCounters: Words,
  groupAfter: Words,
});

/** Counter nouns, currencies and the words around figures (data/fact-units.json). */
export const factUnits = loadData('fact-units.json', FactUnitsFile, factUnitsRaw);

const ForeignLocalitiesFile = z.object({
  source: Source,
  countries: z.array(z.string().regex(/^[a-z]{2}$/)),
  classifiers: z.object({ source: Source, entries: z.array(z.object({ word: z.string().min(1), kinds: z.array(PartnerKind).min(1) })).min(1) }),
  kindByCountry: z.object({ source: Source, entries: z.record(z.string().regex(/^[A-Z]{2}$/), z.partialRecord(PartnerKind, PartnerKind)) }),
  groupQuantifiers: SourcedList,
  listIntroducers: SourcedList,
  listJoiners: SourcedList,
  countryLinks: SourcedList,
  organisationHeads: SourcedList,
  notNames: SourcedList,
});

/** Classifier words and list phrasing around foreign localities (data/foreign-localities.json). */
export const localityPhrases = loadData('foreign-localities.json', ForeignLocalitiesFile, foreignLocalitiesRaw);

/** A JavaScript regular expression source that compiles with the flags the segmenter uses. */
const Pattern = z.string().refine((p) => {
  try {
    new RegExp(p, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'a valid regular expression (flags iu)');
const NoiseRule = z.object({
  name: z.string().regex(/^[a-z-]+$/),
  pattern: Pattern,
  /** RegExp flags; 'iu' unless the rule depends on case (mastheads in capitals). */
  flags: z.enum(['iu', 'u']).default('iu'),
});

const NoiseRulesFile = z.object({
  $comment: Source,
  line: z.array(NoiseRule).min(1),
  tail: z.array(NoiseRule).min(1),
  before: z.array(NoiseRule).min(1),
  sections: SourcedList,
});

/** Web-page chrome patterns (data/noise-rules.json). */
export const noiseRules = loadData('noise-rules.json', NoiseRulesFile, noiseRulesRaw);

const OutletsFile = z.object({
  $comment: Source,
  outlets: z
    .array(z.object({ marker: z.string().min(1), name: z.string().min(1), province: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/).optional() }))
    .min(1),
});

/** Dateline markers ("HBĐT", "TTXVN") and the outlets they stand for (data/outlets.json). */
export const outlets = loadData('outlets.json', OutletsFile, outletsRaw).outlets;

// An empty value is a mark byte that adds no mark of its own ("â" after e/o is the hat alone).
const Map1 = z.record(z.string().length(1), z.string());
const VniFile = z.object({ source: Source, tone: Map1, circumflex: Map1, breve: Map1, single: Map1 });

/** VNI-Windows mark bytes (data/vni.json). */
export const vniTable = loadData('vni.json', VniFile, vniRaw);

const RelationCuesFile = z.object({
  source: Source,
  cooperation: SourcedList,
  eventNouns: SourcedList,
  venueBefore: SourcedList,
  postBefore: SourcedList,
  nameHeads: SourcedList,
  backgroundBefore: SourcedList,
  distanceAfter: SourcedList,
  pairWords: SourcedList,
  events: z.object({
    source: Source,
    twinning: Words,
    established: Words,
    agreement: Words,
    meeting: Words,
    receive: Words,
    travel: Words,
    delegation: Words,
    aid: Words,
    conference: Words,
    trade: Words,
  }),
});

/** Words that tell a counterpart from a place only mentioned (data/relation-cues.json). */
export const relationCues = loadData('relation-cues.json', RelationCuesFile, relationCuesRaw);
