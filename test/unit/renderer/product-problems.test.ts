/**
 * Product field and import problems in the office (issue 13): every code the domain can emit has
 * its Spanish (es-MX) and English words, using only that code's params; the office translates a
 * code with its params and falls back to the English text it came with. See [Note: product problems].
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PRODUCT_PROBLEM_CODES,
  describeProblem,
  fieldIssue,
  importIssue,
  problemParamNames,
  type ProductProblem,
} from '../../../app/domain/products/product-problems';
import { problemText } from '../../../renderer/src/features/office/products/problem-text';
import { en } from '../../../renderer/src/i18n/en';
import { esMX } from '../../../renderer/src/i18n/es-mx';
import { initI18n } from '../../../renderer/src/i18n/i18n';

const LANGUAGES = { 'es-MX': esMX.officeProducts.problems, en: en.officeProducts.problems };

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((match) => match[1]!);
}

describe('product problem codes', () => {
  it('are snake_case and listed once', () => {
    expect(PRODUCT_PROBLEM_CODES.length).toBeGreaterThan(30);
    expect(new Set(PRODUCT_PROBLEM_CODES).size).toBe(PRODUCT_PROBLEM_CODES.length);
    for (const code of PRODUCT_PROBLEM_CODES) expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });

  it.each(Object.entries(LANGUAGES))('each has a %s text that uses only its own params', (_, texts) => {
    expect(Object.keys(texts).sort()).toEqual([...PRODUCT_PROBLEM_CODES].sort());
    for (const code of PRODUCT_PROBLEM_CODES) {
      const text = texts[code];
      expect(text.trim(), code).not.toBe('');
      expect(problemParamNames(code), `${code}: ${text}`).toEqual(expect.arrayContaining(placeholders(text)));
    }
  });

  it('each has English words for the CLI, with every param in them', () => {
    for (const code of PRODUCT_PROBLEM_CODES) {
      const names = problemParamNames(code);
      const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
      const problem = (names.length > 0 ? { code, params } : { code }) as ProductProblem;
      const english = describeProblem(problem);
      expect(english.trim(), code).not.toBe('');
      for (const name of names) expect(english, code).toContain(`<${name}>`);
    }
  });

  it('travel with the English text made from the same code', () => {
    const problem: ProductProblem = {
      code: 'barcode_check_digit',
      params: { code: '7501031311300', kind: 'EAN-13' },
    };
    expect(fieldIssue('barcodes.0', problem)).toEqual({
      path: 'barcodes.0',
      message: '7501031311300 has a wrong EAN-13 check digit',
      ...problem,
    });
    expect(importIssue(3, 'Código', { code: 'required_for_new' })).toEqual({
      line: 3,
      column: 'Código',
      reason: 'required for a new product',
      code: 'required_for_new',
    });
  });
});

describe('product problems in the office', () => {
  let i18n: Awaited<ReturnType<typeof initI18n>>;
  beforeAll(async () => {
    i18n = await initI18n('es-MX');
  });

  const checkDigit = fieldIssue('barcodes.0', {
    code: 'barcode_check_digit',
    params: { code: '7501031311300', kind: 'EAN-13' },
  });
  const repeated = importIssue(7, 'Código', { code: 'sku_repeated', params: { code: 'NUEVO-1', line: 2 } });

  it.each([
    [
      'es-MX',
      'El dígito verificador de 7501031311300 no es válido para EAN-13.',
      'El código NUEVO-1 se repite: ya está en la línea 2.',
    ],
    ['en', '7501031311300 has a wrong EAN-13 check digit.', 'Código NUEVO-1 is repeated: already on line 2.'],
  ])('are worded in %s with their params', async (language, checkDigitText, repeatedText) => {
    await i18n.changeLanguage(language);
    expect(problemText(i18n.t, checkDigit, checkDigit.message)).toBe(checkDigitText);
    expect(problemText(i18n.t, repeated, repeated.reason)).toBe(repeatedText);
  });

  it('fall back to the English text for an unknown or missing code', async () => {
    await i18n.changeLanguage('es-MX');
    expect(problemText(i18n.t, { code: 'from_a_newer_core', params: { x: 1 } }, 'something new')).toBe(
      'something new',
    );
    expect(problemText(i18n.t, {}, 'Expected number, received string')).toBe(
      'Expected number, received string',
    );
  });
});
