import { useEffect, useState } from 'react';
import { cx } from '../shared/cx.js';
import { DownloadIcon } from '../shared/icons/DownloadIcon.js';
import type { ShareKitClassNames } from './shareKitSlots.js';
import type { ShareKitLabels } from './shareKitLabels.js';

export interface ShareKitQrPanelProps {
  /** The link the code holds; `undefined` while it is being tracked. */
  url: string | undefined;
  /** The file name of the downloads, without extension. */
  fileName: string;
  labels: ShareKitLabels;
  styled: boolean;
  classNames: ShareKitClassNames;
  id: string;
}

interface QrImages {
  svg: string;
  png: string;
}

/**
 * The QR code of the referral link, made in the browser by the `qrcode` package, which is loaded
 * with a dynamic import the first time a panel mounts: a separate chunk that hosts who never
 * open the panel never download. Always dark on white (scanners need the contrast), with SVG and
 * PNG downloads.
 */
export function ShareKitQrPanel({ url, fileName, labels, styled, classNames, id }: ShareKitQrPanelProps) {
  const [images, setImages] = useState<QrImages | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!url) return;
    let live = true;
    import('qrcode')
      .then(async (module) => {
        // CommonJS in Node (tests, SSR), ESM-wrapped in bundlers: the API sits on either.
        const qr = (module as unknown as { default?: typeof module }).default ?? module;
        const options = {
          errorCorrectionLevel: 'M' as const,
          margin: 2,
          color: { dark: '#000000', light: '#ffffff' },
        };
        const [svg, png] = await Promise.all([
          qr.toString(url, { ...options, type: 'svg' }),
          qr.toDataURL(url, { ...options, width: 640 }),
        ]);
        if (live) setImages({ svg: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, png });
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [url]);

  const button = cx(
    'podium-share-kit__download',
    styled &&
      'podium:inline-flex podium:items-center podium:gap-1.5 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-control-border) podium:bg-(--podium-bg) podium:px-2.5 podium:py-1 podium:text-sm podium:font-medium podium:text-(--podium-fg) podium:no-underline podium:hover:bg-(--podium-surface)',
    classNames.button,
  );

  return (
    <div
      id={id}
      className={cx(
        'podium-share-kit__qr',
        styled &&
          'podium:flex podium:flex-col podium:items-center podium:gap-3 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-4',
        classNames.qr,
      )}
      data-state={failed ? 'error' : images ? 'ready' : 'loading'}
    >
      {failed ? (
        <p role="alert" className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-danger)')}>
          {labels.shareKitQrFailed}
        </p>
      ) : images ? (
        <>
          <img
            src={images.svg}
            alt={labels.shareKitQrAlt}
            width={176}
            height={176}
            className={cx(styled && 'podium:block podium:size-44 podium:rounded-md podium:bg-white')}
          />
          <div className={cx(styled && 'podium:flex podium:flex-wrap podium:justify-center podium:gap-2')}>
            <a className={button} href={images.png} download={`${fileName}.png`}>
              <DownloadIcon />
              {labels.shareKitDownloadPng}
            </a>
            <a className={button} href={images.svg} download={`${fileName}.svg`}>
              <DownloadIcon />
              {labels.shareKitDownloadSvg}
            </a>
          </div>
        </>
      ) : (
        <div
          role="status"
          className={cx(
            styled &&
              'podium:size-44 podium:rounded-md podium:bg-(--podium-border) podium:animate-pulse podium:motion-reduce:animate-none',
          )}
        >
          <span className="podium-sr-only">{labels.shareKitQrLoading}</span>
        </div>
      )}
    </div>
  );
}
