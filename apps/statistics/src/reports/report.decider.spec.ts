import { specification } from '@qorgau/testing';
import { review } from './report.decider';

const report = specification(review);

describe('report review', () => {
  it('goes draft → approved → submitted', () => {
    report.given('DRAFT').when('Approve').then('APPROVED');
    report.given('APPROVED').when('Submit').then('SUBMITTED');
  });

  it('does not skip approval, and never reopens a submitted report', () => {
    report.given('DRAFT').when('Submit').thenRefused('submit-when-approved', null);
    report.given('SUBMITTED').when('Approve').thenRefused('approve-a-draft', null);
    report.given('SUBMITTED').when('Recompute').thenRefused('only-drafts-change', null);
    report.given('APPROVED').when('Recompute').thenRefused('only-drafts-change', null);
  });

  it('exports only reviewed reports', () => {
    report.given('DRAFT').when('Export').thenRefused('export-reviewed-reports', null);
    report.given('APPROVED').when('Export').then('APPROVED');
    report.given('SUBMITTED').when('Export').then('SUBMITTED');
  });
});
