/** What a dental chain's head office fills in once for each placeholder of its base (preset:tandarts). */
export const chainSharedValues: Record<string, string | boolean> = {
  'effective-date': '2027-01-15',
  'processor-name': 'Dossier Software B.V.',
  'processor-country': 'NL',
  'automated-decisions': false,
  'complaints-officer': 'Klachtenbureau Mondzorg',
  'complaints-officer-contact': 'https://klachten.example/mondzorg',
  'disputes-body': 'Geschillencommissie Mondzorg',
  'disputes-body-url': 'https://geschillen.example/mondzorg',
};

/** What one of its practices, in Delft, fills in for its own details. */
export const delftPracticeValues: Record<string, string> = {
  'practice-name': 'Glimlach Tandartsen Delft B.V.',
  'kvk-number': '87654321',
  street: 'Markt 5',
  'postal-code': '2611 GP',
  city: 'Delft',
  email: 'delft@glimlach.example',
  phone: '015 123 45 67',
};
