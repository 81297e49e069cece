/**
 * Known third parties that websites of Dutch care providers load: who they
 * are, where they are established, and how `policyc audit-site` recognises
 * them. Data, not code: add an entry to recognise another party.
 *
 * - `domains`: hosts the party serves from; a host matches a domain when it
 *   is that domain or a sub-domain of it.
 * - `ids`: regular expressions for tag ids written as strings in HTML or
 *   script (GTM-XXXX, G-XXXX, UA-…).
 * - `globals`: names of the party's script API (fbq, gtag): a script that
 *   calls them, or reads or writes them on `window`, uses the party even when
 *   its URL is built at run time. Only distinctive names: minified code uses
 *   short local names such as `ga` for anything.
 * - `cookies`: cookie names the party sets (a trailing * matches any ending).
 * - `names`: how a policy may name the party as processor or recipient
 *   (whole words, any case); the first is the name shown in messages.
 * - `consent`: does placing it need consent under Telecommunicatiewet
 *   art. 11.7a? 'required' (stores or reads information on the visitor's
 *   device and is not strictly necessary), 'not-required' (stores nothing on
 *   the device; the visitor's IP address still reaches the party, which makes
 *   it a recipient to name), 'depends' (the reason is in
 *   locales/<lang>/site.json under `depends.<id>`).
 *   The legal review (/work/shared/reviews/legal-review.md, "Checks missing"
 *   item 2) names art. 11.7a consent for trackers on health websites; the
 *   exceptions in art. 11.7a(3) (transmission, strictly necessary, analytics
 *   with little or no impact on privacy: 11.7a(3)(b), "mits dit geen of
 *   geringe gevolgen heeft voor de persoonlijke levenssfeer … om informatie
 *   te verkrijgen over de kwaliteit of effectiviteit van een geleverde
 *   dienst") were read in the consolidation of 2026-08-15 (article version
 *   in force since 2018-07-28, Stb. 2018, 247; verify3), unchanged from the
 *   March 2015 text.
 * - `alternative`: a host the same party offers for a more private mode
 *   (YouTube's youtube-nocookie.com); using the party without it is reported.
 * - `source`: where the company, its country and its domains come from.
 */
export type ConsentNeed = 'required' | 'not-required' | 'depends';

export interface ThirdParty {
  id: string;
  names: readonly string[];
  company: string;
  /** ISO 3166-1 alpha-2 country where `company` is established. */
  country: string;
  /** Parent company outside the EEA that data may be transferred to. */
  parent?: { company: string; country: string };
  domains: readonly string[];
  ids?: readonly string[];
  globals?: readonly string[];
  cookies?: readonly string[];
  consent: ConsentNeed;
  alternative?: string;
  source: string;
}

const google = {
  company: 'Google Ireland Limited',
  country: 'IE',
  parent: { company: 'Google LLC', country: 'US' },
} as const;
/** Google's privacy policy: Google Ireland Limited is the controller for users in the EEA. */
const googlePrivacy = 'https://policies.google.com/privacy';

