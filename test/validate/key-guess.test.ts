import { describe, expect, it } from 'vitest';
import { guessKey } from '../../src/validate/key-guess.js';

describe('guessKey', () => {
  it('guesses a typo, a Dutch word, a start or a containment, only where one key fits', () => {
    const contact = ['email', 'phone', 'url'];
    expect(guessKey('emial', contact)).toBe('email');
    expect(guessKey('telefoonnummer', contact)).toBe('phone');
    expect(guessKey('Telefoon', contact)).toBe('phone');
    expect(guessKey('phoneNumber', contact)).toBe('phone');
    expect(guessKey('e-mailadres', contact)).toBe('email');
    expect(guessKey('kvk', ['name', 'kvkNumber', 'address'])).toBe('kvkNumber');
    // A Dutch word for a key not allowed here gets no guess, nor does a start two keys share.
    expect(guessKey('postcode', contact)).toBeUndefined();
    expect(guessKey('leg', ['legalBasis', 'legalBases'])).toBeUndefined();
    expect(guessKey('xy', ['xylophone'])).toBeUndefined();
  });
});
