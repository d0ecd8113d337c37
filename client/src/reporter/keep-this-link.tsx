import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** The private link to this page, without the "just created" flag. */
function manageLink(reference: string, token: string): string {
  return `${window.location.origin}/manage/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
}

/** "Keep this link": the manage link with a copy button (and a selectable field where the clipboard is refused). */
export function KeepThisLink({ reference, token }: { reference: string; token: string }) {
  const { t } = useI18n();
  const link = manageLink(reference, token);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('link.copied'));
    } catch {
      // No clipboard (plain HTTP, or permission refused): select the text so the reporter can copy it.
      (document.getElementById('manage-link') as HTMLInputElement | null)?.select();
      setCopied(t('link.select'));
    }
  };
  return (
    <div className="keep-link">
      <p>
        <strong>{t('link.keep')}</strong> {t('link.why')}
      </p>
      <label htmlFor="manage-link">{t('link.label')}</label>
      <div className="copy-row">
        <input id="manage-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="quiet" onClick={copy}>
          {t('link.copy')}
        </button>
      </div>
      <span role="status">{copied}</span>
    </div>
  );
}
