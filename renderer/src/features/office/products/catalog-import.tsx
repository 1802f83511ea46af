import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_FILE_MAX_BYTES } from '../../../../../app/api/office/products.contract';
import type {
  CatalogFile,
  CatalogFormat,
  ImportSummary,
} from '../../../../../app/domain/products/products-admin';
import { useOfficeCommand } from '../../../store/office/use-office';
import { useAppStore } from '../../../store/store-context';
import { downloadFile } from '../shifts/download-file';
import { problemText, useExplainUnusableFile } from './problem-text';

/** The file's bytes as base64, in chunks (a 4 MB spreadsheet would overflow one call's arguments). */
async function fileAsCatalog(file: File): Promise<CatalogFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, base64: btoa(binary) };
}

/**
 * Import in two steps, as the issue asks: the file is checked first (every refused row with its
 * line, column and reason, nothing written), then the valid rows are written in one transaction.
 * Also the template and the export, in both formats.
 */
export function CatalogImport() {
  const { t } = useTranslation();
  const inputId = useId();
  const { busy, run } = useOfficeCommand(useExplainUnusableFile());
  const notify = useAppStore((s) => s.notify);
  const [file, setFile] = useState<CatalogFile | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [tooBig, setTooBig] = useState(false);

  const choose = async (chosen: File | undefined) => {
    setPreview(null);
    setFile(null);
    setTooBig(false);
    if (!chosen) return;
    if (chosen.size > CATALOG_FILE_MAX_BYTES) return setTooBig(true);
    const catalog = await fileAsCatalog(chosen);
    setFile(catalog);
    setPreview(await run('office.products.importPreview', catalog));
  };
  const commit = async () => {
    if (!file) return;
    const done = await run('office.products.importCommit', file);
    if (!done) return;
    setPreview(null);
    setFile(null);
    notify('info', 'officeProducts.import.done', {
      imported: done.imported,
      updated: done.updated,
      rejected: done.rejected,
    });
  };
  const download = async (
    channel: 'office.products.template' | 'office.products.export',
    format: CatalogFormat,
  ) => {
    const exported = await run(channel, { format });
    if (exported) downloadFile(exported);
  };
  const toWrite = preview ? preview.imported + preview.updated : 0;

  return (
    <section className="open-list catalog-import" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{t('officeProducts.import.title')}</h3>
      <p className="hint">{t('officeProducts.import.intro')}</p>
      <div className="import-row">
        <label htmlFor={inputId}>{t('officeProducts.import.file')}</label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {tooBig ? (
        <p className="field-issue" role="alert">
          {t('officeProducts.import.tooBig', { mb: CATALOG_FILE_MAX_BYTES / 1024 / 1024 })}
        </p>
      ) : null}
      {busy && !preview ? <p role="status">{t('officeProducts.import.reading')}</p> : null}
      {preview ? (
        <div className="import-preview">
          <p data-testid="import-summary">{t('officeProducts.import.summary', { ...preview })}</p>
          {preview.issues.length > 0 ? (
            <table className="import-issues">
              <caption>{t('officeProducts.import.issues')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officeProducts.import.line')}</th>
                  <th scope="col">{t('officeProducts.import.column')}</th>
                  <th scope="col">{t('officeProducts.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.issues.map((issue, index) => (
                  <tr key={index}>
                    <td>{issue.line}</td>
                    <td>{issue.column ?? ''}</td>
                    <td>{problemText(t, issue, issue.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.issuesTruncated ? <p className="hint">{t('officeProducts.import.truncated')}</p> : null}
          <button
            type="button"
            className="primary"
            disabled={busy || toWrite === 0}
            onClick={() => void commit()}
          >
            {t('officeProducts.import.commit', { count: toWrite })}
          </button>
        </div>
      ) : null}
      <div className="actions">
        {(['xlsx', 'csv'] as const).map((format) => (
          <button
            key={`template-${format}`}
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void download('office.products.template', format)}
          >
            {t('officeProducts.import.template', { format: format.toUpperCase() })}
          </button>
        ))}
        {(['xlsx', 'csv'] as const).map((format) => (
          <button
            key={`export-${format}`}
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void download('office.products.export', format)}
          >
            {t('officeProducts.import.export', { format: format.toUpperCase() })}
          </button>
        ))}
      </div>
    </section>
  );
}
