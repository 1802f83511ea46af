import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LOGO_HEIGHT, MAX_LOGO_WIDTH, type PrinterLogo } from '../../../../../app/domain/printer';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall } from './use-settings-call';

const up8 = (n: number) => Math.max(8, Math.ceil(n / 8) * 8);

/**
 * Turns an image file into the ticket's black-and-white logo: scaled to fit the printable dots
 * (width and height multiples of 8), dark pixels black. Done here, where a canvas decodes any image;
 * the trusted side only checks the result's shape.
 */
async function toLogo(file: File): Promise<PrinterLogo> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_LOGO_WIDTH / bitmap.width, MAX_LOGO_HEIGHT / bitmap.height);
  const width = Math.min(MAX_LOGO_WIDTH, up8(bitmap.width * scale));
  const height = Math.min(MAX_LOGO_HEIGHT, up8(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, bitmap.width * scale, bitmap.height * scale);
  const { data } = context.getImageData(0, 0, width, height);
  const bits = new Uint8Array((width / 8) * height);
  for (let dot = 0; dot < width * height; dot++) {
    const luma = 0.299 * data[dot * 4]! + 0.587 * data[dot * 4 + 1]! + 0.114 * data[dot * 4 + 2]!;
    if (luma < 128) bits[dot >> 3]! |= 0x80 >> (dot & 7);
  }
  return { width, height, bits: btoa(String.fromCharCode(...bits)) };
}

/** The optional logo at the ticket's top (network printers): choose an image, or remove it. */
export function LogoField({ hasLogo }: { hasLogo: boolean }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const [present, setPresent] = useState(hasLogo);
  const [status, setStatus] = useState<Status>(null);
  const save = async (logo: PrinterLogo | null) => {
    const outcome = await call('office.printer.logo.save', { logo });
    if (outcome.ok) setPresent(outcome.value.hasLogo);
    setStatus(
      outcome.ok ? { tone: 'ok', text: t('officeSettings.saved') } : { tone: 'error', text: outcome.message },
    );
  };
  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      await save(await toLogo(file));
    } catch {
      setStatus({ tone: 'error', text: t('printer.settings.logoUnreadable') });
    }
  };
  return (
    <div className="settings-form">
      <label className="field">
        {t('printer.settings.logo')}
        <input type="file" accept="image/png,image/jpeg,image/bmp" onChange={(e) => void chosen(e)} />
      </label>
      <p className="hint">{present ? t('printer.settings.logoSet') : t('printer.settings.logoNone')}</p>
      {present ? (
        <button type="button" className="secondary" onClick={() => void save(null)}>
          {t('printer.settings.logoRemove')}
        </button>
      ) : null}
      <StatusLine status={status} />
    </div>
  );
}
