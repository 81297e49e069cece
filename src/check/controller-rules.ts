import { legalFormWords } from '../law/wording-patterns.js';
import { joinPointer } from '../load/json-pointer.js';
import type { Address, Contact } from '../policy/policy-types.js';
import type { PolicyModel } from '../resolve/model.js';
import { hasContact } from '../policy/policy-facts.js';
import type { Finding, Rule } from './rules.js';

/**
 * A controller the notice must identify with its contact details (GDPR
 * 13(1)(a), 14(1)(a)): this policy's controller, another controller of a
 * purpose or a joint controller (policy.controllers), or the controller's
 * representative in the Union (art. 27).
 */
interface NamedController {
  /** Where it is in the policy: /controller, /controllers/<i> or /representative. */
  pointer: string;
  name: string;
  /** Every postal address the policy gives for it, with its pointer, in the order a reader meets them. */
  addresses: Array<{ pointer: string; address: Address }>;
  /** Whether the policy gives it any contact details at all (e-mail, telephone, web page, website or address). */
  reachable: boolean;
  /** This policy's controller, another or joint controller, or the representative. */
  role: 'own' | 'other' | 'representative';
}

/** The address and the contact's address of a party at `pointer`, those present. */
function addressesOf(pointer: string, address?: Address, contact?: Contact): NamedController['addresses'] {
  return [
    { pointer: joinPointer(pointer, 'address'), address },
    { pointer: joinPointer(pointer, 'contact', 'address'), address: contact?.address },
  ].filter((a): a is { pointer: string; address: Address } => a.address !== undefined);
}

/**
 * This policy's controller, the other controllers and the representative. The policy's general contact (policy.contact)
 * counts for its own controller.
 */
function namedControllers(model: PolicyModel): NamedController[] {
  const s = model.source;
  const c = s.controller;
  const own: NamedController = {
    pointer: '/controller',
    name: c.name,
    addresses: [...addressesOf('/controller', c.address, c.contact), ...addressesOf('', undefined, s.contact)],
    // The website counts: a website is how most people reach a practice (legal review).
    reachable: hasContact(c.contact) || c.address !== undefined || c.website !== undefined || hasContact(s.contact),
    role: 'own',
  };
  const others: NamedController[] = model.controllers.map((o) => ({
    pointer: o.pointer,
    name: o.name,
    addresses: addressesOf(o.pointer, o.address, o.contact),
    reachable: o.address !== undefined || hasContact(o.contact),
    role: 'other',
  }));
  const r = s.representative;
  const representative: NamedController[] = r
    ? [
        {
          pointer: '/representative',
          name: r.name,
          addresses: addressesOf('/representative', r.address, r.contact),
          reachable: r.address !== undefined || hasContact(r.contact),
          role: 'representative',
        },
      ]
    : [];
  return [own, ...others, ...representative];
}

/**
 * Controllers the policy gives no contact details at all: this policy's
 * controller at its (missing) contact, the others by name; `other` selects
 * the other and joint controllers, or else this policy's controller and its
 * representative.
 */
function withoutContact(model: PolicyModel, other: boolean): Finding[] {
  return namedControllers(model)
    .filter((c) => !c.reachable && (c.role === 'other') === other)
    .map((c) => ({
      pointer: joinPointer(c.pointer, 'contact'),
      ...(c.role === 'representative' ? { variant: 'representative' } : {}),
      ...(c.role === 'own' ? {} : { vars: { name: c.name } }),
    }));
}

/**
 * Controllers the policy gives contact details for, but no postal address:
 * none at all, or only a town (no street or PO box, so a letter cannot be
 * sent). Controllers without any contact details are reported by
 * controller/contact-missing and controller/other-contact-missing instead.
 */
function withoutPostalAddress(model: PolicyModel): Finding[] {
  return (
    namedControllers(model)
      // A placeholder name is controller/identity-missing's: the statement does not identify the controller at all.
      .filter((c) => !(c.role === 'own' && model.source.controller.placeholder))
      .filter((c) => c.reachable && !c.addresses.some(({ address }) => address.street !== undefined))
      .map((c): Finding => {
        const partial = c.addresses[0];
        return partial
          ? { pointer: partial.pointer, variant: 'incomplete', vars: { name: c.name, city: partial.address.city } }
          : { pointer: joinPointer(c.pointer, 'address'), vars: { name: c.name } };
      })
  );
}

/**
 * Controllers named without a legal form, KvK number or public-authority
 * flag: this policy's controller (unless its name is a placeholder) and the
 * other controllers. The representative is left out: it may be a person.
 */
function legalEntityUnclear(model: PolicyModel): Finding[] {
  const c = model.source.controller;
  const named = [
    ...(c.placeholder ? [] : [{ pointer: '/controller', entity: c }]),
    ...model.controllers.map((o) => ({ pointer: o.pointer, entity: o })),
  ];
  return named
    .filter(({ entity }) => !entity.kvkNumber && !entity.publicAuthority && !legalFormWords.test(entity.name))
    .map(({ pointer, entity }) => ({ pointer: joinPointer(pointer, 'name'), vars: { name: entity.name } }));
}

export const controllerRules: readonly Rule[] = [
  {
    id: 'controller/contact-missing',
    severity: 'error',
    article: 'GDPR 13(1)(a)',
    check: (model) => withoutContact(model, false),
  },
  {
    id: 'controller/other-contact-missing',
    // A warning, not an error: each joint controller is a controller, but their arrangement (26(2)) may leave informing
    // people and answering requests to this policy's controller, whose contact details the notice gives.
    severity: 'warning',
    article: 'GDPR 13(1)(a), 26',
    check: (model) => withoutContact(model, true),
  },
  {
    id: 'controller/address-missing',
    // 13(1)(a) and 14(1)(a) ask for "the contact details" without naming which: an e-mail address or web form may
    // satisfy them, so the lack of a postal address is information, not a defect. A postal address is where a person
    // can send a written request and see where the controller is established.
    severity: 'info',
    article: 'GDPR 13(1)(a), 14(1)(a)',
    check: withoutPostalAddress,
  },
  {
    id: 'controller/legal-entity-unclear',
    // Doubt: 13(1)(a) asks for the controller's identity; a trade name without legal form or KvK number may not say which legal person is responsible. Info, not a defect in itself.
    severity: 'info',
    article: 'GDPR 13(1)(a)',
    check: legalEntityUnclear,
  },
];
