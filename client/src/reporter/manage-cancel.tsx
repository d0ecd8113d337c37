import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Cancelling, asked in the page (not the browser's confirm()): an optional
 * reason for the press office, then "Cancel the request" or "Keep it".
 */
export function CancelRequest({ busy, confirmed, onCancel }: { busy: boolean; confirmed: boolean; onCancel: (reason: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) reasonField.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" ref={opener} className="secondary" disabled={busy} onClick={() => setAsking(true)}>
        {t('cancel.open')}
      </button>
    );
  }
  return (
    <section className="cancel-request" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(confirmed ? 'cancel.headingConfirmed' : 'cancel.heading')}</h2>
      <label htmlFor={`${id}-reason`}>{t('cancel.reason')}</label>
      <textarea id={`${id}-reason`} ref={reasonField} rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
      <div className="cancel-actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void onCancel(reason.trim())}>
          {t('cancel.confirm')}
        </button>
        <button type="button" className="quiet" disabled={busy} onClick={() => setAsking(false)}>
          {t('cancel.keep')}
        </button>
      </div>
    </section>
  );
}
