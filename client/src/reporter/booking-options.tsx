import { useId } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ZonePicker } from '../components/zone-picker';
import { languageName } from '../components/interview-options';
import type { Clock } from '../time';

/** What the reporter sets above the calendar: their zone, clock, the interview's length, language and type. */
export function BookingOptions(props: {
  timeZone: string;
  onTimeZone: (zone: string) => void;
  clock: Clock;
  onClock: (clock: Clock) => void;
  durations: number[];
  duration: number;
  onDuration: (minutes: number) => void;
  languages: string[];
  language: string;
  onLanguage: (language: string) => void;
  formats: string[];
  format: string;
  onFormat: (format: string) => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  return (
    <div className="filters booking-filters">
      <ZonePicker value={props.timeZone} onChange={props.onTimeZone} />
      {/* Native radios: one Tab stop, arrows switch. */}
      <fieldset className="clock-choice">
        <legend>{t('options.clock')}</legend>
        {(['h12', 'h23'] as const).map((clock) => (
          <label key={clock} className="radio">
            <input type="radio" name={`${id}-clock`} value={clock} checked={props.clock === clock} onChange={() => props.onClock(clock)} /> {t(clock === 'h12' ? 'options.clock12' : 'options.clock24')}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={`${id}-duration`}>{t('options.length')}</label>
        <select id={`${id}-duration`} value={props.duration} onChange={(event) => props.onDuration(Number(event.target.value))}>
          {props.durations.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('options.minutes', { minutes })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-language`}>{t('options.language')}</label>
        <select id={`${id}-language`} value={props.language} onChange={(event) => props.onLanguage(event.target.value)}>
          {props.languages.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag, locale)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-format`}>{t('options.format')}</label>
        <select id={`${id}-format`} value={props.format} onChange={(event) => props.onFormat(event.target.value)}>
          {props.formats.map((value) => (
            <option key={value} value={value}>
              {t(`format.${value}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
