import { describe, expect, it } from 'vitest';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * The party tables: a party that takes data outside the EEA while none of the places it names is outside
 * it leaves the third country unstated, which art. 13(1)(f) asks about; its empty location cells say
 * 'Niet vermeld in deze verklaring', not '—'. Other empty cells, and those of other parties, stay '—'.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
const row = (notice: string, name: string): string => notice.split('\n').find((l) => l.startsWith(`| **${name}**`))!;

function tables() {
  const policy = miniPolicy();
  const service = text('Dienst', 'Service');
  policy.processors = [
    { id: 'clauses', name: 'Clausules', service, transfer: { mechanism: 'scc' } },
    { id: 'dublin', name: 'Dublin', service, country: 'IE', transfer: { mechanism: 'scc' } },
    { id: 'abroad', name: 'Overzee', service, country: 'US' },
    { id: 'home', name: 'Thuis', service },
  ];
  policy.recipients = [
    { id: 'lab', name: text('Lab'), type: 'third-party', transfer: { mechanism: 'bcr' } },
    { id: 'insurer', name: text('Verzekeraar', 'Insurer'), type: 'insurer' },
  ];
  return policyOutputs(policy).notice;
}

describe("a transfer party's unstated third country in the party tables", () => {
  const notice = tables();

  it("says 'niet vermeld in deze verklaring' where it is established and stores, and in the recipients' table", () => {
    expect(row(notice.nl, 'Clausules')).toBe(
      '| **Clausules** | Dienst | Niet vermeld in deze verklaring | Niet vermeld in deze verklaring | Standaardbepalingen inzake gegevensbescherming van de Europese Commissie (artikel 46, lid 2, onder c, AVG) |',
    );
    expect(row(notice.nl, 'Lab')).toMatch(
      /^\| \*\*Lab\*\* \| [^|]+ \| — \| Niet vermeld in deze verklaring \| Bindende /,
    );
    expect(row(notice.en, 'Clausules')).toMatch(
      /^\| \*\*Clausules\*\* \| Service \| Not stated in this notice \| Not stated in this notice \| Standard /,
    );
  });

  it('says it of the storage where the establishment is inside the EEA', () => {
    expect(row(notice.nl, 'Dublin')).toMatch(
      /^\| \*\*Dublin\*\* \| Dienst \| Ierland \| Niet vermeld in deze verklaring \| /,
    );
  });

  it("keeps '—' where a country outside the EEA is named, and for parties that stay inside it", () => {
    expect(row(notice.nl, 'Overzee')).toBe(
      '| **Overzee** | Dienst | Verenigde Staten | — | Niet vermeld in deze verklaring |',
    );
    expect(row(notice.nl, 'Thuis')).toBe('| **Thuis** | Dienst | — | — | — |');
    expect(row(notice.nl, 'Verzekeraar')).toBe('| **Verzekeraar** | Zorgverzekeraar | — | — | — |');
  });
});

describe('the list of parties through which data leaves the EEA', () => {
  const intro = (notice: string): string => notice.split('\n').find((l) => l.endsWith('Europese Economische Ruimte:'))!;

  it('says data goes outside the EEA through them, not that they are established or store there (a ground alone says neither)', () => {
    const notice = tables();
    expect(intro(notice.nl)).toBe(
      'Via deze verwerkers en ontvangers gaan gegevens naar buiten de Europese Economische Ruimte:',
    );
    // A ground without a country outside the EEA: the country is not stated in this statement, as in the party tables.
    expect(notice.nl).toContain('\n- Clausules: land niet vermeld in deze verklaring — standaardbepalingen');
    expect(notice.nl).toContain('\n- Lab: land niet vermeld in deze verklaring — bindende bedrijfsvoorschriften');
    expect(notice.en).toContain('\n- Clausules: country not stated in this notice — ');
    expect(notice.nl).toContain('\n- Overzee: Verenigde Staten\n');
    expect(notice.en).toContain(
      'Through these processors and recipients, data goes outside the European Economic Area:',
    );
  });

  it('names the kind of party the list holds, and one as one', () => {
    const policy = miniPolicy();
    const service = text('Dienst', 'Service');
    policy.processors = [{ id: 'abroad', name: 'Overzee', service, country: 'US' }];
    expect(intro(policyOutputs(policy).notice.nl)).toBe(
      'Via deze verwerker gaan gegevens naar buiten de Europese Economische Ruimte:',
    );
    policy.processors.push({ id: 'far', name: 'Ver', service, serverLocations: ['JP'] });
    expect(intro(policyOutputs(policy).notice.nl)).toBe(
      'Via deze verwerkers gaan gegevens naar buiten de Europese Economische Ruimte:',
    );
    policy.processors = [];
    policy.recipients = [{ id: 'lab', name: text('Lab'), type: 'third-party', country: 'CH' }];
    expect(policyOutputs(policy).notice.en).toContain(
      'Through this recipient, data goes outside the European Economic Area:',
    );
  });
});

describe('the general transfer grounds (transfers.mechanisms)', () => {
  it('are led in as what is used if data go outside the EEA, not as transfers that take place (IES)', () => {
    const policy = miniPolicy();
    policy.transfers = { storageLocations: ['NL'], mechanisms: [{ mechanism: 'scc' }] };
    const { nl, en } = policyOutputs(policy).notice;
    expect(nl).toContain(
      'Als wij gegevens doorgeven naar buiten de Europese Economische Ruimte, gebruiken wij daarvoor:\n\n- Standaardbepalingen',
    );
    expect(en).toContain('If we transfer data outside the European Economic Area, we rely on:\n\n- ');
    expect(nl).not.toContain('maken wij gebruik van');
  });
});
