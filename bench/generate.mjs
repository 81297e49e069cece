// Synthetic policies of realistic size (the Doctolib seed has about 20
// purposes and 10 processors). Text varies per policy, so per-string caches
// cannot flatter the figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const bases = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(f)'];
const starts = ['collection', 'last-file-change', 'end-of-treatment', 'end-of-contract', 'last-contact'];
const words =
  'zorg behandeling afspraak dossier praktijk gegevens patiënt verwijzing huisarts factuur verzekeraar planning kwaliteit onderzoek website'.split(
    ' ',
  );
const enWords =
  'care treatment appointment file practice data patient referral doctor invoice insurer planning quality research website'.split(
    ' ',
  );

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same corpus. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random, vocabulary, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(vocabulary[Math.floor(random() * vocabulary.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function text(random, n = 8) {
  return { nl: sentence(random, words, n), en: sentence(random, enWords, n) };
}

/** A Markdown text: some paragraphs plain, one with a list and a link, as authors write. */
function markdown(random, i) {
  return {
    nl: `${sentence(random, words, 14)} ${sentence(random, words, 10)}\n\n- ${sentence(random, words, 5)}\n- Zie [onze website](https://example.nl/${i}) voor *meer* informatie.`,
    en: `${sentence(random, enWords, 14)} ${sentence(random, enWords, 10)}\n\n- ${sentence(random, enWords, 5)}\n- See [our website](https://example.nl/${i}) for *more* information.`,
  };
}

export function syntheticPolicy(index) {
  const random = rng(index + 1);
  const id = `clinic-${String(index).padStart(5, '0')}`;
  const categories = Array.from({ length: 25 }, (_, i) => ({
    id: `cat-${i}`,
    name: text(random, 3),
    description: text(random, 10),
    ...(i % 6 === 0 ? { special: 'health' } : {}),
  }));
  const processors = Array.from({ length: 10 }, (_, i) => ({
    id: `proc-${i}`,
    name: `Processor ${index}-${i} B.V.`,
    service: text(random, 6),
    country: i % 4 === 3 ? 'US' : 'NL',
    serverLocations: [i % 4 === 3 ? 'US' : 'EU'],
    ...(i % 4 === 3 ? { transfer: { mechanism: 'scc' } } : {}),
  }));
  const retention = Array.from({ length: 15 }, (_, i) => ({
    id: `ret-${i}`,
    name: text(random, 3),
    dataCategories: [`cat-${i}`],
    period: `P${1 + Math.floor(random() * 20)}Y`,
    from: starts[i % starts.length],
    ...(i === 0 ? { legalSource: { law: 'wgbo' } } : {}),
  }));
  const purposes = Array.from({ length: 20 }, (_, i) => {
    const basis = bases[i % bases.length];
    return {
      id: `purpose-${i}`,
      name: text(random, 4),
      description: markdown(random, i),
      legalBasis: basis,
      ...(basis === '6(1)(f)' ? { legitimateInterest: text(random, 8) } : {}),
      ...(i % 5 === 0
        ? {
            specialCategoryCondition: { condition: '9(2)(h)', lawReference: { law: 'uavg', article: 'art. 30 lid 3' } },
          }
        : {}),
      dataSubjects: ['patients', 'visitors'].slice(0, 1 + (i % 2)),
      dataCategories: [`cat-${i}`, `cat-${(i + 5) % 25}`, `cat-${(i + 11) % 25}`],
      processors: [`proc-${i % 10}`, `proc-${(i + 3) % 10}`],
      retention: [`ret-${i % 15}`],
    };
  });
  return {
    id,
    metadata: { version: '1', effectiveDate: '2026-01-01', languages: ['nl', 'en'], sourceLanguage: 'nl' },
    controller: {
      name: `Zorggroep ${index} B.V.`,
      kvkNumber: String(10000000 + index).slice(0, 8),
      address: { street: `Straat ${index}`, postalCode: '1000 AA', city: 'Amsterdam', country: 'NL' },
      contact: { email: `privacy@clinic${index}.nl`, phone: '+31 20 123 4567' },
      isCareProvider: true,
    },
    dpo: { contact: { email: `fg@clinic${index}.nl` } },
    introduction: markdown(random, 99),
    dataSubjects: [
      { id: 'patients', name: { nl: 'Patiënten', en: 'Patients' } },
      { id: 'visitors', name: { nl: 'Websitebezoekers', en: 'Website visitors' } },
    ],
    dataCategories: categories,
    purposes,
    processors,
    retention,
    rights: { howToExercise: markdown(random, 98), responseTime: 'P1M' },
    security: {
      description: markdown(random, 97),
      measures: Array.from({ length: 6 }, () => text(random, 5)),
      standards: ['NEN 7510'],
    },
    cookies: { used: true, description: markdown(random, 96) },
    complaints: { internal: markdown(random, 95) },
    changes: { noticePeriod: 'P15D', statement: markdown(random, 94) },
  };
}

/** Writes `count` policies as <dir>/policies/<id>/policy.json; returns their paths. */
export function writeCorpus(dir, count) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const policy = syntheticPolicy(i);
    const folder = path.join(dir, 'policies', policy.id);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'policy.json');
    writeFileSync(file, JSON.stringify(policy, null, 2));
    files.push(file);
  }
  return files;
}
