import { lazy, Suspense } from 'react';
import { ImportDropZone } from '../import/ImportDropZone';
import { useImportRequest } from '../import/import-request';
import { BoardNotice } from './BoardNotice';

const ImportDialog = lazy(() => import('../import/ImportDialog'));

/** Board-page pieces of export and import that live outside the top bar: the drop zone, the import dialog, the notice. */
export function BoardExtras() {
  const importing = useImportRequest((s) => s.request !== null || s.picking);
  return (
    <>
      <ImportDropZone />
      {importing && (
        <Suspense fallback={<div className="dialog-backdrop" aria-busy="true" />}>
          <ImportDialog />
        </Suspense>
      )}
      <BoardNotice />
    </>
  );
}
