import { useId, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ZonePicker } from '../components/zone-picker';
import { languageName } from '../components/interview-options';
import { useMediaQuery } from '../components/use-media-query';
import { zoneCity, type Clock } from '../time';

/** Wide enough for the calendar beside the day's times (book.css uses the same width). */
const WIDE = '(min-width: 48rem)';

/**
 * What the reporter sets above the calendar: their zone, clock, the
 * interview's length, language and type. On a phone these are folded into one
 * line that says what shapes the times shown ("New York time · 12-hour ·
 * 30 minutes"), opened with a tap: unfolded, they stood 440 px tall between
 * the heading and the calendar and put the first free time 1,300 px down a
 * 375 px screen. The times are already in the browser's zone, and the line
 * names it; language and type are asked again in the request form.
 */
export function BookingOptions(props: OptionsProps) {
  const { t } = useI18n();
  const wide = useMediaQuery(WIDE);
  const [open, setOpen] = useState(false);
  const chosen = [
    t('options.zoneTime', { city: zoneCity(props.timeZone) }),
    t(props.clock === 'h12' ? 'options.clock12' : 'options.clock24'),
    t('options.minutes', { minutes: props.duration }),
  ];
  // One element tree at every width (a <details> kept open, its summary hidden,
  // on wide screens), so turning a phone or resizing keeps what was typed.
  return (
    <details className="booking-options" open={wide || open} onToggle={(event) => !wide && setOpen(event.currentTarget.open)}>
      <summary>
        <span className="booking-options-title">{t('options.summary')}</span> <span className="booking-options-chosen">{chosen.join(' · ')}</span>
      </summary>
      <OptionFields {...props} />
    </details>
  );
}

type OptionsProps = {
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
};

function OptionFields(props: OptionsProps): ReactNode {
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
