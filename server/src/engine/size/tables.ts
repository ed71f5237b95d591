/** The generated size tables behind the SizeData interface the estimator reads. */
import type { SizeData } from './size-data';

export const sizeTables: SizeData = {
  asOf: '2026-11-23',
  imageCard: () => undefined,
  smallerImages: () => [],
  aptInstall: () => undefined,
};
