/**
 * The patient's rights over the medical file under the WGBO (Wet op de
 * geneeskundige behandelingsovereenkomst, Burgerlijk Wetboek book 7,
 * title 7, section 5), as data. For a care provider these take precedence
 * over the general GDPR wording for erasure and access (legal-review.md
 * item 1; UAVG art. 5 does not replace them). The texts live in
 * locales/<lang>/terms.json under patientRight.<id>; sources are the
 * articles of the Burgerlijk Wetboek on wetten.overheid.nl.
 */
export type PatientRightId = 'destruction' | 'statement' | 'inspection' | 'minors' | 'deceased';

export interface PatientRightFacts {
  id: PatientRightId;
  /** The articles of the Burgerlijk Wetboek that grant the right. */
  articles: readonly string[];
  source: string;
}

const bw7 = 'https://wetten.overheid.nl/BWBR0005290/';

export const patientRights: readonly PatientRightFacts[] = [
  // 7:455: destruction within three months of the request; refused only when keeping the file is of
  // considerable importance to someone other than the patient, or a statutory provision prevents it.
  // The 20-year term of 7:454(3) is not such a ground.
  { id: 'destruction', articles: ['BW 7:455'], source: bw7 },
  // 7:454(2): a statement by the patient about the file is added at the patient's request.
  { id: 'statement', articles: ['BW 7:454(2)'], source: bw7 },
  // 7:456: inspection of and a copy of the file, with the care provider's duty of confidentiality as limit.
  { id: 'inspection', articles: ['BW 7:456'], source: bw7 },
  // Minors: under 12 the parents or guardian act (7:465(1)); from 12 to 15 the minor exercises the file
  // rights, the parents inspect only with the minor's consent unless they must consent to a treatment
  // themselves (treatment needs the consent of both: 7:450); from 16 the minor acts alone (7:447). Secondary source
  // for the 12-15 rule: AVG Helpdesk Zorg, https://www.avghelpdeskzorg.nl/onderwerpen/jeugd/147---inzage
  // (the earlier wording "child and parents together" was the treatment rule, not the file's).
  { id: 'minors', articles: ['BW 7:447', 'BW 7:450', 'BW 7:465'], source: bw7 },
  // 7:458a: after death, inspection and copy for relatives with a substantial interest or the patient's presumed consent.
  { id: 'deceased', articles: ['BW 7:458a'], source: bw7 },
];
