import { homepage, version } from '../../../package.json';

export const PRODUCT_NAME = 'Shipshape';
export const PRODUCT_VERSION: string = version;
export const PRODUCT_HOMEPAGE: string = homepage;
