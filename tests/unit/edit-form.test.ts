// The company form's own checks, before anything is sent: what the API would refuse with a
// GraphQL type error (not a whole number, or beyond GraphQL's 32-bit Int) is named at the field.
import { describe, expect, it } from 'vitest';
import { companyForm, localProblems } from '../../web/src/features/details/edit-form.ts';

const form = (fields: Partial<ReturnType<typeof companyForm>>) => ({ ...companyForm(), name: 'X', ...fields });

describe('localProblems', () => {
  it('names whole numbers that are not, and those too large for GraphQL Int', () => {
    expect(localProblems(form({ employees: '12', founded: '1999' }))).toEqual({});
    expect(localProblems(form({ employees: '2147483647' }))).toEqual({});
    expect(localProblems(form({ employees: '12.5' }))).toEqual({ employees: 'editWholeNumber' });
    expect(localProblems(form({ employees: '3000000000' }))).toEqual({ employees: 'editNumberTooLarge' });
    expect(localProblems(form({ founded: '99999999999999999999' }))).toEqual({ founded: 'editNumberTooLarge' });
  });
});
