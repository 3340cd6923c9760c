import { accept, refuse, type Decision } from '@qorgau/domain';

export type ReportStatus = 'DRAFT' | 'APPROVED' | 'SUBMITTED';

/** draft → approved → submitted. Only a draft's figures may be recomputed; a submitted report never changes. */
export function review(status: ReportStatus, action: 'Recompute' | 'Approve' | 'Submit' | 'Export'): Decision<ReportStatus> {
  switch (action) {
    case 'Recompute':
      return status === 'DRAFT' ? accept('DRAFT') : refuse({ rule: 'only-drafts-change', message: `the report is ${status}; only a draft's figures can be recomputed` });
    case 'Approve':
      return status === 'DRAFT' ? accept('APPROVED') : refuse({ rule: 'approve-a-draft', message: `the report is ${status}; only a draft can be approved` });
    case 'Submit':
      return status === 'APPROVED' ? accept('SUBMITTED') : refuse({ rule: 'submit-when-approved', message: `the report is ${status}; it must be approved before it is submitted` });
    case 'Export':
      return status === 'DRAFT' ? refuse({ rule: 'export-reviewed-reports', message: 'a draft has not been reviewed; approve it before anything leaves the organisation' }) : accept(status);
  }
}
