import type { ColumnMapping, ImportProgress, RegisterImport, RegisterPreview, RegisterSource } from '@kcbx/api-contract';
import { useEffect, useRef, useState } from 'react';
import { LatestRequest } from '../../util/latestRequest';
import { useShowError } from '../../util/useShowError';
import { REQUIRED_FIELDS } from './ColumnMappingTable';
import { ledgersApi } from './ledgersApi';

const POLL_MS = 400;

/**
 * The state of one register's import: the chosen file, its column mapping and checked preview (nothing saved),
 * then the import itself with its progress polled from the server while it saves.
 */
export function useRegisterImport(source: RegisterSource, onImported: () => void) {
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<RegisterPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<RegisterImport | null>(null);
  const polling = useRef<ReturnType<typeof setInterval>>();
  // Choosing another file or mapping while a check runs: only the newest check's preview is shown.
  const checks = useRef(new LatestRequest());
  useEffect(() => {
    const pending = checks.current;
    return () => {
      clearInterval(polling.current);
      pending.cancel();
    };
  }, []);

  const reset = () => {
    checks.current.cancel();
    setFile(null);
    setMapping({});
    setPreview(null);
    setProgress(null);
    setResult(null);
  };

  const check = (f: File, m: ColumnMapping) => {
    setBusy(true);
    void checks.current.run(
      () => ledgersApi.preview(source, f, m),
      (p) => {
        setPreview(p);
        setMapping(p.mapping);
        setBusy(false);
      },
      (e) => {
        showError(e);
        setBusy(false);
      },
    );
  };

  const choose = (f: File) => {
    reset();
    setFile(f);
    check(f, {});
    return false; // we upload ourselves
  };

  const runImport = () => {
    if (!file) return;
    const key = `${source}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setBusy(true);
    setProgress({ phase: 'unknown', done: 0, total: 0 });
    polling.current = setInterval(() => {
      ledgersApi
        .progress(key)
        .then((p) => p.phase !== 'unknown' && setProgress(p))
        .catch(() => undefined);
    }, POLL_MS);
    ledgersApi
      .importRegister(source, file, mapping, key, () => undefined)
      .then((r) => {
        setResult(r);
        setProgress({ phase: 'done', done: 1, total: 1 });
        onImported();
      })
      .catch((e) => {
        setProgress(null);
        showError(e);
      })
      .finally(() => {
        clearInterval(polling.current);
        setBusy(false);
      });
  };

  const mappedOk = REQUIRED_FIELDS.every((f) => mapping[f]);
  const step = result ? 2 : preview ? 1 : 0;
  const percent = progress
    ? progress.phase === 'done'
      ? 100
      : progress.total
        ? Math.round((progress.done / progress.total) * 100)
        : 0
    : 0;

  return { file, mapping, setMapping, preview, busy, progress, result, reset, check, choose, runImport, mappedOk, step, percent };
}
