import type { DataSubject, PolicyModel, Processor, Purpose, Recipient } from '../resolve/model.js';
import type { Messages } from '../i18n/messages.js';
import type { NoticeContext } from './notice-context.js';
import { link, text, type Block } from './outline.js';
import { recipientNameInSentence } from './recipient-name.js';
import { joinList, nameOf, pick } from './format.js';

/** The names of those who receive the data, in characters: about two lines on a phone (ies's five took five). */
const MOST_NAME_CHARACTERS = 80;

type Receiver = Recipient | Processor;

/**
 * Who else receives the data, by name, each name once (a party with two processor rows, Salesforce, is
 * one receiver). Processors alone are named as the service providers that work for us, 'among others':
 * the recipients the statement describes in its own words (or none) are not in that list. Named
 * recipients are the whole list only where the statement says nothing of sharing in its own words:
 * where it does ('hosting, our Microsoft tenants and other services'), it may name more than the
 * model holds, and the line says 'among others'. Unless the author says the named parties are all
 * (recipientsComplete: Dental's 'alleen met de partijen in de tabellen hieronder, en met niemand anders'),
 * not read from the sharing text, where 'uitsluitend' and 'only' also say other things (Doctolib, iPractice).
 * A section with only the author's words gets a pointer to it.
 * A receiver that gets only the data of people the notice is mostly not about (Dental's Google and Facebook:
 * website visitors' cookie data) is left out, and the line then says 'among others': in 'je gegevens gaan
 * naar' a patient read that their dental data went to Google (notice7 F3). The table it links to names them,
 * with whose data. A line of their own ('Gegevens van websitebezoekers gaan naar: …') took Dental's summary
 * past a phone's screen (758 of 740 px, test/browser/summary-screen.test.ts); in the same paragraph, 767.
 */
export function receiverBlocks({ source, model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!ids.has('recipients')) return [];
  const receivers: Receiver[] = [...model.recipients, ...model.processors];
  const main = mainSubjects(model.purposes);
  const named = receivers.filter((r) => !othersOnly(r, main));
  if (!named.length) return [{ paragraph: [link(m.t('layout:summary.receiversRead'), '#recipients')] }];
  const recipients = named.filter((r) => model.recipients.includes(r as Recipient));
  // A list that leaves some out is 'among others', whatever the statement says of its own list.
  const lead =
    source.recipientsComplete && named.length === receivers.length
      ? 'layout:summary.receivers'
      : !recipients.length
        ? 'layout:summary.receiversProcessors'
        : pick(source.sharing, m) || named.length < receivers.length
          ? 'layout:summary.receiversAmongOthers'
          : 'layout:summary.receivers';
  return [{ paragraph: [text(m.t(lead)), link(namesLine(named, model, m), '#recipients')] }];
}

/**
 * Whether the receiver gets only the data of people the notice is mostly not about: every purpose that names it
 * names data subjects, none of them among those most purposes name. A receiver no purpose names is not, nor one
 * of a purpose that names no data subjects: of whom it gets data, the statement does not say (possibly the
 * patients, as policy-facts' consentInTreatment reads it).
 */
function othersOnly(receiver: Receiver, main: ReadonlySet<DataSubject>): boolean {
  return (
    receiver.usedBy.length > 0 &&
    receiver.usedBy.every((p) => p.dataSubjects.length > 0 && !p.dataSubjects.some((s) => main.has(s)))
  );
}

/** The data subjects named by the most purposes. */
function mainSubjects(purposes: readonly Purpose[]): Set<DataSubject> {
  const counts = new Map<DataSubject, number>();
  for (const p of purposes) for (const s of p.dataSubjects) counts.set(s, (counts.get(s) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([, count]) => count === most).map(([s]) => s));
}

/** The receivers' names, each once, as many as fit, and how many more. */
function namesLine(receivers: readonly Receiver[], model: PolicyModel, m: Messages): string {
  const names = [
    ...new Set(
      receivers.map((r) =>
        model.recipients.includes(r as Recipient)
          ? recipientNameInSentence(r as Recipient, m)
          : nameOf((r as Processor).name, m),
      ),
    ),
  ];
  const shown = namesThatFit(names);
  const rest = names.length - shown.length;
  return joinList([...shown, ...(rest > 0 ? [m.t('layout:summary.moreReceivers', { count: rest })] : [])], m);
}

/** The first names that fit MOST_NAME_CHARACTERS together, at least one; all of them when only one would be left out. */
function namesThatFit(names: readonly string[]): string[] {
  let length = 0;
  let count = 0;
  while (count < names.length && (count === 0 || length + names[count]!.length <= MOST_NAME_CHARACTERS))
    length += names[count++]!.length;
  return names.slice(0, count === names.length - 1 ? names.length : count);
}
