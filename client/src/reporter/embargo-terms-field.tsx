// For the booking form: when the reporter came through an embargoed preview
// link (?preview=<token> beside ?release=), the embargo terms to accept. The
// acceptance and the token go with the request (embargoRequestFields) and the
// server stores the acceptance with it.
import { useId } from 'react';
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n';

function previewTokenFromAddress(): string | null {
  return new URLSearchParams(window.location.search).get('preview');
}

/** The extra fields of requests.create for an embargoed release; nothing otherwise. */
export function embargoRequestFields(form: FormData): { previewToken?: string; acceptEmbargoTerms?: boolean } {
  const token = previewTokenFromAddress();
  if (!token) return {};
  return { previewToken: token, acceptEmbargoTerms: form.get('acceptEmbargoTerms') === 'on' };
}

export function EmbargoTermsField() {
  const { t } = useI18n();
  const token = previewTokenFromAddress();
  const id = useId();
  const release = useQuery(() => (token ? api.releases.preview.query({ token }) : Promise.resolve(null)), [token]);
  if (!token || release.status !== 'ready' || !release.data?.underEmbargo) return null;
  return (
    <fieldset className="embargo-terms">
      <legend>{t('embargo.legend')}</legend>
      <p id={`${id}-terms`}>
        {t('embargo.isUnder', { title: release.data.title })}
        {release.data.embargoTerms && <> {t('embargo.termsInline', { terms: release.data.embargoTerms })}</>}
      </p>
      <label className="checkbox">
        <input type="checkbox" name="acceptEmbargoTerms" required aria-describedby={`${id}-terms`} /> {t('embargo.accept')}
      </label>
    </fieldset>
  );
}
