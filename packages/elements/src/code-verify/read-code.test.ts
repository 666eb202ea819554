import { incompleteCode, readCode } from './read-code.js';
import { expect } from '../../test/helpers.js';

describe('readCode', () => {
  it('drops spaces and dashes around and inside a pasted code', () => {
    expect(readCode(' 123-456 ', 6)).to.deep.equal({ digits: '123456', letters: false });
  });

  it('reads full-width and Arabic-Indic digits', () => {
    expect(readCode('１２３４５６', 6).digits).to.equal('123456');
    expect(readCode('١٢٣٤٥٦', 6).digits).to.equal('123456');
    expect(readCode('۱۲۳۴۵۶', 6).digits).to.equal('123456');
  });

  it('finds the code in a whole message', () => {
    expect(readCode('Your code is 123456. Do not share it.', 6)).to.deep.equal({ digits: '123456', letters: false });
    expect(readCode('G-123 456 is your code. It expires in 10 minutes.', 6).digits).to.equal('123456');
  });

  it('reports letters when no code of the right length can be found', () => {
    expect(readCode('12ab', 6)).to.deep.equal({ digits: '12', letters: true });
  });

  it('keeps no more digits than the code has, however long the input', () => {
    expect(readCode('9'.repeat(10_000), 6).digits).to.equal('999999');
  });
});

describe('incompleteCode', () => {
  it('says what a code still lacks: anything at all, or some digits; nothing once complete', () => {
    expect(incompleteCode('', 6)).to.equal('required');
    expect(incompleteCode('12345', 6)).to.equal('too-short');
    expect(incompleteCode('123456', 6)).to.equal(undefined);
  });
});