export const thirdParties: readonly ThirdParty[] = [
  {
    id: 'google-tag-manager',
    names: ['Google Tag Manager', 'Google'],
    ...google,
    domains: ['googletagmanager.com'],
    ids: ['^GTM-[A-Z0-9]{4,}$'],
    consent: 'depends',
    source: 'https://support.google.com/tagmanager/answer/9323295',
    // Tag Manager itself sets no cookies; the tags it loads may (each is reported where the site names it).
  },
  {
    id: 'google-analytics',
    names: ['Google Analytics', 'Google'],
    ...google,
    domains: ['google-analytics.com', 'analytics.google.com'],
    ids: ['^G-[A-Z0-9]{6,}$', '^UA-\\d{4,}-\\d+$'],
    globals: ['gtag', '_gaq'],
    cookies: ['_ga', '_ga_*', '_gid', '_gat', '_gat_*'],
    consent: 'required',
    source: googlePrivacy,
    // The AP lets analytics go without consent only when set up privacy-friendly (processor agreement, masked IP, no sharing with Google); treated here as needing consent (verify against the AP's current guidance).
  },
  {
    id: 'google-ads',
    names: ['Google Ads', 'DoubleClick', 'Google'],
    ...google,
    domains: ['doubleclick.net', 'googleadservices.com', 'googlesyndication.com'],
    ids: ['^AW-\\d{6,}$'],
    cookies: ['_gcl_*', 'IDE', 'test_cookie'],
    consent: 'required',
    source: googlePrivacy,
  },
  {
    id: 'google-fonts',
    names: ['Google Fonts', 'Google'],
    ...google,
    domains: ['fonts.googleapis.com', 'fonts.gstatic.com'],
    consent: 'not-required',
    source: 'https://developers.google.com/fonts/faq/privacy',
    // Google Fonts sets no cookies, but every page view sends the visitor's IP address to Google; self-hosting the fonts avoids it.
  },
  {
    id: 'youtube',
    names: ['YouTube', 'Google'],
    ...google,
    domains: ['youtube.com', 'youtu.be', 'ytimg.com'],
    alternative: 'youtube-nocookie.com',
    cookies: ['YSC', 'VISITOR_INFO1_LIVE', 'PREF'],
    consent: 'required',
    source: 'https://support.google.com/youtube/answer/171780',
  },
  {
    id: 'youtube-nocookie',
    names: ['YouTube', 'Google'],
    ...google,
    domains: ['youtube-nocookie.com'],
    consent: 'depends',
    source: 'https://support.google.com/youtube/answer/171780',
    // Privacy-enhanced mode: YouTube says it does not use the view to personalise until the visitor plays the video; the player still stores data in the browser.
  },
  {
    id: 'google-maps',
    names: ['Google Maps', 'Google'],
    ...google,
    domains: ['maps.google.com', 'maps.googleapis.com', 'maps.gstatic.com'],
    consent: 'required',
    source: googlePrivacy,
  },
  {
    id: 'meta-pixel',
    names: ['Meta', 'Facebook', 'Meta Pixel'],
    company: 'Meta Platforms Ireland Limited',
    country: 'IE',
    parent: { company: 'Meta Platforms, Inc.', country: 'US' },
    domains: ['connect.facebook.net', 'facebook.com', 'facebook.net'],
    globals: ['fbq', '_fbq'],
    cookies: ['_fbp', '_fbc', 'fr'],
    consent: 'required',
    source: 'https://www.facebook.com/privacy/policy',
  },
  {
    id: 'hotjar',
    names: ['Hotjar', 'Contentsquare'],
    company: 'Hotjar Ltd',
    country: 'MT',
    domains: ['hotjar.com', 'hotjar.io'],
    globals: ['_hjSettings'],
    cookies: ['_hj*'],
    consent: 'required',
    source: 'https://www.hotjar.com/legal/policies/privacy/',
  },
  {
    id: 'microsoft-clarity',
    names: ['Microsoft Clarity', 'Microsoft'],
    company: 'Microsoft Corporation',
    country: 'US',
    domains: ['clarity.ms'],
    globals: ['clarity'],
    cookies: ['_clck', '_clsk', 'CLID'],
    consent: 'required',
    source: 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list',
    // Company from the Clarity terms of use (verify the contracting entity for EEA customers).
  },
  {
    id: 'linkedin-insight',
    names: ['LinkedIn'],
    company: 'LinkedIn Ireland Unlimited Company',
    country: 'IE',
    parent: { company: 'LinkedIn Corporation', country: 'US' },
    domains: ['licdn.com', 'ads.linkedin.com'],
    globals: ['_linkedin_partner_id', 'lintrk'],
    cookies: ['li_fat_id', 'bcookie', 'lidc'],
    consent: 'required',
    source: 'https://www.linkedin.com/legal/privacy-policy',
  },
  {
    id: 'tiktok-pixel',
    names: ['TikTok'],
    company: 'TikTok Technology Limited',
    country: 'IE',
    domains: ['analytics.tiktok.com'],
    globals: ['ttq'],
    cookies: ['_ttp'],
    consent: 'required',
    source: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
  },
  {
    id: 'vimeo',
    names: ['Vimeo'],
    company: 'Vimeo.com, Inc.',
    country: 'US',
    domains: ['vimeo.com', 'vimeocdn.com'],
    cookies: ['vuid'],
    consent: 'required',
    source: 'https://vimeo.com/privacy',
  },
  {
    id: 'matomo-cloud',
    names: ['Matomo', 'InnoCraft'],
    company: 'InnoCraft Ltd',
    country: 'NZ',
    domains: ['matomo.cloud'],
    globals: ['_paq'],
    cookies: ['_pk_*'],
    consent: 'depends',
    source: 'https://matomo.org/privacy-policy/',
    // Analytics with little or no impact on privacy may go without consent (art. 11.7a(3)(b); see above); Matomo can run without cookies.
  },
];
